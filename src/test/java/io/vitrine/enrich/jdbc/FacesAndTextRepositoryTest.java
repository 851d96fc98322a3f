package io.vitrine.enrich.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.db.Json;
import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;
import io.vitrine.enrich.Face;
import io.vitrine.enrich.ReadText;
import io.vitrine.enrich.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The faces and read-text tables, the same SQL on H2 and PostgreSQL. */
class FacesAndTextRepositoryTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private static String asset(Database db) {
        String id = TestAssets.newId(T0);
        new JdbiAssetRepository(db.handles(), Json.mapper()).insert(TestAssets.processing(id, TestAssets.sha(id), T0));
        return id;
    }

    private static Face face(double x, double confidence) {
        return new Face(0, new Face.Box(x, 0.2, 0.1, 0.15), List.of(new Face.Point(x + 0.03, 0.25), new Face.Point(x + 0.07, 0.25)),
                confidence, Tag.Status.DRAFT, "yunet_n_640_640", "n-640", T0, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_rerun_replaces_draft_faces_but_keeps_decided_ones_and_numbers_new_ones_after_them(String kind) {
        try (Database db = TestDatabases.fresh(kind)) {
            var repo = new JdbiFacesAndTextRepository(db.handles());
            String id = asset(db);
            repo.replaceFaces(id, List.of(face(0.1, 0.95), face(0.5, 0.91)));
            List<Face> first = repo.faces(id);
            assertThat(first).extracting(Face::number).containsExactly(1, 2);
            assertThat(first.getFirst().box()).isEqualTo(new Face.Box(0.1, 0.2, 0.1, 0.15));
            assertThat(first.getFirst().landmarks()).containsExactly(new Face.Point(0.13, 0.25), new Face.Point(0.17, 0.25));

            Face rejected = repo.decideFace(id, 2, Tag.Status.REJECTED, T0.plusSeconds(5)).orElseThrow();
            assertThat(rejected.status()).isEqualTo(Tag.Status.REJECTED);
            assertThat(rejected.decidedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(repo.decideFace(id, 9, Tag.Status.ACCEPTED, T0)).isEmpty();

            repo.replaceFaces(id, List.of(face(0.3, 0.93)));
            assertThat(repo.faces(id)).extracting(Face::number, Face::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Tag.Status.REJECTED),
                            org.assertj.core.groups.Tuple.tuple(3, Tag.Status.DRAFT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void read_text_is_one_per_source_with_its_language_and_an_empty_result_clears_it(String kind) {
        try (Database db = TestDatabases.fresh(kind)) {
            var repo = new JdbiFacesAndTextRepository(db.handles());
            String id = asset(db);
            var text = new ReadText(ReadText.OCR, "de", "Der schnelle braune Fuchs\nspringt über den Hund", 0.91,
                    Tag.Status.DRAFT, "tesseract", "5.3.0+eng+deu", T0);
            repo.replaceText(id, ReadText.OCR, Optional.of(text));
            repo.replaceText(id, ReadText.OCR, Optional.of(text));
            assertThat(repo.texts(id)).containsExactly(text);
            repo.replaceText(id, ReadText.OCR, Optional.empty());
            assertThat(repo.texts(id)).isEmpty();
        }
    }
}
