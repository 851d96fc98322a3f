package io.vitrine.enrich.whisper;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One loaded whisper.cpp model (a context) and the runs on it, one at a time (a context is not
 * thread-safe). Each run goes on its own platform thread; at the timeout the caller raises the run's
 * abort flag, which whisper.cpp checks between the steps of its compute graphs, and waits a grace
 * period for it to stop. Should a run not stop even then, it keeps the context, which no other run
 * uses meanwhile (the next one waits for it within its own timeout). A retired model (another one
 * was installed) is freed once its last run ends.
 */
final class WhisperModel implements AutoCloseable {
    /** How long an aborted run may take to notice; whisper checks between graph nodes, milliseconds apart. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final WhisperCpp cpp;
    private final MemorySegment context;
    private final boolean multilingual;
    private final Semaphore busy = new Semaphore(1);
    private boolean freed;
    private volatile boolean retired;

    /** The model was still running an earlier file when this run's time was up. */
    private static final class Busy extends IllegalStateException {
        Busy() {
            super("whisper is still busy with an earlier file");
        }
    }

    /** A segment as whisper.cpp returns it: times in 10 ms units, the mean probability of its text tokens (-1: none). */
    record RawSegment(long t0, long t1, String text, double probability) {}

    /** The segments and the language whisper decoded in (detected by multilingual models; en for .en ones). */
    record Heard(List<RawSegment> segments, String language) {}

    private WhisperModel(WhisperCpp cpp, MemorySegment context) throws Throwable {
        this.cpp = cpp;
        this.context = context;
        this.multilingual = cpp.multilingual(context);
    }

    /** Throws with whisper.cpp's reason when the file is not a model it can load. */
    static WhisperModel load(WhisperCpp cpp, Path file) throws Exception {
        var logged = WhisperLibrary.capturing(() -> {
            try {
                return cpp.load(file.toAbsolutePath().toString());
            } catch (Throwable e) {
                throw new IllegalStateException("whisper.cpp failed loading " + file.getFileName() + ": " + e, e);
            }
        });
        if (logged.value().equals(MemorySegment.NULL)) {
            List<String> errors = logged.lines().stream().filter(l -> l.contains("failed") || l.contains("invalid")
                    || l.contains("wrong") || l.contains("ERROR") || l.contains("unknown")).map(String::strip).toList();
            throw new IllegalStateException("whisper.cpp cannot load " + file.getFileName() + " (not a complete whisper.cpp ggml model)"
                    + (errors.isEmpty() ? "" : ": " + String.join("; ", errors.subList(0, Math.min(3, errors.size())))));
        }
        try {
            return new WhisperModel(cpp, logged.value());
        } catch (Throwable e) {
            throw new IllegalStateException("whisper.cpp loaded " + file.getFileName() + " but cannot describe it: " + e, e);
        }
    }

    boolean multilingual() {
        return multilingual;
    }

    /** Transcribes 16 kHz mono samples with at most {@code threads} threads, stopping it at {@code timeout}. */
    Heard run(float[] samples, int threads, Duration timeout) throws Exception {
        AtomicBoolean abort = new AtomicBoolean();
        CompletableFuture<Heard> result = new CompletableFuture<>();
        Thread.ofPlatform().name("vitrine-whisper").daemon().start(() -> runOn(samples, threads, timeout, abort, result));
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort.set(true);
            String within = "whisper did not finish within " + timeout.toMillis() / 1000.0 + " s";
            try {
                result.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException still) {
                throw new IllegalStateException(within + " and did not stop when told; the run goes on in the background and its model "
                        + "takes no other file until it ends", e);
            } catch (ExecutionException stopped) {
                if (stopped.getCause() instanceof Busy) {
                    throw new IllegalStateException(within + ": it was waiting all that time for an earlier file's run on the model", e);
                }
            }
            throw new IllegalStateException(within + "; stopped", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    private void runOn(float[] samples, int threads, Duration timeout, AtomicBoolean abort, CompletableFuture<Heard> result) {
        try {
            if (!busy.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                result.completeExceptionally(new Busy());
                return;
            }
            try {
                result.complete(full(samples, threads, abort));
            } finally {
                release();
            }
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    private Heard full(float[] samples, int threads, AtomicBoolean abort) throws Throwable {
        if (freed) {
            throw new IllegalStateException("this whisper model was replaced by another; try again");
        }
        int code = cpp.full(context, samples, threads, multilingual ? "auto" : "en", abort);
        if (abort.get()) {
            throw new IllegalStateException("whisper was stopped at its time limit");
        }
        if (code != 0) {
            throw new IllegalStateException("whisper.cpp failed (code " + code + ")");
        }
        List<RawSegment> segments = new ArrayList<>();
        for (int i = 0, n = cpp.segments(context); i < n; i++) {
            segments.add(new RawSegment(cpp.t0(context, i), cpp.t1(context, i), cpp.text(context, i), cpp.textTokenProbability(context, i)));
        }
        return new Heard(segments, multilingual ? cpp.language(context) : "en");
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
            try {
                cpp.free(context);
            } catch (Throwable e) {
                org.slf4j.LoggerFactory.getLogger(WhisperModel.class).warn("whisper.cpp could not free a model: {}", e.toString());
            }
        }
        busy.release();
    }

    @Override
    public void close() {
        retire();
    }
}
