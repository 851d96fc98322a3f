package io.vitrine.rendition.ffmpeg;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.rendition.RenditionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores shared by the ffmpeg renderers: atomic publish of {@code .part} files and clean-up on failure. */
final class OutputFiles {
    private OutputFiles() {}

    static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Moves a completed {@code .part} file into place, so a reported file is always whole. */
    static Path publish(Path target) throws RenditionException {
        Path part = part(target);
        try {
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                throw new RenditionException("ffmpeg produced no output for " + target.getFileName());
            }
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RenditionException("cannot write " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static void delete(Path file) {
        try (Stream<Path> tree = Files.exists(file) ? Files.walk(file) : Stream.empty()) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the caller owns outDir and deletes it anyway.
        }
    }

    static void deleteAll(List<RenderedFile> files) {
        files.forEach(f -> delete(f.file()));
    }
}
