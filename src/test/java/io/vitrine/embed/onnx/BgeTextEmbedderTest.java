package io.vitrine.embed.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real bge-small-en-v1.5 (int8) from the Maven jar on the classpath; nothing from ../shared. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BgeTextEmbedderTest {
    private static final Logger log = LoggerFactory.getLogger(BgeTextEmbedderTest.class);
    static final List<String> SENTENCES = List.of(
            "a dog running on the beach",
            "Quarterly tax report for the fiscal year 2024, prepared by the finance department of the holding",
            "sunset",
            "A red double-decker bus crosses Westminster Bridge in the rain while tourists take photos",
            "logo",
            "portrait of an elderly fisherman mending nets in a small harbour at dawn");

    BgeTextEmbedder embedder;

    @BeforeAll
    void load() throws Exception {
        embedder = BgeTextEmbedder.bundled(2);
    }

    @AfterAll
    void close() {
        embedder.close();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("component %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void the_space_names_model_and_version_and_vectors_have_384_components() {
        assertThat(embedder.space()).isEqualTo("text:bge-small-en-v1.5-q@1");
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(embedder.embed("sunset")).hasSize(384);
    }

    @Test
    void every_vector_has_unit_length() {
        for (String s : SENTENCES) {
            assertThat(Math.sqrt(dot(embedder.embed(s), embedder.embed(s)))).as(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void the_same_text_always_gives_the_same_vector() {
        float[] first = embedder.embed(SENTENCES.get(3));
        embedder.embed("something else in between");
        assertThat(embedder.embed(SENTENCES.get(3))).containsExactly(first);
    }

    @Test
    void different_texts_give_different_vectors() {
        assertThat(dot(embedder.embed("sunset"), embedder.embed("logo"))).isLessThan(0.95);
    }

    @Test
    void a_batch_of_mixed_lengths_equals_embedding_one_by_one() {
        List<String> texts = IntStream.range(0, 19)
                .mapToObj(i -> SENTENCES.get(i % SENTENCES.size()) + (i < SENTENCES.size() ? "" : " number " + i))
                .toList();
        long start = System.nanoTime();
        List<float[]> batch = embedder.embedAll(texts);
        long batchNanos = System.nanoTime() - start;
        start = System.nanoTime();
        List<float[]> single = texts.stream().map(embedder::embed).toList();
        long singleNanos = System.nanoTime() - start;
        log.info("bge-small-en-v1.5-q: {} ms/sentence through embedAll, {} ms/sentence through embed ({} sentences)",
                batchNanos / 1e6 / texts.size(), singleNanos / 1e6 / texts.size(), texts.size());
        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertClose(batch.get(i), single.get(i), 1e-5);
        }
    }

    @Test
    void a_paraphrase_is_closer_than_an_unrelated_sentence() {
        float[] dog = embedder.embed("a dog running on the beach");
        double paraphrase = dot(dog, embedder.embed("a puppy playing by the sea"));
        double unrelated = dot(dog, embedder.embed("quarterly tax report"));
        log.info("cosine paraphrase {} unrelated {}", paraphrase, unrelated);
        assertThat(paraphrase).isGreaterThan(unrelated + 0.1);
    }

    @Test
    void ten_thousand_words_are_truncated_to_the_model_limit_not_refused() {
        String head = String.join(" ", java.util.Collections.nCopies(600, "harbour"));
        String longA = head + " " + "boats ".repeat(9_400);
        String longB = head + " " + "mountains ".repeat(9_400);
        float[] a = embedder.embed(longA);
        assertThat(Math.sqrt(dot(a, a))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        // both tails start beyond token 512, so only the shared head is read
        assertClose(embedder.embed(longB), a, 1e-6);
    }

    @Test
    void blank_text_is_refused() {
        assertThatThrownBy(() -> embedder.embed("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embed(" \n\t ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embedAll(List.of("sunset", "  "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void four_threads_at_once_get_the_vectors_of_a_single_thread() throws Exception {
        List<float[]> expected = SENTENCES.stream().map(embedder::embed).toList();
        List<Callable<List<float[]>>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int shift = t; // each thread walks the sentences from a different start, so different texts overlap
            jobs.add(() -> {
                List<float[]> got = new ArrayList<>();
                for (int i = 0; i < 3 * SENTENCES.size(); i++) {
                    got.add(embedder.embed(SENTENCES.get((i + shift) % SENTENCES.size())));
                }
                return got;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("embed-test-", 0).factory())) {
            List<Future<List<float[]>>> results = pool.invokeAll(jobs);
            for (int t = 0; t < 4; t++) {
                List<float[]> got = results.get(t).get();
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).containsExactly(expected.get((i + t) % SENTENCES.size()));
                }
            }
        }
    }

    @Test
    void the_tokenizer_is_loaded_in_djl_offline_mode() {
        // offline mode is what stops DJL's telemetry call and its GPU-natives download
        assertThat(ai.djl.util.Utils.isOfflineMode()).isTrue();
    }
}
