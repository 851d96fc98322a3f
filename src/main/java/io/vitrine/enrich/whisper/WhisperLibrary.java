package io.vitrine.enrich.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp's native library (whisper-jni: {@code libwhisper-jni}, {@code libwhisper}, {@code libggml}
 * for Linux, macOS and Windows on x86-64 and ARM, extracted from the jar to a temporary folder and
 * loaded on first use), called through {@link WhisperCpp}. Loading is lazy and failure-safe: on a
 * platform the jar has no build for, when a system library is missing, or when the library's
 * parameter layout is not the one {@link WhisperCpp} knows, {@link #problem} says so and nothing
 * else breaks.
 *
 * <p>whisper.cpp logs through one process-wide callback, set here through FFM (whisper-jni's own is
 * never installed: it crashes when whisper.cpp is called from outside whisper-jni); its lines go to
 * this class's logger at debug level, and a load that wants whisper.cpp's reason for refusing a file
 * collects the lines logged on its own thread with {@link #capturing}. The thread-local is the only
 * static state: the callback itself is process-wide by nature.
 */
public final class WhisperLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperLibrary.class);
    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();

    private volatile Optional<String> problem;
    private WhisperCpp cpp;

    /** Empty when the library is loaded; otherwise why whisper.cpp cannot run here. */
    public synchronized Optional<String> problem() {
        if (problem == null) {
            problem = load();
        }
        return problem;
    }

    synchronized WhisperCpp cpp() {
        if (problem().isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        return cpp;
    }

    private Optional<String> load() {
        try {
            WhisperJNI.loadLibrary(LOG::debug);
            cpp = WhisperCpp.bind();
            cpp.routeLog(WhisperLibrary::log);
            return Optional.empty();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
            LOG.warn("whisper.cpp did not load on {}: {}", platform, e.toString());
            return Optional.of("the whisper.cpp native library does not load on this node (" + platform.toLowerCase(Locale.ROOT)
                    + "): " + e.getMessage());
        }
    }

    private static void log(String line) {
        List<String> lines = CAPTURE.get();
        if (lines != null) {
            lines.add(line);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("whisper.cpp: {}", line.stripTrailing());
        }
    }

    /** Runs {@code work} on this thread and returns its result with the lines whisper.cpp logged meanwhile. */
    static <T> Logged<T> capturing(Supplier<T> work) {
        List<String> lines = new ArrayList<>();
        CAPTURE.set(lines);
        try {
            return new Logged<>(work.get(), List.copyOf(lines));
        } finally {
            CAPTURE.remove();
        }
    }

    record Logged<T>(T value, List<String> lines) {}
}
