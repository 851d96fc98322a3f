package io.vitrine.risk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.db.TestDatabases;
import io.vitrine.enrich.Tag;
import io.vitrine.risk.RiskFlag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The risk flags table (V18), the same SQL on H2 and PostgreSQL. */
class RiskRepositoryTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private static RiskFlag draft(String flag, double confidence, String evidence) {
        return new RiskFlag(flag, confidence, Tag.Status.DRAFT, "ai", "mobilenetv2-12-int8", "12-int8", List.of(evidence), T0, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_rerun_replaces_drafts_but_keeps_a_decision_and_refreshes_its_evidence(String kind) {
        try (Database db = TestDatabases.fresh(kind)) {
            String id = TestAssets.newId(T0);
            new JdbiAssetRepository(db.handles(), Json.mapper()).insert(TestAssets.processing(id, TestAssets.sha(id), T0));
            var repo = new JdbiRiskRepository(db.handles());
            repo.replaceDrafts(id, List.of(draft("weapon", 0.8, "class 'revolver' p=0.800"), draft("alcohol", 0.3, "class 'wine bottle' p=0.300")));
            assertThat(repo.flags(id)).extracting(RiskFlag::flag).containsExactly("alcohol", "weapon");

            RiskFlag rejected = repo.decide(id, "weapon", Tag.Status.REJECTED, T0.plusSeconds(5)).orElseThrow();
            assertThat(rejected.status()).isEqualTo(Tag.Status.REJECTED);
            assertThat(rejected.decidedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(repo.decide(id, "tobacco", Tag.Status.ACCEPTED, T0)).isEmpty();

            repo.replaceDrafts(id, List.of(draft("weapon", 0.9, "class 'rifle' p=0.900")));
            List<RiskFlag> after = repo.flags(id);
            assertThat(after).extracting(RiskFlag::flag).containsExactly("weapon"); // the alcohol draft is gone
            assertThat(after.getFirst().status()).isEqualTo(Tag.Status.REJECTED);
            assertThat(after.getFirst().confidence()).isEqualTo(0.9);
            assertThat(after.getFirst().evidence()).containsExactly("class 'rifle' p=0.900");
            assertThat(after.getFirst().raised(0.5)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void evidence_too_long_for_its_column_keeps_its_first_whole_items(String kind) {
        try (Database db = TestDatabases.fresh(kind)) {
            String id = TestAssets.newId(T0);
            new JdbiAssetRepository(db.handles(), Json.mapper()).insert(TestAssets.processing(id, TestAssets.sha(id), T0));
            var repo = new JdbiRiskRepository(db.handles());
            List<String> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "ocr (tesseract 5.3.0): e-mail x***@y***.com #" + i).toList();
            repo.replaceDrafts(id, List.of(new RiskFlag("personal-data", 0.9, Tag.Status.DRAFT, "ai", "m", "1", many, T0, null)));
            List<String> kept = repo.flags(id).getFirst().evidence();
            assertThat(kept).isNotEmpty().hasSizeLessThan(200);
            assertThat(kept.getFirst()).isEqualTo(many.getFirst());
        }
    }
}
