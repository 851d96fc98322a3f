package io.vitrine;

import io.vitrine.db.Json;
import io.vitrine.config.VitrineConfig;
import io.vitrine.enrich.ModelStore;
import java.nio.file.Path;

/**
 * The model side of the composition root that works without a running Vitrine: the model store of a
 * configuration, whisper.cpp on its model, and installing a CLIP export (the CLI, benchmarks and
 * {@link EnrichmentModule} build them here).
 */
public final class Models {
    private Models() {}

    /** The model folder of a configuration, without opening the database (for {@code vitrine models}). */
    public static ModelStore modelStore(VitrineConfig config) {
        return modelStore(config, config.modelsDir());
    }

    /** The model store over another folder of installed models (benchmarks take one by option). */
    public static ModelStore modelStore(VitrineConfig config, Path modelsDir) {
        return new io.vitrine.enrich.local.FileModelStore(modelsDir,
                io.vitrine.enrich.local.FileModelStore.bundledCatalogue(Json.mapper()), config.enrich().modelBaseUrl(), Json.mapper());
    }

    /**
     * whisper.cpp on the configured (or best installed) whisper model of {@code models}, its runs bounded by
     * the inference threads and the transcript limit and timeout; the server and the transcript bench use it.
     */
    public static io.vitrine.enrich.whisper.WhisperTranscriber whisper(VitrineConfig config, ModelStore models, Path workRoot) {
        var t = config.enrich().transcripts();
        return new io.vitrine.enrich.whisper.WhisperTranscriber(models, t.whisperModel(), new io.vitrine.enrich.whisper.WhisperLibrary(),
                new io.vitrine.enrich.process.AudioDecoder(t.ffmpeg(), t.limit(), t.timeout()), config.enrich().inferenceThreads(),
                t.timeout(), workRoot);
    }

    /**
     * Installs a CLIP export folder as model {@code name}: it must load (both graphs, tokenizer, config)
     * before anything is copied, so a broken export is refused with the reason instead of turning CLIP off later.
     */
    public static ModelStore.Installed installClip(VitrineConfig config, Path folder, String name, String version, String licence) {
        var e = config.enrich();
        new io.vitrine.enrich.onnx.OnnxClipModel(name, version, folder, e.inferenceThreads(), e.inferenceTimeout(), Json.mapper()).close();
        return modelStore(config).install(new io.vitrine.enrich.ModelManifest(name, version, licence,
                io.vitrine.enrich.onnx.OnnxImageTextSource.CAPABILITY, "installed from " + folder.toAbsolutePath().normalize(),
                null, null, java.util.List.of(), null, null, null), folder);
    }
}
