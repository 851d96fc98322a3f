package io.vitrine.rendition.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Our small libvips binding. One instance owns the library lookup and the downcall handles; create it
 * once at start-up with {@link #load()} and pass it to whoever needs it. All methods are thread-safe
 * (libvips is; handles are immutable; every call uses its own confined arena).
 */
public final class Vips {
    static final int SIZE_BOTH = 0;
    static final int SIZE_DOWN = 2;
    static final int FAIL_ON_TRUNCATED = 1;
    static final int INTERPRETATION_CMYK = 15;
    static final int INTERPRETATION_SRGB = 22;

    private static final FunctionDescriptor INT_OF_POINTER = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private final NativeLibrary lib;

    private Vips(NativeLibrary lib) {
        this.lib = lib;
    }

    /**
     * Loads {@code libvips.so.42} and initialises it. libvips state is process-wide, so calling this twice
     * is harmless but pointless.
     */
    public static Vips load() {
        Vips vips = new Vips(new NativeLibrary("libvips.so.42"));
        vips.init();
        return vips;
    }

    private void init() {
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) lib.fixed("vips_init", INT_OF_POINTER).invokeExact(arena.allocateFrom("vitrine"));
            if (rc != 0) {
                throw new IllegalStateException("vips_init failed: " + takeError());
            }
            // The operation cache would key on file names; a server sees each file once, and a reused
            // temp name must never return stale pixels.
            lib.fixed("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
            VipsLog.install(lib);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Worker threads libvips uses per image pipeline (its default is the number of cores). */
    public void concurrency(int threads) {
        try {
            lib.fixed("vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(threads);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Whether this libvips build has an operation, e.g. {@code heifload}, {@code pdfload}, {@code svgload_buffer}. */
    public boolean hasOperation(String nickname) {
        try (Arena arena = Arena.ofConfined()) {
            long type = (long) lib.fixed("vips_type_find", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS))
                    .invokeExact(arena.allocateFrom("VipsOperation"), arena.allocateFrom(nickname));
            return type != 0;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public String version() {
        try {
            MemorySegment s = (MemorySegment) lib.fixed("vips_version_string", FunctionDescriptor.of(ADDRESS)).invokeExact();
            return s.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The loader class libvips would use for this file, by sniffing its content; empty if none. */
    Optional<String> findLoader(Path file) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = (MemorySegment) lib.fixed("vips_foreign_find_load", FunctionDescriptor.of(ADDRESS, ADDRESS))
                    .invokeExact(arena.allocateFrom(file.toString()));
            return loaderName(name);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    Optional<String> findLoaderBuffer(MemorySegment bytes) {
        try {
            MemorySegment name = (MemorySegment) lib.fixed("vips_foreign_find_load_buffer",
                    FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)).invokeExact(bytes, bytes.byteSize());
            return loaderName(name);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private Optional<String> loaderName(MemorySegment name) {
        if (name.equals(MemorySegment.NULL)) {
            takeError(); // "is not a known file format" is expected here, not an error to keep
            return Optional.empty();
        }
        return Optional.of(name.reinterpret(Integer.MAX_VALUE).getString(0));
    }

    /** Opens a file lazily: only the header is read, so width and height are cheap. */
    VipsImage open(Path file) throws VipsException {
        try (Arena arena = Arena.ofConfined()) {
            var handle = lib.variadic("vips_image_new_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS), VipsOption.layouts(List.of()));
            List<Object> args = new ArrayList<>(List.of(arena.allocateFrom(file.toString())));
            args.addAll(VipsOption.arguments(List.of(), arena));
            MemorySegment image = (MemorySegment) handle.invokeWithArguments(args);
            if (image.equals(MemorySegment.NULL)) {
                throw new VipsException(takeError());
            }
            return new VipsImage(this, image);
        } catch (VipsException e) {
            throw e;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    VipsImage thumbnail(Path file, int size, List<VipsOption> options) throws VipsException {
        return callForImage("vips_thumbnail", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), options,
                (arena, out) -> List.of(arena.allocateFrom(file.toString()), out, size));
    }

    VipsImage thumbnailBuffer(MemorySegment bytes, int size, List<VipsOption> options) throws VipsException {
        return callForImage("vips_thumbnail_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT),
                options, (_, out) -> List.of(bytes, bytes.byteSize(), out, size));
    }

    VipsImage thumbnailImage(VipsImage in, int size, List<VipsOption> options) throws VipsException {
        return callForImage("vips_thumbnail_image", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), options,
                (_, out) -> List.of(in.pointer(), out, size));
    }

    VipsImage colourspace(VipsImage in, int interpretation) throws VipsException {
        return callForImage("vips_colourspace", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), List.of(),
                (_, out) -> List.of(in.pointer(), out, interpretation));
    }

    /** Composites the alpha channel onto a solid background, e.g. white before saving as JPEG. */
    VipsImage flatten(VipsImage in, double... background) throws VipsException {
        MemorySegment array = MemorySegment.NULL;
        try (Arena arena = Arena.ofConfined()) {
            array = (MemorySegment) lib.fixed("vips_array_double_new", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT))
                    .invokeExact(arena.allocateFrom(JAVA_DOUBLE, background), background.length);
            return callForImage("vips_flatten", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS),
                    List.of(VipsOption.of("background", array)), (_, out) -> List.of(in.pointer(), out));
        } catch (VipsException e) {
            throw e;
        } catch (Throwable e) {
            throw rethrow(e);
        } finally {
            unrefArea(array);
        }
    }

    /** Renders a lazy pipeline into memory, so several outputs can be derived from one decode. */
    VipsImage copyMemory(VipsImage in) throws VipsException {
        try {
            MemorySegment image = (MemorySegment) lib.fixed("vips_image_copy_memory", FunctionDescriptor.of(ADDRESS, ADDRESS))
                    .invokeExact(in.pointer());
            if (image.equals(MemorySegment.NULL)) {
                throw new VipsException(takeError());
            }
            return new VipsImage(this, image);
        } catch (VipsException e) {
            throw e;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Runs a file saver such as {@code vips_jpegsave}, {@code vips_webpsave} or {@code vips_pngsave}. */
    void save(String saver, VipsImage in, Path file, List<VipsOption> options) throws VipsException {
        try (Arena arena = Arena.ofConfined()) {
            int rc = invoke(saver, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS),
                    List.of(in.pointer(), arena.allocateFrom(file.toString())), options, arena);
            if (rc != 0) {
                throw new VipsException(takeError());
            }
        }
    }

    private VipsImage callForImage(String symbol, FunctionDescriptor fixed, List<VipsOption> options,
                                   BiFunction<Arena, MemorySegment, List<Object>> fixedArgs) throws VipsException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            int rc = invoke(symbol, fixed, fixedArgs.apply(arena, out), options, arena);
            if (rc != 0) {
                throw new VipsException(takeError());
            }
            return new VipsImage(this, out.get(ADDRESS, 0));
        }
    }

    private int invoke(String symbol, FunctionDescriptor fixed, List<Object> fixedArgs, List<VipsOption> options, Arena arena) {
        var handle = lib.variadic(symbol, fixed, VipsOption.layouts(options));
        List<Object> args = new ArrayList<>(fixedArgs);
        args.addAll(VipsOption.arguments(options, arena));
        try {
            return (int) handle.invokeWithArguments(args);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    int intGetter(String symbol, MemorySegment image) {
        try {
            return (int) lib.fixed(symbol, INT_OF_POINTER).invokeExact(image);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    boolean hasField(MemorySegment image, String name) {
        try (Arena arena = Arena.ofConfined()) {
            long type = (long) lib.fixed("vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS))
                    .invokeExact(image, arena.allocateFrom(name));
            return type != 0;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** A second reference to the same image, for code paths that close what they were given. */
    VipsImage ref(VipsImage image) {
        try {
            MemorySegment same = (MemorySegment) lib.fixed("g_object_ref", FunctionDescriptor.of(ADDRESS, ADDRESS))
                    .invokeExact(image.pointer());
            return new VipsImage(this, same);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    void unref(MemorySegment object) {
        try {
            lib.fixed("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS)).invokeExact(object);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private void unrefArea(MemorySegment area) {
        if (!area.equals(MemorySegment.NULL)) {
            try {
                lib.fixed("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS)).invokeExact(area);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }
    }

    /**
     * Reads and clears libvips' error buffer. The buffer is process-wide, so under concurrency a message
     * may include another thread's error; synchronizing keeps read-and-clear atomic among our callers.
     */
    synchronized String takeError() {
        try {
            MemorySegment text = (MemorySegment) lib.fixed("vips_error_buffer", FunctionDescriptor.of(ADDRESS)).invokeExact();
            String message = text.reinterpret(Integer.MAX_VALUE).getString(0).strip();
            lib.fixed("vips_error_clear", FunctionDescriptor.ofVoid()).invokeExact();
            return message.isEmpty() ? "libvips failed without a message" : message;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }
}
