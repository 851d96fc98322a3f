package io.vitrine.rendition.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes libvips' GLib log messages (per-file decoder warnings such as "unknown EXIF resolution unit")
 * to slf4j at debug level, instead of GLib's default handler writing them to the process's stderr.
 */
final class VipsLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.vitrine.rendition.vips.libvips");
    private static final int WARNING_AND_BELOW = (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7); // WARNING MESSAGE INFO DEBUG

    private VipsLog() {}

    static void install(NativeLibrary lib) throws Throwable {
        var target = MethodHandles.lookup().findStatic(VipsLog.class, "onLog",
                MethodType.methodType(void.class, MemorySegment.class, int.class, MemorySegment.class, MemorySegment.class));
        FunctionDescriptor glogFunc = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        MemorySegment stub = lib.upcall(target, glogFunc);
        try (Arena arena = Arena.ofConfined()) {
            int _ = (int) lib.fixed("g_log_set_handler", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS))
                    .invokeExact(arena.allocateFrom("VIPS"), WARNING_AND_BELOW, stub, MemorySegment.NULL);
        }
    }

    /** Called from libvips threads; it must never throw, an exception here would abort the JVM. */
    private static void onLog(MemorySegment domain, int level, MemorySegment message, MemorySegment userData) {
        try {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}", message.reinterpret(Integer.MAX_VALUE).getString(0));
            }
        } catch (Throwable ignored) {
            // Losing a log line is better than crashing the process.
        }
    }
}
