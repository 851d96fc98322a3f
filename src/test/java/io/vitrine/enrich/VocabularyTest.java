package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    final Vocabulary v = Vocabulary.bundled();

    @Test
    void every_concept_has_a_label_in_every_language_and_a_known_broader_concept() {
        assertThat(v.size()).isGreaterThan(150);
        for (String lang : Vocabulary.LANGUAGES) {
            assertThat(v.label("dog", lang)).isNotBlank();
        }
        assertThat(v.label("dog", "zh")).isEqualTo("狗");
        assertThat(v.label("dog", "de")).isEqualTo("Hund");
        assertThat(v.lineage("dog")).containsExactly("dog", "mammal", "animal");
    }

    @Test
    void the_imagenet_map_has_1000_classes_and_only_known_concepts() {
        List<String> map = Vocabulary.classMap("imagenet-1k");
        assertThat(map).hasSize(1000);
        map.stream().filter(Objects::nonNull).forEach(c -> assertThat(v.concept(c)).as(c).isPresent());
        assertThat(map.get(417)).isEqualTo("balloon");
        assertThat(map.get(207)).isEqualTo("dog");
    }

    @Test
    void language_comes_from_lang_then_accept_language_then_english() {
        assertThat(Vocabulary.pickLanguage("zh", "de")).isEqualTo("zh");
        assertThat(Vocabulary.pickLanguage(null, "it-IT,de;q=0.8,en;q=0.5")).isEqualTo("de");
        assertThat(Vocabulary.pickLanguage("xx", "garbage;;q=")).isEqualTo("en");
        assertThat(Vocabulary.pickLanguage(null, "pt-BR")).isEqualTo("pt");
    }

    @Test
    void search_terms_hold_every_language_and_the_broader_concepts() {
        assertThat(v.searchTerms("dog")).contains("dog", "Hund", "狗", "perro", "animal", "Tier");
    }

    @Test
    void peoples_concepts_and_synonyms_are_swapped_in_whole_and_listeners_hear_of_it() {
        Vocabulary live = Vocabulary.bundled();
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        live.onChange(changes::incrementAndGet);
        var forklift = new Vocabulary.Concept("forklift", "vehicle", java.util.Map.of("zh", "叉车"), java.util.Map.of(), false);
        var fakeDog = new Vocabulary.Concept("dog", null, java.util.Map.of("en", "not a dog"), java.util.Map.of(), false);
        live.update(new Vocabulary.Additions(List.of(forklift, fakeDog),
                java.util.Map.of("dog", java.util.Map.of("es", List.of("perrito")))));
        assertThat(changes.get()).isEqualTo(1);
        assertThat(live.label("forklift", "de")).as("no German or English label: any label").isEqualTo("叉车");
        assertThat(live.label("dog", "en")).as("a shipped concept is never replaced").isEqualTo("dog");
        assertThat(live.searchTerms("dog")).contains("perrito", "Tier");
        assertThat(live.searchTerms("forklift")).contains("叉车", "vehicle");
        assertThat(live.narrower("vehicle")).contains("forklift");
        assertThat(live.terms().get("dog").get("es")).containsExactly("perro", "perrito");
        live.update(new Vocabulary.Additions(List.of(forklift, fakeDog),
                java.util.Map.of("dog", java.util.Map.of("es", List.of("perrito")))));
        assertThat(changes.get()).as("the same additions again change nothing").isEqualTo(1);
        live.update(new Vocabulary.Additions(List.of(), java.util.Map.of()));
        assertThat(live.concept("forklift")).isEmpty();
        assertThat(live.searchTerms("dog")).doesNotContain("perrito");
    }
}
