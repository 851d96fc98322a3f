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
    private final BrowseCountsCache browseCounts = new BrowseCountsCache();
    private final HybridRunner hybrid;

    QueryRunner(Analyzer analyzer, FacetsConfig facetsConfig) {
        this.textQueries = new TextQueryBuilder(analyzer);
        this.filters = new FilterQueries(facetsConfig);
        this.facets = new FacetCounter(facetsConfig);
        this.hybrid = new HybridRunner(textQueries, filters, facets);
    }

    SearchResult run(IndexSearcher searcher, SearchQuery query) throws IOException {
        if (query.hybrid() != null) {
            return hybrid.run(searcher, query, Math.clamp(query.limit(), 1, MAX_LIMIT));
        }
        SortOrder order = query.sort() == null ? SortOrder.RELEVANCE : query.sort();
        FieldDoc after = query.cursor() == null
                ? null
                : CursorCodec.decode(order, query.cursor(), searcher.getIndexReader().maxDoc() - 1);
        int limit = Math.clamp(query.limit(), 1, MAX_LIMIT);
        Object reader = searcher.getIndexReader().getReaderCacheHelper().getKey();
        BrowseCountsCache.Counts known = BrowseCountsCache.applies(query) ? browseCounts.get(reader, query) : null;
        Query lucene = luceneQuery(query);
        if (known == null && ranked(query)) {
            // facets need every hit, the page only the best: a scoreless pass counts, and the top-k
            // pass skips (block-max WAND) the hits that cannot reach the page instead of scoring all
            known = counts(searcher, searcher.search(lucene, new FacetsCollectorManager()));
        }
        if (known != null) {
            // one extra hit tells whether a next page exists, so the last page has no cursor
            TopDocs top = searcher.searchAfter(after, lucene, limit + 1, SortSpec.sort(order), true);
            return page(order, limit, top, known);
        }
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.searchAfter(
                searcher, after, lucene, limit + 1, SortSpec.sort(order), true,
                new FacetsCollectorManager());
        BrowseCountsCache.Counts counts = counts(searcher, found.facetsCollector());
        if (BrowseCountsCache.applies(query)) {
            browseCounts.put(reader, query, counts);
        }
        return page(order, limit, found.topDocs(), counts);
    }

    private BrowseCountsCache.Counts counts(IndexSearcher searcher, FacetsCollector all) throws IOException {
        return new BrowseCountsCache.Counts(total(all), facets.count(searcher.getIndexReader(), all));
    }

    private static boolean ranked(SearchQuery query) {
        return (query.sort() == null || query.sort() == SortOrder.RELEVANCE) && query.text() != null && !query.text().isBlank();
    }

    private Query luceneQuery(SearchQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Query text = textQueries.build(query.text(), query.language());
        builder.add(ranked(query) ? RankingSignals.boost(text) : text, Occur.MUST);
        filters.addTo(builder, query);
        return builder.build();
    }

    private static SearchResult page(SortOrder order, int limit, TopDocs top, BrowseCountsCache.Counts counts) {
        int pageSize = Math.min(limit, top.scoreDocs.length);
        List<Hit> hits = new ArrayList<>(pageSize);
        for (int i = 0; i < pageSize; i++) {
            FieldDoc doc = (FieldDoc) top.scoreDocs[i];
            hits.add(new Hit(((BytesRef) doc.fields[1]).utf8ToString(), score(doc)));
        }
        String next = top.scoreDocs.length > limit
                ? CursorCodec.encode(order, (FieldDoc) top.scoreDocs[pageSize - 1])
                : null;
        return new SearchResult(counts.total(), hits, counts.facets(), next);
    }

    /** TopDocs totals are a lower bound past 1,000 hits; the facet collector saw every hit. */
    private static long total(FacetsCollector all) {
        return all.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    }

    private static float score(ScoreDoc doc) {
        return Float.isNaN(doc.score) ? 0f : doc.score;
    }
}
