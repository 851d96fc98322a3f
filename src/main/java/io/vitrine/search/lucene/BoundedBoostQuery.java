package io.vitrine.search.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The wrapped query's score times a per-document factor known to lie in [1, {@code maxFactor}].
 * Lucene's {@code FunctionScoreQuery} cannot bound its factor, so it reports an infinite maximum
 * score and every hit of a text query gets scored; with the bound, top-k collection keeps
 * block-max WAND and skips documents that cannot reach the page.
 */
final class BoundedBoostQuery extends Query {
    private final Query in;
    private final DoubleValuesSource factor;
    private final float maxFactor;

    BoundedBoostQuery(Query in, DoubleValuesSource factor, float maxFactor) {
        if (!(maxFactor >= 1)) {
            throw new IllegalArgumentException("maxFactor must be at least 1");
        }
        this.in = Objects.requireNonNull(in);
        this.factor = Objects.requireNonNull(factor);
        this.maxFactor = maxFactor;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = in.createWeight(searcher, scoreMode, boost);
        return scoreMode.needsScores() ? new BoostedWeight(inner) : inner;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? super.rewrite(searcher) : new BoundedBoostQuery(rewritten, factor, maxFactor);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "bounded(" + in.toString(field) + " × " + factor + " ≤ " + maxFactor + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((BoundedBoostQuery) other).in)
                && factor.equals(((BoundedBoostQuery) other).factor) && maxFactor == ((BoundedBoostQuery) other).maxFactor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, factor, maxFactor);
    }

    private final class BoostedWeight extends FilterWeight {
        BoostedWeight(Weight in) {
            super(BoundedBoostQuery.this, in);
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            ScorerSupplier inner = in.scorerSupplier(context);
            if (inner == null) {
                return null;
            }
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    return new BoostedScorer(inner.get(leadCost), factor.getValues(context, null));
                }

                @Override
                public long cost() {
                    return inner.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    inner.setTopLevelScoringClause();
                }
            };
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            Explanation inner = in.explain(context, doc);
            if (!inner.isMatch()) {
                return inner;
            }
            float f = valueAt(factor.getValues(context, null), doc);
            return Explanation.match(inner.getValue().floatValue() * f, "product of:", inner,
                    Explanation.match(f, factor.toString()));
        }

        @Override
        public boolean isCacheable(LeafReaderContext context) {
            return in.isCacheable(context) && factor.isCacheable(context);
        }
    }

    private final class BoostedScorer extends FilterScorer {
        private final DoubleValues values;

        BoostedScorer(Scorer in, DoubleValues values) {
            super(in);
            this.values = values;
        }

        @Override
        public float score() throws IOException {
            return in.score() * valueAt(values, docID());
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo) * maxFactor;
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            // a document whose own score is below min/max cannot reach min even at the largest factor
            in.setMinCompetitiveScore(Math.nextDown((float) (minScore / (double) maxFactor)));
        }
    }

    /** The factor at {@code doc}, clamped to the promised range. */
    private float valueAt(DoubleValues values, int doc) throws IOException {
        double f = values.advanceExact(doc) ? values.doubleValue() : 1;
        return (float) Math.clamp(f, 1, maxFactor);
    }
}
