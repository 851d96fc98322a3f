package io.vitrine.enrich.whisper;

import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.ModelStore;
import io.vitrine.enrich.Transcriber;
import io.vitrine.enrich.process.AudioDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Transcripts with whisper.cpp in process (whisper-jni), from a whisper model of the catalogue
 * ({@code vitrine models pull whisper-base.en}): the named one, or the best installed (highest
 * {@code rank}). A model pulled while the server runs is picked up by the next file. The model file
 * is verified against its manifest's SHA-256 before whisper.cpp reads it (a damaged file turns the
 * recognizer off with the reason instead of feeding whisper.cpp half a model: a native abort would
 * take the whole server down); its version is the manifest's plus that SHA-256's prefix, so another
 * file re-runs transcripts. Multilingual models
 * detect the language of each file, {@code .en} models hear English. The grade comes from the
 * catalogue ({@code medium} for base and small, {@code low} for tiny).
 */
public final class WhisperTranscriber implements Transcriber, AutoCloseable {
    static final String ENGINE = "whisper.cpp";

    private final ModelStore models;
    private final String wanted;
    private final WhisperLibrary library;
    private final AudioDecoder decoder;
    private final int threads;
    private final Duration timeout;
    private final Path workRoot;
    private Loaded loaded;

    /** The chosen model, loaded or with the reason it cannot run; {@code file} tells a re-pulled file from the one loaded. */
    private record Loaded(ModelStore.Installed model, String sha256, WhisperModel whisper, String problem, FileIdentity file) {}

    /** The model file as the file system sees it: a pull publishes a new file, so a damaged one is checked again once re-pulled. */
    private record FileIdentity(Path path, Object key, long bytes, java.nio.file.attribute.FileTime modified) {
        static FileIdentity of(Path path) {
            try {
                var a = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
                return new FileIdentity(path, a.fileKey(), a.size(), a.lastModifiedTime());
            } catch (java.io.IOException e) {
                return new FileIdentity(path, null, -1, null);
            }
        }
    }

    /**
     * @param wanted  a catalogue model name, or null for the best whisper model installed
     * @param threads how many threads one run may use (the inference-threads setting)
     * @param timeout how long one run may take before its step is failed
     */
    public WhisperTranscriber(ModelStore models, String wanted, WhisperLibrary library, AudioDecoder decoder, int threads,
            Duration timeout, Path workRoot) {
        this.models = models;
        this.wanted = wanted;
        this.library = library;
        this.decoder = decoder;
        this.threads = threads;
        this.timeout = timeout;
        this.workRoot = workRoot;
    }

    /** Whether a catalogue or installed model is one whisper.cpp runs. */
    public static boolean isWhisper(ModelManifest m) {
        return m.preprocessing() != null && ENGINE.equals(m.preprocessing().get("engine"));
    }

    @Override
    public String model() {
        return chosen().map(i -> i.manifest().name()).orElse(wanted == null ? "whisper" : wanted);
    }

    @Override
    public String modelVersion() {
        Loaded l = current();
        return l == null || l.sha256() == null ? "absent" : l.model().manifest().version() + "-" + l.sha256().substring(0, 12);
    }

    @Override
    public String language() {
        Loaded l = current();
        return l != null && l.whisper() != null && !l.whisper().multilingual() ? "en" : null;
    }

    @Override
    public String quality() {
        return chosen().map(i -> i.manifest().preprocessing().get("quality")).map(String::valueOf).orElse("medium");
    }

    @Override
    public double limitSeconds() {
        return decoder.limitSeconds();
    }

    @Override
    public Optional<String> unavailable() {
        Optional<ModelStore.Installed> model = chosen();
        if (model.isEmpty()) {
            return Optional.of(wanted == null
                    ? "no whisper model installed; run `vitrine models pull whisper-base.en` (English) or `whisper-base` (99 languages)"
                    : "model " + wanted + " not installed; run `vitrine models pull " + wanted + "`");
        }
        if (!isWhisper(model.get().manifest())) {
            return Optional.of("model " + wanted + " is not a whisper.cpp model (its manifest names no engine whisper.cpp)");
        }
        return Optional.ofNullable(current().problem());
    }

    private Optional<ModelStore.Installed> chosen() {
        if (wanted != null) {
            return models.installed(wanted);
        }
        java.util.List<ModelStore.Installed> all;
        try {
            all = models.installedModels();
        } catch (io.vitrine.enrich.ModelException e) {
            // another model's unreadable manifest must not hide the whisper models of the catalogue
            all = models.catalogue().stream().filter(WhisperTranscriber::isWhisper).flatMap(m -> installedQuietly(m.name()).stream())
                    .toList();
        }
        return all.stream().filter(i -> isWhisper(i.manifest())).max(Comparator.comparingDouble(WhisperTranscriber::rank));
    }

    private Optional<ModelStore.Installed> installedQuietly(String name) {
        try {
            return models.installed(name);
        } catch (io.vitrine.enrich.ModelException e) {
            return Optional.empty();
        }
    }

    private static double rank(ModelStore.Installed i) {
        Object r = i.manifest().preprocessing().get("rank");
        return r instanceof Number n ? n.doubleValue() : 0;
    }

    /** The chosen model, loaded once per installed file; null when none is installed. */
    private synchronized Loaded current() {
        ModelStore.Installed model = chosen().filter(i -> isWhisper(i.manifest())).orElse(null);
        if (model == null) {
            return null;
        }
        ModelManifest.ModelFile file = model.manifest().files().getFirst();
        FileIdentity identity = FileIdentity.of(model.dir().resolve(file.path()));
        if (loaded != null && loaded.file().equals(identity) && file.sha256().equalsIgnoreCase(
                loaded.model().manifest().files().getFirst().sha256())) {
            return loaded;
        }
        if (loaded != null && loaded.whisper() != null) {
            loaded.whisper().retire();
        }
        loaded = WhisperLoading.load(models, model, file, identity, library);
        return loaded;
    }

    @Override
    public Optional<Transcript> transcribe(Path media) throws Exception {
        Optional<String> off = unavailable();
        if (off.isPresent()) {
            throw new IllegalStateException(off.get());
        }
        Loaded l = current();
        if (l == null || l.whisper() == null) { // changed since the check above
            throw new IllegalStateException(l == null ? "the whisper model was removed" : l.problem());
        }
        return decoder.listen(media, AudioDecoder.Format.RAW_F32, workRoot, (pcm, fileSeconds, work) -> {
            float[] samples = samples(pcm);
            if (samples.length == 0) {
                return Optional.empty();
            }
            double heard = samples.length / (double) AudioDecoder.SAMPLE_RATE;
            WhisperModel.Heard h = l.whisper().run(padded(samples), threads, timeout);
            return WhisperSegments.transcript(h, heard, decoder.truncated(fileSeconds, heard));
        });
    }

    /** Mapped rather than read: 15 minutes are 57 MB of floats, not worth holding twice. */
    private static float[] samples(Path pcm) throws java.io.IOException {
        try (var channel = java.nio.channels.FileChannel.open(pcm)) {
            ByteBuffer bytes = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(out);
            return out;
        }
    }

    /** whisper.cpp refuses less than a second; it pads every window to 30 s with silence anyway. */
    private static float[] padded(float[] samples) {
        return samples.length >= AudioDecoder.SAMPLE_RATE + 160 ? samples
                : java.util.Arrays.copyOf(samples, AudioDecoder.SAMPLE_RATE + 160);
    }

    @Override
    public synchronized void close() {
        if (loaded != null && loaded.whisper() != null) {
            loaded.whisper().retire();
        }
        loaded = null;
    }

    /** Builds {@link Loaded} records; apart so the transcriber stays about choosing and running. */
    static final class WhisperLoading {
        private WhisperLoading() {}

        /** Verifies the file against its manifest (SHA-256) before whisper.cpp reads a byte of it. */
        static Loaded load(ModelStore models, ModelStore.Installed model, ModelManifest.ModelFile file, FileIdentity identity,
                WhisperLibrary library) {
            String name = model.manifest().name();
            java.util.List<String> damage = models.verify(name);
            if (!damage.isEmpty()) {
                return new Loaded(model, null, null, "model " + name + " is damaged (" + String.join("; ", damage)
                        + "); run `vitrine models pull " + name + "` again", identity);
            }
            Path path = model.dir().resolve(file.path());
            String sha = file.sha256().toLowerCase(java.util.Locale.ROOT);
            Optional<String> off = library.problem();
            if (off.isPresent()) {
                return new Loaded(model, sha, null, off.get(), identity);
            }
            try {
                return new Loaded(model, sha, WhisperModel.load(library.cpp(), path), null, identity);
            } catch (Exception e) {
                return new Loaded(model, sha, null, e.getMessage(), identity);
            }
        }
    }
}
