package io.vitrine.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes received and hashed but not yet stored. {@link #path()} may be read (content detection,
 * inspection) until the blob is committed or closed.
 */
public final class StagedBlob implements AutoCloseable {
    private final Path path;
    private final String sha256;
    private final long bytes;
    private boolean settled;

    public StagedBlob(Path path, String sha256, long bytes) {
        this.path = path;
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    public Path path() {
        return path;
    }

    public String sha256() {
        return sha256;
    }

    public long bytes() {
        return bytes;
    }

    /** Called by the store once the temporary file has become (or been replaced by) the blob. */
    public void markCommitted() {
        settled = true;
    }

    public boolean committed() {
        return settled;
    }

    @Override
    public void close() throws IOException {
        if (!settled) {
            settled = true;
            Files.deleteIfExists(path);
        }
    }
}
