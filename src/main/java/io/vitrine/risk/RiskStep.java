package io.vitrine.risk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.enrich.ClassScore;
import io.vitrine.enrich.EnrichmentRepository;
import io.vitrine.enrich.EnrichmentSteps;
import io.vitrine.enrich.FacesAndTextRepository;
import io.vitrine.metadata.DigitalSourceType;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.storage.BlobStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code risk} enrichment step: reads what tagging, face detection, OCR and metadata extraction
 * found, and proposes risk flags as drafts ({@link RiskRules}). It runs no model of its own, so it
 * is cheap; it still skips when nothing it reads has changed (a digest of its inputs is its marker),
 * because only then does it open the original to look for a C2PA manifest. A failure is recorded
 * under the kind {@code risk} and leaves the asset and its other enrichment alone.
 */
public final class RiskStep {
    public static final String KIND = "risk";
    private static final Logger LOG = LoggerFactory.getLogger(RiskStep.class);

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final EnrichmentRepository results;
    private final FacesAndTextRepository found;
    private final Function<String, Optional<Instant>> releasedAt;
    private final RiskRepository repo;
    private final RiskRules rules;
    private final ObjectMapper json;
    private final Clock clock;

    /** {@code releasedAt}: when the newest release (model or property) still attached to an asset was attached, empty without one. */
    public RiskStep(AssetRepository assets, BlobStore blobs, EnrichmentRepository results, FacesAndTextRepository found,
            Function<String, Optional<Instant>> releasedAt, RiskRepository repo, ObjectMapper json, Clock clock) {
        this.assets = assets;
        this.blobs = blobs;
        this.results = results;
        this.found = found;
        this.releasedAt = releasedAt;
        this.repo = repo;
        this.rules = new RiskRules(ClassRisks.bundled());
        this.json = json;
        this.clock = clock;
    }

    public StepHandler step() {
        return id -> assess(id, false);
    }

    /** Returns whether the step ran (false: the asset is gone or nothing it reads has changed). */
    public boolean assess(String assetId, boolean force) throws Exception {
        Asset asset = assets.findLive(assetId).orElse(null);
        if (asset == null) {
            return false;
        }
        Optional<Instant> release = releasedAt.apply(assetId);
        RiskRules.Inputs in = inputs(asset, release.isPresent());
        String digest = digest(asset, in, release);
        var marker = new EnrichmentRepository.Marker(digest, RiskRules.RULES_MODEL, rules.version());
        if (!force && results.marker(assetId, KIND).filter(marker::equals).isPresent()) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String value = null;
        String error = null;
        try {
            List<RiskFlag> flags = rules.derive(in, c2pa(asset), now);
            for (RiskFlag f : repo.flags(assetId)) {
                if (RiskRules.moot(f, release)) {
                    repo.remove(assetId, f.flag());
                }
            }
            repo.replaceDrafts(assetId, flags);
            value = json.writeValueAsString(Map.of("flags", flags.stream().map(RiskFlag::flag).toList()));
        } catch (Exception e) {
            LOG.warn("risk assessment of asset {} failed: {}", assetId, e.toString());
            error = RiskRules.RULES_MODEL + " " + rules.version() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        results.record(assetId, KIND, marker, value, error, now);
        return true;
    }

    private RiskRules.Inputs inputs(Asset asset, boolean released) throws Exception {
        String id = asset.id();
        Optional<EnrichmentRepository.Marker> tagMarker = results.marker(id, EnrichmentSteps.TAGS);
        List<ClassScore> classes = classes(results.results(id).values().get(EnrichmentSteps.TAGS));
        String layer = asset.extracted() == null ? null : asset.extracted().text();
        return new RiskRules.Inputs(classes, tagMarker.map(EnrichmentRepository.Marker::model).orElse(null),
                tagMarker.map(EnrichmentRepository.Marker::modelVersion).orElse(null), found.faces(id), released,
                found.texts(id), layer, DigitalSourceType.declaredAi(asset.extracted()));
    }

    /** What the assessment reads, as one digest: when it is unchanged, so would the flags be. */
    private String digest(Asset asset, RiskRules.Inputs in, Optional<Instant> release) throws Exception {
        String layer = in.textLayer() == null ? "" : io.vitrine.common.Hashes.sha256Hex(in.textLayer());
        String all = json.writeValueAsString(java.util.Arrays.asList(asset.sha256(), in.classes(), in.tagModel(), in.tagVersion(),
                // without a release this is `false` as before, so assets without one keep their marker
                in.faces(), release.<Object>map(Instant::toString).orElse(Boolean.FALSE), in.texts(), layer,
                in.declared().map(Object::toString).orElse("")));
        return io.vitrine.common.Hashes.sha256Hex(all);
    }

    /** The raw classes the tags step kept with its result; none before it ran (or from a tagger without classes). */
    private List<ClassScore> classes(String tagsResult) throws Exception {
        if (tagsResult == null) {
            return List.of();
        }
        JsonNode classes = json.readTree(tagsResult).path("classes");
        return classes.isArray() ? json.convertValue(classes, new TypeReference<List<ClassScore>>() {}) : List.of();
    }

    private Optional<C2pa.Manifest> c2pa(Asset asset) throws Exception {
        try (BlobStore.LocalFile file = blobs.localFile(asset.sha256())) {
            return C2pa.scan(file.path());
        }
    }
}
