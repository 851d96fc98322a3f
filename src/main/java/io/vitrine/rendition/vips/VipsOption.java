package io.vitrine.rendition.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code "name", value} pair of a libvips optional-argument list. Values follow C variadic promotion:
 * ints, enums and gbooleans travel as {@code int}, doubles as {@code double}, strings and objects as pointers.
 */
record VipsOption(String name, Object value) {

    static VipsOption of(String name, int value) {
        return new VipsOption(name, value);
    }

    static VipsOption of(String name, boolean value) {
        return new VipsOption(name, value ? 1 : 0);
    }

    static VipsOption of(String name, String value) {
        return new VipsOption(name, value);
    }

    static VipsOption of(String name, MemorySegment pointer) {
        return new VipsOption(name, pointer);
    }

    /** Layouts of the variadic tail, including the terminating NULL. */
    static List<MemoryLayout> layouts(List<VipsOption> options) {
        List<MemoryLayout> layouts = new ArrayList<>();
        for (VipsOption option : options) {
            layouts.add(ADDRESS);
            layouts.add(switch (option.value) {
                case Integer _ -> JAVA_INT;
                case Double _ -> JAVA_DOUBLE;
                case String _, MemorySegment _ -> ADDRESS;
                default -> throw new IllegalArgumentException("unsupported option value " + option);
            });
        }
        layouts.add(ADDRESS);
        return layouts;
    }

    /** Arguments of the variadic tail, strings copied into {@code arena}, terminated by NULL. */
    static List<Object> arguments(List<VipsOption> options, Arena arena) {
        List<Object> args = new ArrayList<>();
        for (VipsOption option : options) {
            args.add(arena.allocateFrom(option.name));
            args.add(option.value instanceof String s ? arena.allocateFrom(s) : option.value);
        }
        args.add(MemorySegment.NULL);
        return args;
    }
}
