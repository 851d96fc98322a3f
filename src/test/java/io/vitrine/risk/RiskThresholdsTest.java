package io.vitrine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.db.TestDatabases;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Thresholds;
import io.vitrine.enrich.jdbc.JdbiThresholdStore;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import io.vitrine.risk.jdbc.JdbiRiskRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-flag risk thresholds on a real database: reviewers rejecting low-confidence {@code alcohol}
 * drafts raise that flag's bar, so new assets below it no longer count; accepting lowers it again;
 * other flags keep theirs.
 */
class RiskThresholdsTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private Database db;
    private JdbiRiskRepository repo;
    private JdbiJobQueue jobs;
    private RiskService risks;

    private void open(String kind) {
        db = TestDatabases.fresh(kind);
        repo = new JdbiRiskRepository(db.handles());
        jobs = new JdbiJobQueue(db.handles(), () -> { });
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        risks = new RiskService(new JdbiAssetRepository(db.handles(), Json.mapper()), repo, jobs, db.handles(), clock,
                id -> Optional.empty(), new Thresholds(JdbiThresholdStore.riskFlags(db.handles()), RiskService.RAISE, clock));
    }

    /** A new asset whose risk step proposed {@code flag} at {@code confidence}. */
    private String flagged(String flag, double confidence) {
        String id = TestAssets.newId(T0);
        new JdbiAssetRepository(db.handles(), Json.mapper()).insert(TestAssets.processing(id, TestAssets.sha(id), T0));
        repo.replaceDrafts(id, List.of(new RiskFlag(flag, confidence, Tag.Status.DRAFT, "ai", "mobilenetv2-12-int8", "12-int8",
                List.of("class 'wine bottle' p=" + confidence), T0, null)));
        return id;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rejected_low_confidence_alcohol_flags_raise_its_threshold_and_accepted_ones_lower_it(String kind) {
        open(kind);
        try {
            List<String> weak = List.of(flagged("alcohol", 0.42), flagged("alcohol", 0.43), flagged("alcohol", 0.44));
            String undecided = flagged("alcohol", 0.45);
            assertThat(risks.raised(undecided)).as("above the default 0.4").containsExactly("alcohol");

            for (String id : weak) {
                risks.decide(id, "alcohol", Tag.Status.REJECTED);
            }
            Thresholds.Threshold t = risks.thresholds().get("alcohol");
            assertThat(t.rejected()).isEqualTo(3);
            assertThat(t.threshold()).isGreaterThan(0.6);
            assertThat(risks.raised(undecided)).as("now below the recalibrated bar").isEmpty();
            assertThat(risks.raised(flagged("alcohol", 0.5))).as("a new asset below it").isEmpty();
            assertThat(risks.raised(flagged("alcohol", 0.9))).as("a strong sighting still counts").containsExactly("alcohol");
            assertThat(risks.raised(flagged("weapon", 0.45))).as("other flags keep their own threshold").containsExactly("weapon");
            assertThat(risks.thresholds().get("weapon").threshold()).isEqualTo(RiskService.RAISE);
            // the undecided 0.45 draft crossed the bar: it was queued for re-indexing with the decisions
            assertThat(jobs.pending()).isGreaterThan(weak.size());

            double raisedBar = t.threshold();
            for (int i = 0; i < 6; i++) {
                risks.decide(flagged("alcohol", 0.41), "alcohol", Tag.Status.ACCEPTED);
            }
            Thresholds.Threshold lowered = risks.thresholds().get("alcohol");
            assertThat(lowered.accepted()).isEqualTo(6);
            assertThat(lowered.threshold()).isLessThan(raisedBar).isLessThan(0.5);
            assertThat(risks.raised(flagged("alcohol", 0.5))).as("accepted history lowered the bar").containsExactly("alcohol");

            // changing one's mind moves the counts, it does not add a decision
            risks.decide(weak.getFirst(), "alcohol", Tag.Status.ACCEPTED);
            assertThat(risks.thresholds().get("alcohol").rejected()).isEqualTo(2);
            assertThat(risks.thresholds().get("alcohol").accepted()).isEqualTo(7);
        } finally {
            db.close();
        }
    }
}
