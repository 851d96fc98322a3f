package io.vitrine.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.pipeline.StepHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face detection and OCR on the preview rendition, as two optional steps with the same rules as the
 * others ({@link EnrichmentSteps}): skipped while the preview and the model version are unchanged, a
 * failure recorded under its kind (faces, ocr) without touching anything else, nothing done (and
 * capabilities say why) while the model or the tool is missing. A document whose text layer was
 * extracted at ingest is not OCRed: the layer is exact, OCR would only add noise.
 */
public final class FaceAndTextSteps {
    public static final String FACES = "faces";
    public static final String OCR = "ocr";
    static final double SAME_FACE = 0.5;
    private static final Logger LOG = LoggerFactory.getLogger(FaceAndTextSteps.class);

    private final EnrichmentSteps steps;
    private final AssetRepository assets;
    private final FaceDetectorSource faces;
    private final TextReader text;
    private final FacesAndTextRepository repo;
    private final EnrichmentRepository results;
    private final ObjectMapper json;
    private final Clock clock;

    public FaceAndTextSteps(EnrichmentSteps steps, AssetRepository assets, FaceDetectorSource faces, TextReader text,
            FacesAndTextRepository repo, EnrichmentRepository results, ObjectMapper json, Clock clock) {
        this.steps = steps;
        this.assets = assets;
        this.faces = faces;
        this.text = text;
        this.repo = repo;
        this.results = results;
        this.json = json;
        this.clock = clock;
    }

    public StepHandler facesStep() {
        return id -> faces(id, false);
    }

    public StepHandler textStep() {
        return id -> text(id, false);
    }

    /** Returns whether the step ran (false: nothing to do, unchanged, or no model installed). */
    public boolean faces(String assetId, boolean force) throws Exception {
        Optional<FaceDetector> detector;
        try {
            detector = faces.detector();
        } catch (Exception | LinkageError e) {
            return unloadable(assetId, e);
        }
        if (detector.isEmpty()) {
            return false;
        }
        FaceDetector d = detector.get();
        return steps.run(assetId, FACES, "preview", d.model(), d.modelVersion(), force, (asset, file) -> {
            Instant now = now();
            List<Face> decided = repo.faces(assetId).stream().filter(f -> f.status() != Tag.Status.DRAFT).toList();
            List<Face.Detection> found = d.detect(file);
            // a face a person already decided on is not proposed again as a new draft
            List<Face> fresh = found.stream().filter(x -> decided.stream().noneMatch(f -> f.box().overlap(x.box()) > SAME_FACE))
                    .map(x -> new Face(0, x.box(), x.landmarks(), x.confidence(), Tag.Status.DRAFT, d.model(), d.modelVersion(), now, null))
                    .toList();
            repo.replaceFaces(assetId, fresh);
            return json.writeValueAsString(Map.of("count", found.size()));
        });
    }

    public boolean text(String assetId, boolean force) throws Exception {
        if (text.unavailable().isPresent()) {
            return false;
        }
        return steps.run(assetId, OCR, "preview", text.model(), text.modelVersion(), force, (asset, file) -> {
            if (hasTextLayer(asset)) {
                repo.replaceText(assetId, ReadText.OCR, Optional.empty());
                return json.writeValueAsString(Map.of("skipped", "the document has a text layer"));
            }
            Optional<ReadText> read = text.read(file).map(r -> new ReadText(ReadText.OCR, r.language(), r.content(),
                    r.confidence(), Tag.Status.DRAFT, text.model(), text.modelVersion(), now()));
            repo.replaceText(assetId, ReadText.OCR, read);
            return json.writeValueAsString(Map.of("characters", read.map(r -> r.content().length()).orElse(0)));
        });
    }

    private static boolean hasTextLayer(Asset asset) {
        return asset.extracted() != null && asset.extracted().text() != null && !asset.extracted().text().isBlank();
    }

    /** A model that is installed but cannot be opened fails the step on every asset, with the reason. */
    private boolean unloadable(String assetId, Throwable e) {
        Asset asset = assets.findLive(assetId).orElse(null);
        var preview = asset == null ? null : asset.renditions().stream().filter(r -> r.name().equals("preview")).findFirst();
        if (preview == null || preview.isEmpty()) {
            return false;
        }
        LOG.warn("model {} cannot be loaded: {}", faces.modelName(), e.toString());
        results.record(assetId, FACES, new EnrichmentRepository.Marker(preview.get().sha256(), faces.modelName(), "unloadable"),
                null, faces.modelName() + " cannot be loaded: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                now());
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
