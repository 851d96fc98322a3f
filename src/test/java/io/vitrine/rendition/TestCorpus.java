package io.vitrine.rendition;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Shared test media, relative to the worktree; tests skip when it is absent. */
public final class TestCorpus {
    private static final Path ROOT = Path.of("../shared/corpus");

    private TestCorpus() {}

    public static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "test corpus file missing: " + file);
        return file;
    }

    public static Path dir(String relative) {
        Path dir = ROOT.resolve(relative);
        assumeTrue(Files.isDirectory(dir), "test corpus folder missing: " + dir);
        return dir;
    }
}
