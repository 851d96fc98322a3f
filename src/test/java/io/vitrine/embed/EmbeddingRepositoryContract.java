package io.vitrine.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.db.Database;
import io.vitrine.embed.jdbc.JdbiEmbeddingRepository;
import io.vitrine.pipeline.Step;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EmbeddingRepository} does, run against each database. */
abstract class EmbeddingRepositoryContract {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
    static final String EN_WORDS = "words.text:bge-small-en-v1.5-q@1";
    static final String ZH_WORDS = "words.text:bge-small-zh-v1.5@1";
    static final String EN_CONCEPTS = "concepts.text:bge-small-en-v1.5-q@1";

    private Database db;
    private EmbeddingRepository repo;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        repo = new JdbiEmbeddingRepository(db.handles());
        for (String id : List.of("a1", "a2", "a3", "a4", "a5")) {
            db.handles().jdbi().useHandle(h -> h.createUpdate("""
                    insert into assets (id, filename, media_type, type_mismatch, bytes, sha256, status, version, created_at, updated_at)
                    values (:id, 'f.jpg', 'image/jpeg', false, 1, :sha, 'READY', 1, :t, :t)""")
                    .bind("id", id).bind("sha", "0".repeat(63) + id.charAt(1)).bind("t", OffsetDateTime.ofInstant(T, ZoneOffset.UTC)).execute());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void vectors_come_back_bit_identical_and_put_replaces() {
        float[] v = {0.1f, -0.25f, Float.MIN_VALUE, 1e-30f};
        repo.put("a1", EN_WORDS, new float[] {1, 2, 3, 4}, "h0".repeat(32));
        repo.put("a1", EN_WORDS, v, "h1".repeat(32));
        assertThat(repo.vectors("a1").get(EN_WORDS)).containsExactly(v);
        assertThat(repo.inputsHash("a1", EN_WORDS)).contains("h1".repeat(32));
        repo.delete("a1", EN_WORDS);
        assertThat(repo.vectors("a1")).isEmpty();
    }

    @Test
    void lacking_finds_live_assets_with_a_vector_of_the_kind_in_another_space_but_none_in_this_one() {
        float[] v = {1, 0};
        String h = "0".repeat(64);
        repo.put("a1", EN_WORDS, v, h);                    // lacks the zh words: found
        repo.put("a2", EN_WORDS, v, h);
        repo.put("a2", ZH_WORDS, v, h);                    // has both: not found
        repo.put("a3", EN_CONCEPTS, v, h);                 // no words at all: not found for words
        repo.put("a4", EN_WORDS, v, h);                    // deleted: not found
        db.handles().jdbi().useHandle(x -> x.execute("update assets set deleted_at = updated_at where id = 'a4'"));
        repo.put("a5", EN_WORDS, v, h);                    // its embedding job is already waiting: not found
        new JdbiJobQueue(db.handles(), () -> { }).enqueue("a5", new Step.Embed(), T);

        assertThat(repo.lacking("words.", ZH_WORDS, 10)).containsExactly("a1");
        assertThat(repo.lacking("words.", EN_WORDS, 10)).isEmpty();
        assertThat(repo.lacking("concepts.", "concepts.text:bge-small-zh-v1.5@1", 10)).containsExactly("a3");
        assertThat(repo.lacking("words.", ZH_WORDS, 0)).isEmpty();
    }

    @Test
    void a_vector_of_another_space_whose_inputs_changed_is_marked_stale_keeps_serving_and_is_found_lacking_again() {
        float[] v = {1, 0};
        String before = "1".repeat(64);
        String now = "2".repeat(64);
        repo.put("a1", EN_WORDS, v, now);
        repo.put("a1", ZH_WORDS, v, before);               // embedded while zh was on, then the words changed
        repo.put("a1", EN_CONCEPTS, v, now);
        repo.put("a2", EN_WORDS, v, now);
        repo.put("a2", ZH_WORDS, v, now);                  // its words did not change: still current
        for (String id : List.of("a1", "a2")) {
            repo.markStale(id, "words.", java.util.Set.of(EN_WORDS), now);
        }
        assertThat(repo.inputsHash("a1", ZH_WORDS)).contains(EmbeddingRepository.STALE);
        assertThat(repo.vectors("a1").get(ZH_WORDS)).as("a stale vector still serves").containsExactly(v);
        assertThat(repo.inputsHash("a1", EN_WORDS)).as("the spaces kept are left alone").contains(now);
        assertThat(repo.inputsHash("a1", EN_CONCEPTS)).as("another kind is left alone").contains(now);
        assertThat(repo.inputsHash("a2", ZH_WORDS)).contains(now);
        assertThat(repo.lacking("words.", ZH_WORDS, 10)).containsExactly("a1");
        repo.put("a1", ZH_WORDS, v, now);
        assertThat(repo.lacking("words.", ZH_WORDS, 10)).isEmpty();
    }
}
