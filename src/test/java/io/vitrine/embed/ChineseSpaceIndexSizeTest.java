package io.vitrine.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.embed.onnx.BgeTextEmbedder;
import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.search.IndexDocument;
import io.vitrine.search.lucene.LuceneAssetIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the zh space costs the search index: the same 10,000 tagged assets indexed with the English
 * spaces only and with the two zh fields (words, concepts; 512-d int8 + HNSW graph) added. Vectors are
 * real ConSE mixes of the vocabulary's labels through both bundled models (a "words" vector is the mix
 * of three other concepts: embedding 10,000 captions would only slow the test).
 */
class ChineseSpaceIndexSizeTest {
    static final int ASSETS = 10_000;

    @TempDir
    Path dir;

    @Test
    void the_two_zh_vector_fields_add_about_one_kilobyte_per_asset() throws Exception {
        Vocabulary vocabulary = Vocabulary.bundled();
        List<String> concepts = List.copyOf(vocabulary.labels().keySet());
        try (BgeTextEmbedder en = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.EN, 2);
                BgeTextEmbedder zh = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.ZH, 2)) {
            List<TextSpace> spaces = List.of(TextSpace.english(en), TextSpace.chinese(zh));
            long enOnly = build(dir.resolve("en"), spaces.subList(0, 1), concepts, vocabulary);
            long both = build(dir.resolve("en+zh"), spaces, concepts, vocabulary);
            double added = (both - enOnly) / (double) ASSETS;
            System.out.printf("index of %,d assets: %,.0f bytes/asset with the en spaces, %,.0f with en + zh: the zh words and concepts"
                    + " fields add %,.0f bytes/asset (%,.0f per 512-d vector)%n", ASSETS, enOnly / (double) ASSETS,
                    both / (double) ASSETS, added, added / 2);
            // 512 bytes of int8 per vector plus its HNSW links and per-vector norms/offsets
            assertThat(added).isBetween(2 * 512.0, 2 * 900.0);
        }
    }

    private static long build(Path at, List<TextSpace> spaces, List<String> concepts, Vocabulary vocabulary) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        try (LuceneAssetIndex index = new LuceneAssetIndex(at)) {
            for (int n = 0; n < ASSETS; n++) {
                List<ConceptScore> tags = pick(r, concepts, 2);
                List<ConceptScore> words = pick(r, concepts, 3);
                Map<String, float[]> vectors = new HashMap<>();
                for (TextSpace s : spaces) {
                    vectors.put(s.conceptsSpace(), s.mix(tags, vocabulary::label));
                    vectors.put(s.wordsSpace(), s.mix(words, vocabulary::label));
                }
                index.upsert(new IndexDocument("a" + n, "IMG_" + n + ".jpg", "image/jpeg", "ready", 1L,
                        Instant.parse("2024-05-01T00:00:00Z"), null, null, null, List.of(), null, null, null, null, null, Map.of())
                        .withTags(tags.stream().map(ConceptScore::concept).toList()).withVectors(vectors));
            }
            index.refresh();
        }
        try (Stream<Path> files = Files.walk(at)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static List<ConceptScore> pick(SplittableRandom r, List<String> concepts, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new ConceptScore(concepts.get(r.nextInt(concepts.size())), 0.3 + 0.7 * r.nextDouble())).toList();
    }
}
