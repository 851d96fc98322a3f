package io.vitrine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.AssetRepository;
import io.vitrine.config.VitrineConfig;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.enrich.Capabilities;
import io.vitrine.enrich.EnrichmentRepository;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.EnrichmentSteps;
import io.vitrine.enrich.FaceAndTextSteps;
import io.vitrine.enrich.jdbc.JdbiFacesAndTextRepository;
import io.vitrine.enrich.onnx.OnnxFaceDetectorSource;
import io.vitrine.enrich.process.TesseractTextReader;
import io.vitrine.enrich.ModelStore;
import io.vitrine.enrich.Thresholds;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.enrich.imageio.KMeansPalette;
import io.vitrine.enrich.imageio.PixelQualityScorer;
import io.vitrine.enrich.jdbc.JdbiEnrichmentRepository;
import io.vitrine.enrich.onnx.OnnxTaggerSource;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.pipeline.StepRunner;
import io.vitrine.storage.BlobStore;
import java.time.Clock;

/** The enrichment part of the composition root: model store, ONNX tagger, palette, quality, faces, OCR, risk flags, review. */
final class EnrichmentModule implements AutoCloseable {
    final ModelStore models;
    final EnrichmentSteps steps;
    final EnrichmentService service;
    final Capabilities capabilities;
    final OnnxTaggerSource tagger;
    final FaceAndTextSteps facesAndText;
    final io.vitrine.enrich.TranscriptStep transcripts;
    final Thresholds thresholds;
    final io.vitrine.risk.RiskStep riskStep;
    final io.vitrine.risk.RiskService risks;
    private final OnnxFaceDetectorSource faces;
    final java.util.Optional<io.vitrine.embed.EmbeddingService> embeddings;
    private final java.util.Optional<io.vitrine.embed.TextEmbedder> embedder;
    private final io.vitrine.enrich.onnx.OnnxImageTextSource clip;
    final io.vitrine.enrich.ZeroShotTaggerSource zeroShot;

    EnrichmentModule(VitrineConfig config, Handles handles, AssetRepository assets, BlobStore blobs, JobQueue jobs,
            ObjectMapper json, Clock clock, io.vitrine.events.Events events,
            java.util.function.Function<String, java.util.Optional<java.time.Instant>> released) {
        VitrineConfig.Enrich c = config.enrich();
        models = Vitrine.modelStore(config);
        EnrichmentRepository repo = new JdbiEnrichmentRepository(handles);
        thresholds = new Thresholds(io.vitrine.enrich.jdbc.JdbiThresholdStore.concepts(handles), c.tagThreshold(), clock);
        tagger = new OnnxTaggerSource(models, c.taggerModel(), c.inferenceThreads());
        steps = new EnrichmentSteps(assets, blobs, repo,
                new EnrichmentSteps.Analyzers(tagger, new KMeansPalette(), new PixelQualityScorer()), thresholds, json, clock, handles, events);
        var detections = new JdbiFacesAndTextRepository(handles);
        faces = new OnnxFaceDetectorSource(models, c.faceModel(), c.inferenceThreads(), c.inferenceTimeout());
        var ocr = new TesseractTextReader(c.tesseract(), c.ocrLanguages(), c.ocrTimeout());
        facesAndText = new FaceAndTextSteps(steps, assets, faces, ocr, detections, repo, json, clock);
        var riskRepo = new io.vitrine.risk.jdbc.JdbiRiskRepository(handles);
        riskStep = new io.vitrine.risk.RiskStep(assets, blobs, repo, detections, released, riskRepo, json, clock);
        risks = new io.vitrine.risk.RiskService(assets, riskRepo, jobs, handles, clock, released,
                new Thresholds(io.vitrine.enrich.jdbc.JdbiThresholdStore.riskFlags(handles), c.riskThreshold(), clock));
        service = new EnrichmentService(assets, repo, detections, thresholds, Vocabulary.bundled(), jobs, handles, json, clock, events);
        var t = c.transcripts();
        var speech = new io.vitrine.enrich.process.PocketsphinxTranscriber(t.pocketsphinx(), t.ffmpeg(), t.limit(), t.timeout(),
                config.dataDir().resolve("work"));
        transcripts = new io.vitrine.enrich.TranscriptStep(steps, speech, detections, json, clock);
                clip = new io.vitrine.enrich.onnx.OnnxImageTextSource(models, c.inferenceThreads(), c.inferenceTimeout(), json);
        zeroShot = new io.vitrine.enrich.ZeroShotTaggerSource(clip, Vocabulary.bundled());
        embedder = loadEmbedder(c.inferenceThreads());
        capabilities = new Capabilities(models, c.taggerModel(), c.faceModel(), ocr, speech, clip,
                embedder.map(io.vitrine.embed.TextEmbedder::space).orElse(null));
        var vectors = new io.vitrine.embed.jdbc.JdbiEmbeddingRepository(handles);
        steps.storeImageEmbeddings(vectors::put);
        embeddings = embedder.map(e -> new io.vitrine.embed.EmbeddingService(assets, vectors, e, service).useImageText(clip));
    }

    /** The text embedder ships inside the build (a Maven artifact); failing to load it only turns semantic search off. */
    private static java.util.Optional<io.vitrine.embed.TextEmbedder> loadEmbedder(int threads) {
        try {
            return java.util.Optional.of(io.vitrine.embed.onnx.BgeTextEmbedder.bundled(threads));
        } catch (Exception | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(EnrichmentModule.class)
                    .warn("semantic search is off: the bundled text embedder did not load: {}", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    StepRunner.Enrichment handlers(StepHandler index) {
        StepHandler text = embeddings.map(io.vitrine.embed.EmbeddingService::step).orElse(id -> { });
        StepHandler clipTags = steps.zeroShotStep(zeroShot);
        // CLIP first: its zero-shot tags are among the concepts the text step mixes (ConSE)
        StepHandler embed = id -> {
            clipTags.run(id);
            text.run(id);
        };
        return new StepRunner.Enrichment(steps.tagsStep(), steps.paletteStep(), steps.qualityStep(), facesAndText.facesStep(),
                facesAndText.textStep(), embed, index).withTranscripts(transcripts.handler())
                .withRisk(riskStep.step());
    }

    @Override
    public void close() throws Exception {
        tagger.close();
        faces.close();
        clip.close();
        embedder.ifPresent(io.vitrine.embed.TextEmbedder::close);
    }
}
