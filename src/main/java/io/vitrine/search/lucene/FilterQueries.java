package io.vitrine.search.lucene;

import io.vitrine.search.Facet;
import io.vitrine.search.InvalidQueryException;
import io.vitrine.search.SearchQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Facet and date filters: values of one facet are OR-ed, facets are AND-ed, and the date range is
 * inclusive on both ends. A {@code mediaType} value without a slash ("image") is a major type and
 * accepts every subtype ("image/jpeg", "image/png"). Media types compare case-insensitively; other
 * facet values compare exactly after trimming, as they are counted.
 */
final class FilterQueries {

    /** Bounds the clause count; a user picks a handful of values, never hundreds. */
    static final int MAX_VALUES_PER_FACET = 100;

    private final FacetsConfig facetsConfig;

    FilterQueries(FacetsConfig facetsConfig) {
        this.facetsConfig = facetsConfig;
    }

    /** Adds the filters of {@code query} to {@code builder} as non-scoring clauses. */
    void addTo(BooleanQuery.Builder builder, SearchQuery query) {
        Map<Facet, List<String>> filters = query.filters() == null ? Map.of() : query.filters();
        filters.forEach((facet, values) -> {
            if (facet == null) {
                throw new InvalidQueryException("unknown facet");
            }
            List<String> accepted = values == null ? List.of() : values.stream()
                    .filter(Objects::nonNull).map(DocumentMapper::facetValue)
                    .filter(v -> !v.isEmpty()).distinct().toList();
            if (accepted.size() > MAX_VALUES_PER_FACET) {
                throw new InvalidQueryException("more than " + MAX_VALUES_PER_FACET
                        + " values for facet " + facet.apiName());
            }
            if (!accepted.isEmpty()) {
                builder.add(anyOf(facet, accepted), Occur.FILTER);
            }
        });
        if (query.from() != null || query.to() != null) {
            builder.add(dateRange(query.from(), query.to()), Occur.FILTER);
        }
        if (query.visibleRegions() != null) {
            builder.add(visibleIn(query.visibleRegions()), Occur.FILTER);
        }
        if (query.visibleCollections() != null) {
            builder.add(inAnyCollection(query.visibleCollections()), Occur.FILTER);
        }
    }

    /** A filter inside the query, so totals and facet counts never count what the caller cannot see. */
    private static Query visibleIn(java.util.Set<String> regions) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(new TermQuery(new Term(IndexSchema.REGION, IndexSchema.EVERYWHERE)), Occur.SHOULD);
        regions.stream()
                .forEach(r -> any.add(new TermQuery(new Term(IndexSchema.REGION, r)), Occur.SHOULD));
        return any.build();
    }

    /** Also a filter inside the query; no collections at all matches nothing. */
    private static Query inAnyCollection(java.util.Set<String> collections) {
        if (collections.size() > 1000) {
            throw new InvalidQueryException("too many collections to filter by");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        collections.forEach(c -> any.add(new TermQuery(new Term(IndexSchema.COLLECTION, c)), Occur.SHOULD));
        return collections.isEmpty() ? new org.apache.lucene.search.MatchNoDocsQuery("no collections") : any.build();
    }

    private Query anyOf(Facet facet, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(valueQuery(facet, value), Occur.SHOULD);
        }
        return any.build();
    }

    private Query valueQuery(Facet facet, String value) {
        if (facet == Facet.MEDIA_TYPE) {
            String type = DocumentMapper.normalizeMediaType(value);
            if (!type.contains("/")) {
                return new TermQuery(new Term(IndexSchema.MEDIA_MAJOR, type.toLowerCase(Locale.ROOT)));
            }
            value = type;
        }
        String indexField = facetsConfig.getDimConfig(facet.apiName()).indexFieldName;
        return new TermQuery(DrillDownQuery.term(indexField, facet.apiName(), value));
    }

    private static Query dateRange(Instant from, Instant to) {
        long lower = from == null ? Long.MIN_VALUE : DocumentMapper.epochMillis(from);
        long upper = to == null ? Long.MAX_VALUE : DocumentMapper.epochMillis(to);
        if (lower > upper) {
            throw new InvalidQueryException("date range 'from' is after 'to'");
        }
        return LongPoint.newRangeQuery(IndexSchema.DATE, lower, upper);
    }
}
