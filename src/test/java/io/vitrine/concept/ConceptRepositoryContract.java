package io.vitrine.concept;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.concept.jdbc.JdbiConceptRepository;
import io.vitrine.db.Database;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.enrich.jdbc.JdbiEnrichmentRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People's concepts, synonyms, prototypes and few-shot drafts as every {@link ConceptRepository} keeps them, on each database. */
abstract class ConceptRepositoryContract {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    private Database db;
    private ConceptRepository repo;
    private JdbiEnrichmentRepository tags;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        repo = new JdbiConceptRepository(db.handles());
        tags = new JdbiEnrichmentRepository(db.handles());
        for (String id : List.of("a1", "a2", "a3")) {
            db.handles().jdbi().useHandle(h -> h.createUpdate("""
                    insert into assets (id, filename, media_type, type_mismatch, bytes, sha256, status, version, created_at, updated_at)
                    values (:id, 'f.jpg', 'image/jpeg', false, 1, :sha, 'READY', 1, :t, :t)""")
                    .bind("id", id).bind("sha", "0".repeat(64)).bind("t", OffsetDateTime.ofInstant(T, ZoneOffset.UTC)).execute());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void concepts_labels_and_synonyms_come_back_as_stored_and_in_order() {
        repo.create(new Vocabulary.Concept("forklift", "vehicle", Map.of("en", "forklift", "zh", "叉车"),
                Map.of("en", List.of("lift truck", "fork truck")), false), "ana", T);
        repo.replaceSynonyms("dog", Map.of("es", List.of("perrito", "can")));
        Vocabulary.Additions a = repo.load();
        assertThat(a.concepts()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("forklift");
            assertThat(c.broader()).isEqualTo("vehicle");
            assertThat(c.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("en", "forklift", "zh", "叉车"));
        });
        assertThat(a.synonyms().get("forklift").get("en")).containsExactly("lift truck", "fork truck");
        assertThat(a.synonyms().get("dog").get("es")).containsExactly("perrito", "can");

        repo.update("forklift", null, Map.of("de", "Gabelstapler"), T.plusSeconds(1));
        repo.replaceSynonyms("forklift", Map.of());
        a = repo.load();
        assertThat(a.concepts().getFirst().labels()).containsExactlyEntriesOf(Map.of("de", "Gabelstapler"));
        assertThat(a.concepts().getFirst().broader()).isNull();
        assertThat(a.synonyms()).doesNotContainKey("forklift");
        assertThat(repo.delete("forklift")).isTrue();
        assertThat(repo.delete("forklift")).isFalse();
        assertThat(repo.load().concepts()).isEmpty();
    }

    @Test
    void teaching_numbers_versions_without_gaps_or_repeats_even_when_people_teach_at_once() throws Exception {
        assertThat(repo.teach(prototype("kitten", 0)).version()).isEqualTo(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                versions.add(pool.submit(() -> repo.teach(prototype("kitten", 0)).version()));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : versions) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
        } finally {
            pool.shutdownNow();
        }
        Prototype p = repo.prototype("kitten").orElseThrow();
        assertThat(p.version()).isEqualTo(9);
        assertThat(p.vector()).containsExactly(0.6f, 0.8f);
        assertThat(p.positives()).containsExactly("a1", "a2");
        assertThat(p.status()).isEqualTo(Prototype.Status.QUEUED);
        assertThat(repo.prototypes("image.m@1")).hasSize(1);
        assertThat(repo.prototypes("image.other")).isEmpty();
        repo.progress("kitten", 8, Prototype.Status.DONE, 99, null, T);
        assertThat(repo.prototype("kitten").orElseThrow().status()).as("an older version's run").isEqualTo(Prototype.Status.QUEUED);
        repo.progress("kitten", 9, Prototype.Status.DONE, 2, null, T);
        assertThat(repo.prototype("kitten").orElseThrow().tagged()).isEqualTo(2);
        assertThat(repo.prototypeStatuses(Set.of("kitten", "puppy"))).containsExactly(java.util.Map.entry("kitten", Prototype.Status.DONE));
        assertThat(repo.prototypeStatuses(Set.of())).isEmpty();
    }

    @Test
    void people_teaching_a_new_concept_at_the_same_moment_all_succeed_and_the_last_writer_wins() throws Exception {
        int teachers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(teachers);
        try {
            for (int round = 0; round < 8; round++) {
                String concept = "new-concept-" + round;
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(teachers);
                List<Future<Prototype>> taught = new ArrayList<>();
                for (int i = 0; i < teachers; i++) {
                    String by = "teacher-" + i;
                    taught.add(pool.submit(() -> {
                        start.await();
                        return repo.teach(new Prototype(concept, 0, "image.m@1", new float[] {0.6f, 0.8f}, 0.7, List.of("a1"), List.of(),
                                Prototype.Status.QUEUED, 0, null, by, T, null));
                    }));
                }
                Map<Integer, String> byVersion = new java.util.TreeMap<>();
                for (Future<Prototype> f : taught) {
                    Prototype p = f.get();
                    byVersion.put(p.version(), p.taughtBy());
                }
                assertThat(byVersion.keySet()).as("round %d", round).containsExactly(1, 2, 3, 4, 5, 6);
                Prototype stored = repo.prototype(concept).orElseThrow();
                assertThat(stored.version()).isEqualTo(teachers);
                assertThat(stored.taughtBy()).as("the last writer's prototype").isEqualTo(byVersion.get(teachers));
                int rows = db.handles().jdbi().withHandle(h -> h.createQuery("select count(*) from concept_prototypes where concept = :c")
                        .bind("c", concept).mapTo(Integer.class).one());
                assertThat(rows).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void few_shot_drafts_replace_their_old_version_and_never_touch_decided_or_other_models_tags() {
        tags.replaceDrafts("a3", "mobilenet", List.of(new Tag("kitten", 0.9, Tag.Status.DRAFT, "ai", "mobilenet", "1", T, null)));
        assertThat(repo.proposeFewShotDrafts("kitten", 1, Map.of("a1", 0.7, "a2", 0.6, "a3", 0.9), T))
                .containsExactlyInAnyOrder("a1", "a2");
        assertThat(repo.proposeFewShotDrafts("kitten", 1, Map.of("a1", 0.7), T.plusMillis(1))).as("the same value again").isEmpty();
        assertThat(repo.dropStaleFewShotDrafts("kitten", 1, T.plusMillis(1), 10)).as("a2 was not proposed by the later run")
                .containsExactly("a2");
        assertThat(repo.proposeFewShotDrafts("kitten", 1, Map.of("a2", 0.6), T)).containsExactly("a2");
        tags.decide("a1", "kitten", Tag.Status.ACCEPTED, T);
        // a run of version 2 proposes a1 (decided: left alone) and nothing else; a2's version-1 draft is stale
        assertThat(repo.proposeFewShotDrafts("kitten", 2, Map.of("a1", 0.8), T.plusSeconds(1))).isEmpty();
        assertThat(repo.dropStaleFewShotDrafts("kitten", 2, T.plusSeconds(1), 1)).containsExactly("a2");
        Set<String> changed = repo.dropStaleFewShotDrafts("kitten", 2, T.plusSeconds(1), 1);
        assertThat(changed).isEmpty();
        assertThat(tags.tags("a1")).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(Tag.Status.ACCEPTED);
            assertThat(t.modelVersion()).isEqualTo("1");
        });
        assertThat(tags.tags("a2")).isEmpty();
        assertThat(tags.tags("a3")).singleElement().extracting(Tag::model).isEqualTo("mobilenet");
        assertThat(repo.proposeFewShot("a2", "kitten", 2, 0.66, T)).isTrue();
        assertThat(repo.proposeFewShot("a3", "kitten", 2, 0.66, T)).isFalse();
        assertThat(repo.fewShotTagged("kitten", 2)).isEqualTo(1);
        assertThat(repo.taggedAssets("kitten")).isEqualTo(3);
        assertThat(repo.assetsTaggedWith(Set.of("kitten", "cat"), "a1", 10)).containsExactly("a2", "a3");
    }

    private static Prototype prototype(String concept, int version) {
        return new Prototype(concept, version, "image.m@1", new float[] {0.6f, 0.8f}, 0.7, List.of("a1", "a2"), List.of(),
                Prototype.Status.QUEUED, 0, null, "ana", T, null);
    }
}
