package io.vitrine.search.lucene;

import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchQuery.SortOrder;
import io.vitrine.search.SearchResult;
import io.vitrine.search.SearchResult.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Runs one {@link SearchQuery} against a searcher: hits of one page, plus the exact total and the
 * facet counts over every hit (not only the page). {@code limit} is clamped to 1..{@link #MAX_LIMIT}.
 */
final class QueryRunner {

    static final int MAX_LIMIT = 200;

    private final TextQueryBuilder textQueries;
    private final FilterQueries filters;
    private final FacetCounter facets;

    QueryRunner(Analyzer analyzer, FacetsConfig facetsConfig) {
        this.textQueries = new TextQueryBuilder(analyzer);
        this.filters = new FilterQueries(facetsConfig);
        this.facets = new FacetCounter(facetsConfig);
    }

    SearchResult run(IndexSearcher searcher, SearchQuery query) throws IOException {
        SortOrder order = query.sort() == null ? SortOrder.RELEVANCE : query.sort();
        FieldDoc after = query.cursor() == null
                ? null
                : CursorCodec.decode(order, query.cursor(), searcher.getIndexReader().maxDoc() - 1);
        int limit = Math.clamp(query.limit(), 1, MAX_LIMIT);
        // one extra hit tells whether a next page exists, so the last page has no cursor
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.searchAfter(
                searcher, after, luceneQuery(query), limit + 1, SortSpec.sort(order), true,
                new FacetsCollectorManager());
        return result(searcher, order, limit, found);
    }

    private Query luceneQuery(SearchQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(textQueries.build(query.text()), Occur.MUST);
        filters.addTo(builder, query);
        return builder.build();
    }

    private SearchResult result(IndexSearcher searcher, SortOrder order, int limit,
            FacetsCollectorManager.FacetsResult found) throws IOException {
        TopDocs top = found.topDocs();
        int pageSize = Math.min(limit, top.scoreDocs.length);
        List<Hit> hits = new ArrayList<>(pageSize);
        for (int i = 0; i < pageSize; i++) {
            FieldDoc doc = (FieldDoc) top.scoreDocs[i];
            hits.add(new Hit(((BytesRef) doc.fields[1]).utf8ToString(), score(doc)));
        }
        String next = top.scoreDocs.length > limit
                ? CursorCodec.encode(order, (FieldDoc) top.scoreDocs[pageSize - 1])
                : null;
        FacetsCollector all = found.facetsCollector();
        return new SearchResult(total(all), hits, facets.count(searcher.getIndexReader(), all), next);
    }

    /** TopDocs totals are a lower bound past 1,000 hits; the facet collector saw every hit. */
    private static long total(FacetsCollector all) {
        return all.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    }

    private static float score(ScoreDoc doc) {
        return Float.isNaN(doc.score) ? 0f : doc.score;
    }
}
