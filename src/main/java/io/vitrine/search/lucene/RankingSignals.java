package io.vitrine.search.lucene;

import io.vitrine.search.IndexDocument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Quality and recency as gentle multipliers of the text score: at most ×1.10 for a quality score
 * of 100 (×1.05 while unknown, so unscored assets are not buried) and at most ×1.05 for an asset
 * dated today, halving every year. Gentle on purpose: a better text match always wins over a
 * better photo; between two equal matches, the sharper and newer comes first. "Now" is the start
 * of the UTC day, so the scores, and the cursors built on them, stay stable while a user pages.
 */
final class RankingSignals {
    static final String QUALITY = "quality";
    static final double QUALITY_WEIGHT = 0.10;
    static final double RECENCY_WEIGHT = 0.05;
    static final Duration HALF_LIFE = Duration.ofDays(365);
    /** Quality 100 and dated today; the bound lets top-k search skip hits that cannot make the page. */
    static final float MAX_FACTOR = Math.nextUp((float) ((1 + QUALITY_WEIGHT) * (1 + RECENCY_WEIGHT)));

    private RankingSignals() {}

    static void addTo(Document doc, IndexDocument source) {
        if (source.quality() != null) {
            doc.add(new NumericDocValuesField(QUALITY, Math.clamp(source.quality(), 0, 100)));
        }
    }

    static Query boost(Query text) {
        long today = Instant.now().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        return new BoundedBoostQuery(text, new Multiplier(today), MAX_FACTOR);
    }

    /** The factor of one document; the date comes from {@link IndexSchema#DATE} doc values. */
    static double factor(Integer quality, Long dateMillis, long nowMillis) {
        double q = quality == null ? 0.5 : quality / 100.0;
        double recency = 0;
        if (dateMillis != null) {
            double ageDays = Math.max(0, (nowMillis - dateMillis) / 86_400_000.0);
            recency = Math.pow(0.5, ageDays / HALF_LIFE.toDays());
        }
        return (1 + QUALITY_WEIGHT * q) * (1 + RECENCY_WEIGHT * recency);
    }

    private static final class Multiplier extends DoubleValuesSource {
        private final long now;

        Multiplier(long now) {
            this.now = now;
        }

        @Override
        public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
            NumericDocValues quality = DocValues.getNumeric(ctx.reader(), QUALITY);
            NumericDocValues date = DocValues.getNumeric(ctx.reader(), IndexSchema.DATE);
            return new DoubleValues() {
                private double value;

                @Override
                public double doubleValue() {
                    return value;
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    Integer q = quality.advanceExact(doc) ? (int) quality.longValue() : null;
                    Long d = date.advanceExact(doc) ? date.longValue() : null;
                    value = factor(q, d, now);
                    return true;
                }
            };
        }

        @Override
        public boolean needsScores() {
            return false;
        }

        @Override
        public DoubleValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return DocValues.isCacheable(ctx, QUALITY, IndexSchema.DATE);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(now);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Multiplier m && m.now == now;
        }

        @Override
        public String toString() {
            return "quality and recency boost";
        }
    }
}
