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
    private final java.util.Optional<io.vitrine.embed.TextEmbedder> chinese;
    private final JobQueue jobs;
    private final Clock clock;
    private volatile io.vitrine.common.Periodic backfill;
    private volatile boolean backfillDone;
    static final java.time.Duration BACKFILL_EVERY = java.time.Duration.ofSeconds(10);
    static final int BACKFILL_BATCH = 500;
    private final io.vitrine.enrich.onnx.OnnxImageTextSource clip;
    final io.vitrine.enrich.ZeroShotTaggerSource zeroShot;
    private final io.vitrine.enrich.whisper.WhisperTranscriber whisper;

    EnrichmentModule(VitrineConfig config, Handles handles, AssetRepository assets, BlobStore blobs, JobQueue jobs,
            ObjectMapper json, Clock clock, io.vitrine.events.Events events,
            java.util.function.Function<String, java.util.Optional<java.time.Instant>> released) {
        VitrineConfig.Enrich c = config.enrich();
        models = Models.modelStore(config);
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
        whisper = Models.whisper(config, models, config.dataDir().resolve("work"));
        var speech = speech(config, whisper);
        transcripts = new io.vitrine.enrich.TranscriptStep(steps, speech, detections, json, clock);
        clip = new io.vitrine.enrich.onnx.OnnxImageTextSource(models, c.inferenceThreads(), c.inferenceTimeout(), json);
        zeroShot = new io.vitrine.enrich.ZeroShotTaggerSource(clip, Vocabulary.bundled());
        embedder = loadEmbedder(io.vitrine.embed.onnx.BgeTextEmbedder.Bundled.EN, c.inferenceThreads());
        chinese = embedder.isPresent() && c.chineseTextEmbedder()
                ? loadEmbedder(io.vitrine.embed.onnx.BgeTextEmbedder.Bundled.ZH, c.inferenceThreads()) : java.util.Optional.empty();
        capabilities = new Capabilities(models, c.taggerModel(), c.faceModel(), ocr, speech, clip,
                embedder.map(io.vitrine.embed.TextEmbedder::space).orElse(null), chineseCapability(c.chineseTextEmbedder()));
        var vectors = new io.vitrine.embed.jdbc.JdbiEmbeddingRepository(handles);
        steps.storeImageEmbeddings(vectors::put);
        embeddings = embedder.map(e -> new io.vitrine.embed.EmbeddingService(assets, vectors, textSpaces(e), service).useImageText(clip));
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The recognizer by VITRINE_TRANSCRIBER: whisper when its model is installed, pocketsphinx as the offline fallback. */
    static io.vitrine.enrich.SpeechRecognizers speech(VitrineConfig config, io.vitrine.enrich.Transcriber whisper) {
        var t = config.enrich().transcripts();
        var pocketsphinx = new io.vitrine.enrich.process.PocketsphinxTranscriber(t.pocketsphinx(), t.ffmpeg(), t.limit(), t.timeout(),
                config.dataDir().resolve("work"));
        return new io.vitrine.enrich.SpeechRecognizers(io.vitrine.enrich.SpeechRecognizers.Mode.parse(t.transcriber()), whisper,
                pocketsphinx);
    }

    /** Only nodes that run jobs look for assets missing a space: a CLI command or an API-only node queues nothing. */
    void startBackfill() {
        backfill = new io.vitrine.common.Periodic("vitrine-embed-backfill", BACKFILL_EVERY,
                () -> embeddings.map(e -> queueMissing(e, jobs, clock)).orElse(0));
    }

    private java.util.List<io.vitrine.embed.TextSpace> textSpaces(io.vitrine.embed.TextEmbedder english) {
        var spaces = new java.util.ArrayList<>(java.util.List.of(io.vitrine.embed.TextSpace.english(english)));
        chinese.ifPresent(zh -> spaces.add(io.vitrine.embed.TextSpace.chinese(zh)));
        return spaces;
    }

    private Capabilities.Capability chineseCapability(boolean wanted) {
        String space = io.vitrine.embed.onnx.BgeTextEmbedder.Bundled.ZH.space();
        String fallback = ": Chinese queries search through their concepts' English labels";
        if (chinese.isPresent()) {
            return new Capabilities.Capability("embeddings-zh", true, space,
                    "bundled; Chinese queries are searched among assets' words and Chinese concept labels in this space");
        }
        String why = !wanted ? "turned off (VITRINE_TEXT_EMBEDDER_ZH=off)"
                : embedder.isEmpty() ? "needs the English text embedder, which did not load"
                : "the bundled Chinese text embedder did not load (see the server log)";
        return new Capabilities.Capability("embeddings-zh", false, space, why + fallback);
    }

    /**
     * Queues the embedding step for assets that lack a space (added by an upgrade or by turning the zh
     * space on), a batch per run and only while the queue is nearly idle, so new uploads go first.
     * Once nothing lacks a space the check stops: spaces only change at start.
     */
    private int queueMissing(io.vitrine.embed.EmbeddingService e, JobQueue jobs, Clock clock) {
        if (backfillDone || jobs.due(clock.instant()) > BACKFILL_BATCH) {
            return 0;
        }
        java.util.List<String> ids = e.missingSpaces(BACKFILL_BATCH);
        ids.forEach(id -> jobs.enqueue(id, new io.vitrine.pipeline.Step.Embed(), clock.instant()));
        backfillDone = ids.isEmpty();
        return ids.size();
    }

    /** The text embedders ship inside the build (Maven artifacts); failing to load one only turns its space off. */
    private static java.util.Optional<io.vitrine.embed.TextEmbedder> loadEmbedder(io.vitrine.embed.onnx.BgeTextEmbedder.Bundled which,
            int threads) {
        try {
            return java.util.Optional.of(io.vitrine.embed.onnx.BgeTextEmbedder.bundled(which, threads));
        } catch (Exception | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(EnrichmentModule.class)
                    .warn("the {} text space is off: the bundled text embedder did not load: {}", which.space(), e.getMessage());
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
        whisper.close();
        if (backfill != null) {
            backfill.close();
        }
        embedder.ifPresent(io.vitrine.embed.TextEmbedder::close);
        chinese.ifPresent(io.vitrine.embed.TextEmbedder::close);
    }
}
