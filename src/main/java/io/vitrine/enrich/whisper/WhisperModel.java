package io.vitrine.enrich.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperContextParams;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One loaded whisper.cpp model (a context) and the runs on it, one at a time. A whisper run cannot be
 * interrupted (whisper-jni exposes no abort callback), so each runs on its own platform thread and
 * the caller stops waiting at the timeout: the run goes on until whisper returns, holding the context,
 * which no other run uses meanwhile (the next one waits for it within its own timeout). A retired
 * model (a different one was installed) is freed once its last run ends.
 */
final class WhisperModel implements AutoCloseable {
    private static final Pattern DETECTED = Pattern.compile("auto-detected language: ([a-z]{2,3})");

    private final WhisperJNI jni;
    private final WhisperContext context;
    private final boolean multilingual;
    private final Semaphore busy = new Semaphore(1);
    private boolean freed;
    private volatile boolean retired;

    /** A segment as whisper.cpp returns it: times in 10 ms units from the start of the audio. */
    record RawSegment(long t0, long t1, String text) {}

    /** The segments and, for a multilingual model, the language whisper detected (null when it said none). */
    record Heard(List<RawSegment> segments, String language) {}

    private WhisperModel(WhisperJNI jni, WhisperContext context) {
        this.jni = jni;
        this.context = context;
        this.multilingual = jni.isMultilingual(context);
    }

    /** Throws with whisper.cpp's reason when the file is not a model it can load. */
    static WhisperModel load(WhisperJNI jni, Path file) throws Exception {
        WhisperContextParams params = new WhisperContextParams();
        params.useGPU = false;
        var logged = WhisperLibrary.capturing(() -> {
            try {
                return jni.init(file, params);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (logged.value() == null) {
            List<String> errors = logged.lines().stream().filter(l -> l.contains("failed") || l.contains("invalid")
                    || l.contains("wrong") || l.contains("ERROR") || l.contains("unknown")).map(String::strip).toList();
            throw new IllegalStateException("whisper.cpp cannot load " + file.getFileName() + " (not a complete whisper.cpp ggml model)"
                    + (errors.isEmpty() ? "" : ": " + String.join("; ", errors.subList(0, Math.min(3, errors.size())))));
        }
        return new WhisperModel(jni, logged.value());
    }

    boolean multilingual() {
        return multilingual;
    }

    /** Transcribes 16 kHz mono samples with at most {@code threads} threads, waiting at most {@code timeout}. */
    Heard run(float[] samples, int threads, Duration timeout) throws Exception {
        CompletableFuture<Heard> result = new CompletableFuture<>();
        Thread.ofPlatform().name("vitrine-whisper").daemon().start(() -> {
            try {
                if (!busy.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    result.completeExceptionally(new IllegalStateException("whisper is still busy with an earlier run"));
                    return;
                }
                try {
                    result.complete(full(samples, threads));
                } finally {
                    release();
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("whisper did not finish within " + timeout.toMillis() / 1000.0 + " s; the run goes on in the "
                    + "background and its model takes no other file until it ends", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    private Heard full(float[] samples, int threads) {
        WhisperFullParams p = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        p.nThreads = threads;
        p.language = multilingual ? "auto" : "en";
        p.printProgress = false;
        p.printRealtime = false;
        p.printTimestamps = false;
        p.suppressNonSpeechTokens = true;
        var logged = WhisperLibrary.capturing(() -> jni.full(context, p, samples, samples.length));
        if (logged.value() != 0) {
            throw new IllegalStateException("whisper.cpp failed (code " + logged.value() + ")");
        }
        List<RawSegment> segments = new ArrayList<>();
        for (int i = 0, n = jni.fullNSegments(context); i < n; i++) {
            segments.add(new RawSegment(jni.fullGetSegmentTimestamp0(context, i), jni.fullGetSegmentTimestamp1(context, i),
                    jni.fullGetSegmentText(context, i)));
        }
        return new Heard(segments, multilingual ? detected(logged.lines()) : "en");
    }

    private static String detected(List<String> lines) {
        for (String line : lines) {
            Matcher m = DETECTED.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** No new runs will come; frees the context now, or when the run still going ends. */
    void retire() {
        retired = true;
        if (busy.tryAcquire()) {
            release();
        }
    }

    private synchronized void release() {
        if (retired && !freed) {
            freed = true;
            jni.free(context);
        }
        busy.release();
    }

    @Override
    public void close() {
        retire();
    }
}
