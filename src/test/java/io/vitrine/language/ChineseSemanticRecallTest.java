package io.vitrine.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.embed.QueryVectors;
import io.vitrine.embed.TextSpace;
import io.vitrine.embed.onnx.BgeTextEmbedder;
import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.search.IndexDocument;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import io.vitrine.search.lucene.LuceneAssetIndex;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zh row of the multilingual evaluation set ({@link MultilingualRecallTest}: same intents, same
 * generated library, its assets untitled and tagged), now through hybrid search as the product runs
 * it: every asset also carries its ConSE concept vectors in each text space. Chinese queries are the
 * set's own (which name the concepts by their labels) and paraphrases a user would type instead
 * (小狗/沙滩, 古堡/骏马, 拿铁…), measured four ways: keyword only; today's path without the zh space
 * (the query's concepts' English labels among English words); the zh space; the zh space plus the
 * English labels. The English row is measured too, to show the zh space takes nothing from it.
 */
class ChineseSemanticRecallTest {
    /** Same intents as MultilingualRecallTest.INTENTS, in Chinese as people write it without the vocabulary's words. */
    static final List<String> PARAPHRASES = List.of("小狗在沙滩上奔跑", "古堡前的骏马", "一杯热拿铁", "湖面上扬帆的小船",
            "正在采花蜜的蜂", "海边峭壁上的灯塔", "红酒和法棍", "在长沙发上打盹的猫咪", "枝头的小鸟", "骑单车过桥");

    /**
     * One more relevant asset per intent: untagged, with an English caption that avoids the concepts'
     * labels, so only the meaning finds it (bge-small-en's words space, or bge-small-zh reading English).
     */
    static final List<String> CAPTIONS = List.of("A golden retriever running along the shore at low tide",
            "A stallion grazing below the walls of a medieval fortress", "Morning espresso served on a saucer",
            "Yachts racing on calm water in the Alps", "Honeybee collecting pollen from a blossom", "Beacon tower on a rocky headland",
            "A glass of merlot with a fresh baguette", "Kitten napping on the couch", "Sparrows perched on branches",
            "Cyclist crossing an old stone viaduct");

    @TempDir
    Path dir;

    record Config(String name, Set<String> embedded, QueryVectors vectors) {}

    @Test
    void chinese_queries_find_more_with_the_chinese_text_space_and_english_ones_no_less() throws Exception {
        Vocabulary vocabulary = Vocabulary.bundled();
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        List<IndexDocument> docs = MultilingualRecallTest.library(vocabulary, relevant);
        try (BgeTextEmbedder en = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.EN, 2);
                BgeTextEmbedder zh = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.ZH, 2);
                LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            TextSpace enSpace = TextSpace.english(en);
            TextSpace zhSpace = TextSpace.chinese(zh);
            for (IndexDocument d : docs) {
                List<ConceptScore> concepts = MultilingualRecallTest.concepts(d.id()).stream().map(c -> new ConceptScore(c, 0.9)).toList();
                index.upsert(d.withVectors(Map.of(enSpace.conceptsSpace(), enSpace.mix(concepts, vocabulary::label),
                        zhSpace.conceptsSpace(), zhSpace.mix(concepts, vocabulary::label))));
            }
            for (int i = 0; i < CAPTIONS.size(); i++) {
                String id = "captioned-" + i;
                relevant.get(MultilingualRecallTest.INTENTS.get(i).a()).add(id);
                index.upsert(captioned(id, CAPTIONS.get(i)).withVectors(Map.of(enSpace.wordsSpace(), enSpace.embed(CAPTIONS.get(i)),
                        zhSpace.wordsSpace(), zhSpace.embed(CAPTIONS.get(i)))));
            }
            index.refresh();
            java.util.function.Function<String, String> english = id -> vocabulary.label(id, "en");
            List<Config> configs = List.of(
                    new Config("keyword only", Set.of("en"), null),
                    new Config("without zh space", Set.of("en"), new QueryVectors(List.of(enSpace), false, english)),
                    new Config("zh space", Set.of("en", "zh"), new QueryVectors(List.of(enSpace, zhSpace), false, english)),
                    new Config("zh space + en labels", Set.of("en", "zh"), new QueryVectors(List.of(enSpace, zhSpace), true, english)));
            List<String> own = MultilingualRecallTest.INTENTS.stream().map(t -> t.queries().get(1)).toList();
            List<String> englishQueries = MultilingualRecallTest.INTENTS.stream().map(t -> t.queries().getFirst()).toList();
            Map<String, double[]> recall = new LinkedHashMap<>();
            System.out.println("recall@4 / recall@10 through hybrid search (" + own.size() + " intents x 4 assets, library of "
                    + index.count() + "):");
            for (Config c : configs) {
                QueryInterpreter interpreter = new QueryInterpreter(vocabulary.labels(), c.embedded());
                double[] words = recall(index, interpreter, c.vectors(), own, relevant);
                double[] para = recall(index, interpreter, c.vectors(), PARAPHRASES, relevant);
                double[] inEnglish = recall(index, interpreter, c.vectors(), englishQueries, relevant);
                recall.put(c.name(), new double[] {words[1], para[1], inEnglish[1], para[0]});
                System.out.printf("  %-22s zh (vocabulary words) %.2f / %.2f   zh (paraphrases) %.2f / %.2f   en %.2f / %.2f%n", c.name(),
                        words[0], words[1], para[0], para[1], inEnglish[0], inEnglish[1]);
            }
            double[] without = recall.get("without zh space");
            // what the product runs (EmbeddingService.ALSO_ENGLISH_LABELS), and the measurement that chose it
            double[] with = recall.get("zh space + en labels");
            double[] zhOnly = recall.get("zh space");
            assertThat(with[1] + with[0]).as("en labels on top of the zh space").isGreaterThan(zhOnly[1] + zhOnly[0]);
            assertThat(with[1]).as("zh paraphrases with the zh space vs without").isGreaterThan(without[1] + 0.2);
            assertThat(with[3]).as("zh paraphrases recall@4 with the zh space vs without").isGreaterThan(without[3]);
            assertThat(with[0]).as("zh vocabulary words").isGreaterThanOrEqualTo(without[0]);
            assertThat(with[2]).as("en").isGreaterThanOrEqualTo(without[2]);
        }
    }

    /**
     * Share of the intents' assets in the first four hits (each intent has four) and in the first
     * ten, the query read and embedded as SearchService does.
     */
    private static double[] recall(LuceneAssetIndex index, QueryInterpreter interpreter, QueryVectors vectors, List<String> queries,
            Map<String, Set<String>> relevant) {
        double top3 = 0;
        double found = 0;
        double wanted = 0;
        for (int i = 0; i < queries.size(); i++) {
            var read = interpreter.interpret(queries.get(i));
            SearchQuery q = new SearchQuery(queries.get(i), Map.of(), null, null, null, 10, null).withLanguage(read.language());
            if (vectors != null && read.semanticText() != null) {
                q = q.withHybrid(new SearchQuery.Hybrid(vectors.of(read, queries.get(i)), 1f, SearchQuery.Hybrid.DEFAULT_RRF_K, false));
            }
            Set<String> want = relevant.get(MultilingualRecallTest.INTENTS.get(i).a());
            List<String> ids = index.search(q).hits().stream().map(SearchResult.Hit::id).toList();
            top3 += ids.subList(0, Math.min(want.size(), ids.size())).stream().filter(want::contains).count();
            found += ids.stream().filter(want::contains).count();
            wanted += want.size();
        }
        return new double[] {top3 / wanted, found / wanted};
    }

    private static IndexDocument captioned(String id, String caption) {
        return new IndexDocument(id, "IMG_" + id + ".jpg", "image/jpeg", "ready", 1L, java.time.Instant.parse("2024-05-01T00:00:00Z"),
                null, caption, null, List.of(), null, null, null, null, null, Map.of());
    }
}
