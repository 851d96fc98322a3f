package io.vitrine.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.enrich.Vocabulary;
import io.vitrine.search.IndexDocument;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import io.vitrine.search.lucene.LuceneAssetIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation set of multilingual search: a generated library where each intent (two concepts,
 * e.g. dog + beach) has three assets tagged with both (as the tagger indexes them: labels in every
 * language plus broader concepts), decoys tagged with only one of them, and unrelated filler; and
 * the same intents written as natural queries by hand in the six vocabulary languages. Recall@10
 * per language is the share of the intents' assets found in the first ten hits, the "first row"
 * (recall@5) is printed too. The query goes through the product path: language detection, then
 * the keyword search with that language's analyzer.
 */
class MultilingualRecallTest {
    static final List<String> LANGS = List.of("en", "zh", "es", "pt", "de", "fr");

    record Intent(String a, String b, List<String> queries) {}

    static final List<Intent> INTENTS = List.of(
            new Intent("dog", "beach", List.of("dogs playing on the beach", "海滩上的狗", "perros jugando en la playa",
                    "cães brincando na praia", "Hunde spielen am Strand", "chiens qui jouent sur la plage")),
            new Intent("horse", "castle", List.of("horse in front of a castle", "城堡前的马", "caballo frente a un castillo",
                    "cavalo em frente ao castelo", "Pferd vor einer Burg", "cheval devant un château")),
            new Intent("coffee", "cup", List.of("a cup of coffee", "一杯咖啡", "una taza de café", "uma xícara de café",
                    "eine Tasse Kaffee", "une tasse de café")),
            new Intent("sailboat", "lake", List.of("sailboats on a lake", "湖上的帆船", "veleros en el lago",
                    "veleiros no lago", "Segelboote auf dem See", "voiliers sur le lac")),
            new Intent("flower", "bee", List.of("bee on a flower", "花上的蜜蜂", "abeja sobre una flor", "abelha numa flor",
                    "Biene auf einer Blume", "abeille sur une fleur")),
            new Intent("lighthouse", "cliff", List.of("lighthouse on the cliffs", "悬崖上的灯塔", "faro en los acantilados",
                    "farol nas falésias", "Leuchtturm auf den Klippen", "phare sur les falaises")),
            new Intent("wine", "bread", List.of("bread and wine", "面包和葡萄酒", "pan y vino", "pão e vinho", "Brot und Wein",
                    "du pain et du vin")),
            new Intent("cat", "sofa", List.of("cat sleeping on the sofa", "沙发上睡觉的猫", "gato durmiendo en el sofá",
                    "gato dormindo no sofá", "Katze schläft auf dem Sofa", "chat qui dort sur le canapé")),
            new Intent("bird", "tree", List.of("birds in a tree", "树上的鸟", "pájaros en un árbol", "pássaros na árvore",
                    "Vögel im Baum", "oiseaux dans un arbre")),
            new Intent("bicycle", "bridge", List.of("bicycle on a bridge", "桥上的自行车", "bicicleta en un puente",
                    "bicicleta na ponte", "Fahrrad auf der Brücke", "vélo sur un pont")));

    static final Map<String, Double> RECALL_FLOOR = Map.of("en", 0.9, "zh", 0.9, "es", 0.9, "pt", 0.9, "de", 0.9, "fr", 0.9);

    @TempDir
    Path dir;

    @Test
    void finds_the_same_assets_for_the_same_intent_in_every_vocabulary_language() {
        Vocabulary vocabulary = Vocabulary.bundled();
        QueryInterpreter interpreter = new QueryInterpreter(vocabulary.labels(), Set.of("en"));
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            library(vocabulary, relevant).forEach(index::upsert);
            index.refresh();
            Map<String, double[]> perLang = new LinkedHashMap<>(); // found@5, found@10, relevant, language right, baseline@10
            for (int i = 0; i < INTENTS.size(); i++) {
                for (int l = 0; l < LANGS.size(); l++) {
                    String q = INTENTS.get(i).queries().get(l);
                    var read = interpreter.interpret(q);
                    SearchResult r = index.search(new SearchQuery(q, Map.of(), null, null, null, 10, null).withLanguage(read.language()));
                    List<String> ids = r.hits().stream().map(SearchResult.Hit::id).toList();
                    Set<String> want = relevant.get(INTENTS.get(i).a());
                    double[] s = perLang.computeIfAbsent(LANGS.get(l), k -> new double[5]);
                    // the same query without its language: words as typed, every one required
                    s[4] += index.search(new SearchQuery(q, Map.of(), null, null, null, 10, null)).hits().stream()
                            .map(SearchResult.Hit::id).filter(want::contains).count();
                    s[0] += ids.subList(0, Math.min(5, ids.size())).stream().filter(want::contains).count();
                    s[1] += ids.stream().filter(want::contains).count();
                    s[2] += want.size();
                    s[3] += read.language().equals(LANGS.get(l)) ? 1 : 0;
                }
            }
            System.out.println("Multilingual recall (" + INTENTS.size() + " intents x 3 assets, library of " + index.count() + "):");
            perLang.forEach((lang, s) -> System.out.printf(
                    "  %s  recall@5 %.2f  recall@10 %.2f  language detected %d/%d  (recall@10 without language analysis %.2f)%n",
                    lang, s[0] / s[2], s[1] / s[2], (int) s[3], INTENTS.size(), s[4] / s[2]));
            perLang.forEach((lang, s) -> assertThat(s[1] / s[2]).as("recall@10 of " + lang).isGreaterThanOrEqualTo(RECALL_FLOOR.get(lang)));
        }
    }

    /** Three assets per intent with both concepts, two decoys per concept, 150 unrelated. */
    static List<IndexDocument> library(Vocabulary vocabulary, Map<String, Set<String>> relevant) {
        Random random = new Random(7);
        Set<String> used = new LinkedHashSet<>();
        INTENTS.forEach(t -> used.addAll(List.of(t.a(), t.b())));
        List<String> others = vocabulary.labels().keySet().stream().filter(c -> !used.contains(c))
                .filter(c -> vocabulary.lineage(c).stream().noneMatch(used::contains)).toList();
        List<IndexDocument> docs = new ArrayList<>();
        for (Intent t : INTENTS) {
            for (int k = 0; k < 3; k++) {
                String id = t.a() + "-" + t.b() + "-" + k;
                relevant.computeIfAbsent(t.a(), x -> new LinkedHashSet<>()).add(id);
                docs.add(doc(id, vocabulary, List.of(t.a(), t.b())));
            }
            for (int k = 0; k < 2; k++) {
                docs.add(doc(t.a() + "-decoy-" + k, vocabulary, List.of(t.a(), others.get(random.nextInt(others.size())))));
                docs.add(doc(t.b() + "-decoy-" + k, vocabulary, List.of(t.b(), others.get(random.nextInt(others.size())))));
            }
        }
        for (int k = 0; k < 150; k++) {
            docs.add(doc("filler-" + k, vocabulary, List.of(others.get(random.nextInt(others.size())),
                    others.get(random.nextInt(others.size())))));
        }
        return docs;
    }

    private static final Map<String, List<String>> CONCEPTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The concepts a generated asset was tagged with. */
    static List<String> concepts(String id) {
        return CONCEPTS.get(id);
    }

    /** An untitled upload the tagger described: what IndexingService indexes for accepted tags. */
    private static IndexDocument doc(String id, Vocabulary vocabulary, List<String> concepts) {
        CONCEPTS.put(id, List.copyOf(concepts));
        Set<String> tags = new LinkedHashSet<>();
        concepts.forEach(c -> tags.addAll(vocabulary.searchTerms(c)));
        return new IndexDocument(id, "IMG_" + Math.abs(id.hashCode() % 10000) + ".jpg", "image/jpeg", "ready", 1L,
                Instant.parse("2024-05-01T00:00:00Z"), null, null, null, List.of(), null, null, null, null, null, Map.of())
                .withTags(List.copyOf(tags));
    }
}
