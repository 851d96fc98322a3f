package io.vitrine.rendition.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Symbol lookup and downcall handles for one shared library. Variadic C functions need one handle per
 * argument shape, so handles are cached by symbol and descriptor; the cache makes repeated calls cheap
 * and is safe to share between threads (method handles are immutable).
 */
final class NativeLibrary {
    private final Linker linker = Linker.nativeLinker();
    private final SymbolLookup lookup;
    private final ConcurrentMap<String, MethodHandle> handles = new ConcurrentHashMap<>();

    NativeLibrary(String soname) {
        // Global arena: the library stays loaded for the life of the process, as libvips expects.
        this.lookup = SymbolLookup.libraryLookup(soname, Arena.global());
    }

    boolean has(String symbol) {
        return lookup.find(symbol).isPresent();
    }

    MethodHandle fixed(String symbol, FunctionDescriptor descriptor) {
        return handles.computeIfAbsent(symbol + descriptor, _ -> linker.downcallHandle(address(symbol), descriptor));
    }

    /** A handle for {@code symbol(fixed..., variadic...)}; the variadic part's layouts are part of the key. */
    MethodHandle variadic(String symbol, FunctionDescriptor fixed, List<MemoryLayout> variadic) {
        List<MemoryLayout> all = new ArrayList<>(fixed.argumentLayouts());
        all.addAll(variadic);
        FunctionDescriptor full = fixed.returnLayout()
                .map(r -> FunctionDescriptor.of(r, all.toArray(MemoryLayout[]::new)))
                .orElseGet(() -> FunctionDescriptor.ofVoid(all.toArray(MemoryLayout[]::new)));
        int firstVariadic = fixed.argumentLayouts().size();
        return handles.computeIfAbsent(symbol + full + "@" + firstVariadic, _ -> linker.downcallHandle(
                address(symbol), full, Linker.Option.firstVariadicArg(firstVariadic)));
    }

    /** A C function pointer that calls {@code target}; it lives as long as the library (global arena). */
    MemorySegment upcall(MethodHandle target, FunctionDescriptor descriptor) {
        return linker.upcallStub(target, descriptor, Arena.global());
    }

    private MemorySegment address(String symbol) {
        return lookup.find(symbol).orElseThrow(() -> new UnsatisfiedLinkError("symbol not found: " + symbol));
    }
}
