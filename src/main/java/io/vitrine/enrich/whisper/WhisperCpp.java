package io.vitrine.enrich.whisper;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The few whisper.cpp C functions whisper-jni does not expose — token probabilities, the detected
 * language id and the abort callback — called through FFM on the libwhisper that whisper-jni loaded
 * (found through this class loader's libraries: {@code libwhisper-jni} depends on it). whisper_full
 * takes its parameters by value, a 264-byte struct: {@link #bind} reads whisper.cpp's own defaults
 * and checks them at the offsets used here before anything is called, so another whisper.cpp build
 * with another layout is refused with the reason instead of corrupting memory.
 */
final class WhisperCpp {
    static final long PARAMS_SIZE = 264;
    // offsets in struct whisper_full_params (whisper.cpp 1.7.x, x86-64 and arm64 ABI)
    static final long N_THREADS = 4;
    static final long N_MAX_TEXT_CTX = 8;
    static final long NO_CONTEXT = 21;
    static final long PRINT_PROGRESS = 25;
    static final long PRINT_REALTIME = 26;
    static final long PRINT_TIMESTAMPS = 27;
    static final long THOLD_PT = 32;
    static final long LANGUAGE = 96;
    static final long SUPPRESS_BLANK = 105;
    static final long SUPPRESS_NST = 106;
    static final long MAX_INITIAL_TS = 112;
    static final long ENTROPY_THOLD = 124;
    static final long NO_SPEECH_THOLD = 132;
    static final long ABORT_CALLBACK = 200;
    static final long ABORT_USER_DATA = 208;
    static final long GRAMMAR_PENALTY = 256;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout PARAMS = MemoryLayout.structLayout(MemoryLayout.sequenceLayout(PARAMS_SIZE / 8, JAVA_LONG));
    private static final MethodHandle ABORT;
    private static final MethodHandle LOG;

    static {
        try {
            ABORT = MethodHandles.lookup().findStatic(WhisperCpp.class, "aborted",
                    MethodType.methodType(boolean.class, AtomicBoolean.class, MemorySegment.class));
            LOG = MethodHandles.lookup().findStatic(WhisperCpp.class, "logged",
                    MethodType.methodType(void.class, java.util.function.Consumer.class, int.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MethodHandle initFromFile;
    private final MethodHandle free;
    private final MethodHandle defaultParams;
    private final MethodHandle freeParams;
    private final MethodHandle full;
    private final MethodHandle nSegments;
    private final MethodHandle t0;
    private final MethodHandle t1;
    private final MethodHandle segmentText;
    private final MethodHandle nTokens;
    private final MethodHandle tokenId;
    private final MethodHandle tokenP;
    private final MethodHandle eot;
    private final MethodHandle langId;
    private final MethodHandle langStr;
    private final MethodHandle multilingual;
    private final MethodHandle logSet;

    private WhisperCpp(SymbolLookup lib) {
        initFromFile = fn(lib, "whisper_init_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS));
        free = fn(lib, "whisper_free", FunctionDescriptor.ofVoid(ADDRESS));
        defaultParams = fn(lib, "whisper_full_default_params_by_ref", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        freeParams = fn(lib, "whisper_free_params", FunctionDescriptor.ofVoid(ADDRESS));
        full = fn(lib, "whisper_full", FunctionDescriptor.of(JAVA_INT, ADDRESS, PARAMS, ADDRESS, JAVA_INT));
        nSegments = fn(lib, "whisper_full_n_segments", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        t0 = fn(lib, "whisper_full_get_segment_t0", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
        t1 = fn(lib, "whisper_full_get_segment_t1", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
        segmentText = fn(lib, "whisper_full_get_segment_text", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        nTokens = fn(lib, "whisper_full_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        tokenId = fn(lib, "whisper_full_get_token_id", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        tokenP = fn(lib, "whisper_full_get_token_p", FunctionDescriptor.of(JAVA_FLOAT, ADDRESS, JAVA_INT, JAVA_INT));
        eot = fn(lib, "whisper_token_eot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        langId = fn(lib, "whisper_full_lang_id", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        langStr = fn(lib, "whisper_lang_str", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        multilingual = fn(lib, "whisper_is_multilingual", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        logSet = fn(lib, "whisper_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    }

    private static MethodHandle fn(SymbolLookup lib, String name, FunctionDescriptor d) {
        return LINKER.downcallHandle(lib.find(name).orElseThrow(() -> new IllegalStateException("libwhisper has no " + name)), d);
    }

    /** Binds the functions of the loaded libwhisper and checks the parameter layout against its defaults. */
    static WhisperCpp bind() throws Throwable {
        WhisperCpp cpp = new WhisperCpp(SymbolLookup.loaderLookup());
        MemorySegment p = cpp.defaults();
        try {
            String found = "n_max_text_ctx " + p.get(JAVA_INT, N_MAX_TEXT_CTX) + ", no_context " + p.get(JAVA_BYTE, NO_CONTEXT)
                    + ", thold_pt " + p.get(JAVA_FLOAT, THOLD_PT) + ", language " + p.get(ADDRESS, LANGUAGE).reinterpret(8).getString(0)
                    + ", max_initial_ts " + p.get(JAVA_FLOAT, MAX_INITIAL_TS) + ", entropy_thold " + p.get(JAVA_FLOAT, ENTROPY_THOLD)
                    + ", no_speech_thold " + p.get(JAVA_FLOAT, NO_SPEECH_THOLD) + ", abort_callback " + p.get(JAVA_LONG, ABORT_CALLBACK)
                    + ", grammar_penalty " + p.get(JAVA_FLOAT, GRAMMAR_PENALTY);
            String expected = "n_max_text_ctx 16384, no_context 1, thold_pt 0.01, language en, max_initial_ts 1.0, entropy_thold 2.4, "
                    + "no_speech_thold 0.6, abort_callback 0, grammar_penalty 100.0";
            if (!found.equals(expected)) {
                throw new IllegalStateException("this libwhisper's whisper_full_params differ from the layout Vitrine knows (" + found + ")");
            }
        } finally {
            cpp.freeParams.invokeExact(p);
        }
        return cpp;
    }

    private MemorySegment defaults() throws Throwable {
        return ((MemorySegment) defaultParams.invokeExact(0)).reinterpret(PARAMS_SIZE); // 0: WHISPER_SAMPLING_GREEDY
    }

    /** The context, or {@link MemorySegment#NULL} when whisper.cpp could not load the file (it logged why). */
    MemorySegment load(String path) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            return (MemorySegment) initFromFile.invokeExact(arena.allocateFrom(path));
        }
    }

    boolean multilingual(MemorySegment ctx) throws Throwable {
        return (int) multilingual.invokeExact(ctx) != 0;
    }

    void free(MemorySegment ctx) throws Throwable {
        free.invokeExact(ctx);
    }

    /**
     * Runs whisper_full greedily on {@code threads} threads in {@code language} ("auto" detects it);
     * returns whisper's code (0 = done). Setting {@code abort} stops it at the next step of its graph.
     */
    int full(MemorySegment ctx, float[] samples, int threads, String language, AtomicBoolean abort) throws Throwable {
        MemorySegment p = defaults();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment params = arena.allocate(PARAMS);
            params.copyFrom(p);
            params.set(JAVA_INT, N_THREADS, threads);
            params.set(JAVA_BYTE, PRINT_PROGRESS, (byte) 0);
            params.set(JAVA_BYTE, PRINT_REALTIME, (byte) 0);
            params.set(JAVA_BYTE, PRINT_TIMESTAMPS, (byte) 0);
            params.set(JAVA_BYTE, SUPPRESS_BLANK, (byte) 1);
            params.set(JAVA_BYTE, SUPPRESS_NST, (byte) 1);
            params.set(ADDRESS, LANGUAGE, arena.allocateFrom(language));
            params.set(ADDRESS, ABORT_CALLBACK, LINKER.upcallStub(MethodHandles.insertArguments(ABORT, 0, abort),
                    FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS), arena));
            params.set(ADDRESS, ABORT_USER_DATA, MemorySegment.NULL);
            MemorySegment pcm = arena.allocateFrom(JAVA_FLOAT, samples);
            return (int) full.invokeExact(ctx, params, pcm, samples.length);
        } finally {
            freeParams.invokeExact(p);
        }
    }

    private static boolean aborted(AtomicBoolean flag, MemorySegment data) {
        return flag.get();
    }

    /**
     * Sends whisper.cpp's log lines to {@code sink} for the life of the process, on the thread that
     * logs them. Done here rather than through whisper-jni's logger, whose callback only works while
     * whisper-jni itself is the caller.
     */
    void routeLog(java.util.function.Consumer<String> sink) throws Throwable {
        MemorySegment stub = LINKER.upcallStub(MethodHandles.insertArguments(LOG, 0, sink),
                FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), Arena.global());
        logSet.invokeExact(stub, MemorySegment.NULL);
    }

    private static void logged(java.util.function.Consumer<String> sink, int level, MemorySegment text, MemorySegment data) {
        try {
            sink.accept(text.reinterpret(Integer.MAX_VALUE).getString(0));
        } catch (RuntimeException e) {
            // a log line must never unwind into native code
        }
    }

    int segments(MemorySegment ctx) throws Throwable {
        return (int) nSegments.invokeExact(ctx);
    }

    long t0(MemorySegment ctx, int segment) throws Throwable {
        return (long) t0.invokeExact(ctx, segment);
    }

    long t1(MemorySegment ctx, int segment) throws Throwable {
        return (long) t1.invokeExact(ctx, segment);
    }

    String text(MemorySegment ctx, int segment) throws Throwable {
        return ((MemorySegment) segmentText.invokeExact(ctx, segment)).reinterpret(Integer.MAX_VALUE).getString(0);
    }

    /** Mean probability of the segment's text tokens (special and timestamp tokens, at or past end-of-text, left out); -1 when none. */
    double textTokenProbability(MemorySegment ctx, int segment) throws Throwable {
        int end = (int) eot.invokeExact(ctx);
        double sum = 0;
        int n = 0;
        for (int i = 0, tokens = (int) nTokens.invokeExact(ctx, segment); i < tokens; i++) {
            if ((int) tokenId.invokeExact(ctx, segment, i) < end) {
                sum += (float) tokenP.invokeExact(ctx, segment, i);
                n++;
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    /** The language whisper decoded in (detected, for "auto"), as its ISO code. */
    String language(MemorySegment ctx) throws Throwable {
        int id = (int) langId.invokeExact(ctx);
        return id < 0 ? null : ((MemorySegment) langStr.invokeExact(id)).reinterpret(16).getString(0);
    }
}
