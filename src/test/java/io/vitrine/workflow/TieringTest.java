package io.vitrine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.UserMetadata;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.NormalizedMetadata;
import io.vitrine.rights.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in tier rules, rules loaded from a file, and reading AI provenance from the metadata tree. */
class TieringTest {
    static final Map<Integer, Duration> SLA = Map.of(1, Duration.ofDays(2), 2, Duration.ofDays(3), 3, Duration.ofDays(5));
    final Tiering tiering = new Tiering(Tiering.DEFAULT_RULES, Tiering.DEFAULT_APPROVERS, SLA);

    static ReviewInputs in(String type, boolean ai, Set<String> flags, Channel channel) {
        return new ReviewInputs(type, ai, ai ? "human" : null, flags, channel);
    }

    @Test
    void the_highest_matching_rule_sets_the_tier() {
        assertThat(tiering.decide(in("image/jpeg", false, Set.of(), null)).tier()).isEqualTo(1);
        assertThat(tiering.decide(in("image/jpeg", false, Set.of(), Channel.WEB)).tier()).isEqualTo(1);
        assertThat(tiering.decide(in("image/jpeg", false, Set.of(), Channel.OOH)).rules()).containsExactly("baseline", "paid-channels");
        assertThat(tiering.decide(in("video/mp4", false, Set.of(), null)).tier()).isEqualTo(2);
        assertThat(tiering.decide(in("image/png", true, Set.of(), Channel.WEB)).tier()).isEqualTo(3);
        assertThat(tiering.decide(in("image/png", false, Set.of("minors"), Channel.BROADCAST)).rules())
                .containsExactly("baseline", "paid-channels", "risk-flagged");
        assertThat(tiering.approvers(2)).containsExactly("reviewer", "librarian");
    }

    @Test
    void rules_from_a_file_replace_the_built_in_ones_and_bad_files_are_refused_precisely(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"rules":[{"name":"talent","tier":3,"riskFlags":["talent-release"]},{"name":"all","tier":1}],
                 "approvers":{"3":["legal"]}}""");
        Tiering loaded = Tiering.load(file, io.vitrine.db.Json.mapper(), SLA);
        assertThat(loaded.decide(in("image/jpeg", true, Set.of("talent-release"), null)).tier()).isEqualTo(3);
        assertThat(loaded.decide(in("image/jpeg", true, Set.of("other"), null)).tier()).isEqualTo(1);
        assertThat(loaded.approvers(3)).containsExactly("legal");
        Files.writeString(file, "{\"rules\":[{\"name\":\"x\",\"tier\":4}]}");
        assertThatThrownBy(() -> Tiering.load(file, io.vitrine.db.Json.mapper(), SLA)).hasMessageContaining("tier must be 1, 2 or 3");
        Files.writeString(file, "{\"rules\":[{\"name\":\"x\",\"tier\":1}],\"approvers\":{\"1\":[\"consumer\"]}}");
        assertThatThrownBy(() -> Tiering.load(file, io.vitrine.db.Json.mapper(), SLA)).hasMessageContaining("cannot review");
    }

    @Test
    void only_trained_model_source_types_count_as_ai_generated() {
        assertThat(AiProvenance.declaredAi(withRaw(Map.of("XMP", Map.of("Iptc4xmpExt:DigitalSourceType",
                "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia")))))
                .contains("compositeWithTrainedAlgorithmicMedia");
        assertThat(AiProvenance.declaredAi(withRaw(Map.of("XMP", Map.of("Iptc4xmpExt:DigitalSourceType",
                "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"))))).isEmpty();
        assertThat(AiProvenance.declaredAi(withRaw(Map.of("XMP", Map.of("Iptc4xmpExt:DigitalSourceType",
                "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia"))))).isEmpty();
        assertThat(AiProvenance.declaredAi(withRaw(Map.of("XMP", Map.of("dc:title[1]", "trainedAlgorithmicMedia"))))).isEmpty();
    }

    private static Asset withRaw(Map<String, Object> raw) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        return new Asset("a", "a.jpg", "image/jpeg", "image/jpeg", false, 1, "0".repeat(64), AssetStatus.READY, null, 1, 1,
                new ExtractedMetadata(1, 1, null, NormalizedMetadata.EMPTY, Map.of(), raw, null), UserMetadata.EMPTY, 1, t, t,
                null, List.of());
    }
}
