package io.vitrine.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.enrich.Vocabulary;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryInterpreterTest {
    static final QueryInterpreter READER = new QueryInterpreter(Vocabulary.bundled().labels(), Set.of("en"));

    @Test
    void detects_the_language_of_short_queries_from_script_labels_function_words_and_letters() {
        assertThat(READER.interpret("team celebrating in an office").language()).isEqualTo("en");
        assertThat(READER.interpret("海滩日落").language()).isEqualTo("zh");
        assertThat(READER.interpret("pôr do sol na praia").language()).isEqualTo("pt");
        assertThat(READER.interpret("atardecer en la playa").language()).isEqualTo("es");
        assertThat(READER.interpret("Sonnenuntergang am Strand").language()).isEqualTo("de");
        assertThat(READER.interpret("coucher de soleil sur la plage").language()).isEqualTo("fr");
        assertThat(READER.interpret("Strand").language()).isEqualTo("de");
        assertThat(READER.interpret("niño").language()).isEqualTo("es");
        assertThat(READER.interpret("IMG_2024").language()).isEqualTo("en");
        assertThat(READER.interpret("   ").language()).isEqualTo("en");
    }

    @Test
    void maps_the_query_to_concepts_by_their_labels_in_its_language_ignoring_case_accents_and_plurals() {
        assertThat(READER.interpret("Praias do Algarve").concepts()).containsExactly("beach");
        assertThat(READER.interpret("Hunde am Strand").concepts()).containsExactly("dog", "beach");
        assertThat(READER.interpret("海滩上的狗").concepts()).containsExactly("beach", "dog");
        assertThat(READER.interpret("cafe y pan").concepts()).containsExactly("coffee", "bread");
        assertThat(READER.interpret("voiture de sport rouge").concepts()).containsExactly("sports_car");
    }

    @Test
    void embeds_english_queries_as_typed_and_others_through_their_concepts_english_labels_or_not_at_all() {
        assertThat(READER.interpret("dogs on the beach").semanticText()).isEqualTo("dogs on the beach");
        assertThat(READER.interpret("cães na praia").semanticText()).isEqualTo("dog, beach");
        assertThat(READER.interpret("海滩上的狗").semanticText()).isEqualTo("beach, dog");
        assertThat(READER.interpret("Weihnachtsfeier im Büro").semanticText()).isNull();
        assertThat(READER.interpret("cães na praia").evidence()).contains("praia");
    }
}
