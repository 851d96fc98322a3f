package io.vitrine.search.lucene;

import io.vitrine.search.Facet;
import io.vitrine.search.SearchResult.FacetCount;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;

/**
 * Counts the top values of every {@link Facet} over the docs a query collected. The ordinal map of
 * the facet field costs a pass over all segments, so it is built once per reader, not per query.
 */
final class FacetCounter {

    static final int TOP_VALUES = 20;
    private static final Comparator<FacetCount> BY_COUNT_THEN_VALUE =
            Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);

    private record CachedState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private final FacetsConfig config;
    private final String indexField;
    private volatile CachedState cached;

    FacetCounter(FacetsConfig config) {
        this.config = config;
        this.indexField = config.getDimConfig(Facet.STATUS.apiName()).indexFieldName;
    }

    /** Every facet is present in the result, with an empty list when nothing matched. */
    Map<String, List<FacetCount>> count(IndexReader reader, FacetsCollector hits) throws IOException {
        Map<String, List<FacetCount>> result = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = state(reader);
        SortedSetDocValuesFacetCounts counts =
                state == null ? null : new SortedSetDocValuesFacetCounts(state, hits);
        for (Facet facet : Facet.values()) {
            result.put(facet.apiName(), counts == null ? List.of() : top(counts, state, facet));
        }
        return result;
    }

    private static List<FacetCount> top(SortedSetDocValuesFacetCounts counts,
            SortedSetDocValuesReaderState state, Facet facet) throws IOException {
        if (state.getOrdRange(facet.apiName()) == null) {
            return List.of(); // no document ever had this facet: Lucene would throw
        }
        FacetResult top = counts.getTopChildren(TOP_VALUES, facet.apiName());
        if (top == null) {
            return List.of();
        }
        return Arrays.stream(top.labelValues)
                .map(lv -> new FacetCount(lv.label, lv.value.longValue()))
                .sorted(BY_COUNT_THEN_VALUE)
                .toList();
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        CachedState current = cached;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        FieldInfo field = FieldInfos.getMergedFieldInfos(reader).fieldInfo(indexField);
        SortedSetDocValuesReaderState state = field == null
                ? null
                : new DefaultSortedSetDocValuesReaderState(reader, indexField, config);
        cached = new CachedState(reader, state);
        return state;
    }
}
