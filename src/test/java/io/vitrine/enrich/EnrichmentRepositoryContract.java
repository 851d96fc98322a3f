package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vitrine.db.Database;
import io.vitrine.enrich.jdbc.JdbiEnrichmentRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags as every {@link EnrichmentRepository} keeps them, run against each database. */
abstract class EnrichmentRepositoryContract {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    private Database db;
    private EnrichmentRepository repo;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        repo = new JdbiEnrichmentRepository(db.handles());
        db.handles().jdbi().useHandle(h -> h.createUpdate("""
                insert into assets (id, filename, media_type, type_mismatch, bytes, sha256, status, version, created_at, updated_at)
                values ('a1', 'f.jpg', 'image/jpeg', false, 1, :sha, 'READY', 1, :t, :t)""")
                .bind("sha", "0".repeat(64)).bind("t", OffsetDateTime.ofInstant(T, ZoneOffset.UTC)).execute());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Tag ai(String concept, double confidence) {
        return new Tag(concept, confidence, Tag.Status.DRAFT, "ai", "m", "1", T, null);
    }

    private static Tag human(String concept) {
        return new Tag(concept, 1.0, Tag.Status.ACCEPTED, "human", "human", "-", T.plusSeconds(5), T.plusSeconds(5));
    }

    @Test
    void a_hand_added_tag_survives_a_model_re_run_with_its_provenance() {
        repo.addHuman("a1", human("beach"));
        repo.replaceDrafts("a1", "m", List.of(ai("beach", 0.4), ai("dog", 0.7)));
        assertThat(repo.tags("a1")).filteredOn(t -> t.concept().equals("beach")).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo("human");
            assertThat(t.model()).isEqualTo("human");
            assertThat(t.status()).isEqualTo(Tag.Status.ACCEPTED);
        });
        assertThat(repo.tags("a1")).extracting(Tag::concept).containsExactlyInAnyOrder("beach", "dog");
    }

    @Test
    void two_models_proposing_one_concept_keep_one_tag_from_the_more_confident() {
        repo.replaceDrafts("a1", "m", List.of(ai("dog", 0.5), ai("beach", 0.6)));
        repo.replaceDrafts("a1", "clip", List.of(clip("dog", 0.8), clip("beach", 0.4), clip("sky", 0.3)));
        assertThat(repo.tags("a1")).extracting(Tag::concept, Tag::model)
                .containsExactlyInAnyOrder(tuple("dog", "clip"), tuple("beach", "m"), tuple("sky", "clip"));
        repo.replaceDrafts("a1", "m", List.of(ai("dog", 0.5), ai("beach", 0.65)));
        assertThat(repo.tags("a1")).extracting(Tag::concept, Tag::model, Tag::confidence)
                .containsExactlyInAnyOrder(tuple("dog", "clip", 0.8), tuple("beach", "m", 0.65), tuple("sky", "clip", 0.3));
    }

    private static Tag clip(String concept, double confidence) {
        return new Tag(concept, confidence, Tag.Status.DRAFT, "ai", "clip", "1", T, null);
    }

    @Test
    void adding_a_concept_the_model_proposed_accepts_its_draft_and_keeps_the_model() {
        repo.replaceDrafts("a1", "m", List.of(ai("dog", 0.7)));
        repo.addHuman("a1", human("dog"));
        Tag t = repo.tags("a1").getFirst();
        assertThat(t.status()).isEqualTo(Tag.Status.ACCEPTED);
        assertThat(t.source()).isEqualTo("ai");
        assertThat(t.decidedAt()).isEqualTo(T.plusSeconds(5));
        assertThat(repo.removeHuman("a1", "dog")).as("an AI tag is rejected, not removed").isFalse();
    }

    @Test
    void drafts_between_two_thresholds_are_found_by_concept_and_decided_tags_are_not() {
        repo.replaceDrafts("a1", "m", List.of(ai("dog", 0.45), ai("beach", 0.45)));
        assertThat(repo.draftsBetween("dog", 0.4, 0.5)).containsExactly("a1");
        assertThat(repo.draftsBetween("dog", 0.3, 0.45)).as("the upper bound is exclusive").isEmpty();
        assertThat(repo.draftsBetween("dog", 0.45, 0.6)).as("the lower bound is inclusive").containsExactly("a1");
        assertThat(repo.draftsBetween("cat", 0.0, 1.0)).isEmpty();
        repo.decide("a1", "dog", Tag.Status.REJECTED, T.plusSeconds(9));
        assertThat(repo.draftsBetween("dog", 0.0, 1.0)).isEmpty();
        assertThat(repo.draftsBetween("beach", 0.0, 1.0)).containsExactly("a1");
    }

    @Test
    void assets_with_undecided_ai_tags_are_listed_with_their_count() {
        repo.replaceDrafts("a1", "m", List.of(ai("dog", 0.7), ai("beach", 0.4)));
        assertThat(repo.withDrafts(10)).containsExactly(new EnrichmentRepository.Drafts("a1", 2));
        repo.decide("a1", "dog", Tag.Status.ACCEPTED, T.plusSeconds(9));
        repo.decide("a1", "beach", Tag.Status.REJECTED, T.plusSeconds(9));
        assertThat(repo.withDrafts(10)).isEmpty();
    }

    @Test
    void only_hand_added_tags_are_removed() {
        repo.addHuman("a1", human("beach"));
        assertThat(repo.removeHuman("a1", "beach")).isTrue();
        assertThat(repo.tags("a1")).isEmpty();
    }
}
