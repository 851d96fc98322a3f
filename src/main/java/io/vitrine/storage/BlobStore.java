package io.vitrine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed storage for originals and renditions. A blob's key is the lower-case hex
 * SHA-256 of its bytes.
 *
 * <p>Contract: {@link #stage} streams the input to private temporary storage while hashing it,
 * holding at most a small buffer in memory, and fails with {@link BlobTooLargeException} as soon as
 * more than {@code maxBytes} arrive (nothing is left behind). A staged blob is invisible until
 * {@link #commit}, which makes it durable (on disk: fsync, then atomic rename, then fsync of the
 * folder) before returning; committing content that already exists is a no-op. Closing a staged
 * blob that was not committed discards it. {@link #open} and {@link #size} throw
 * {@link java.nio.file.NoSuchFileException} for an unknown key. Thread-safe.
 */
public interface BlobStore {

    StagedBlob stage(InputStream in, long maxBytes) throws IOException;

    void commit(StagedBlob blob) throws IOException;

    boolean exists(String key);

    long size(String key) throws IOException;

    /** The blob's bytes from {@code offset} on. */
    InputStream open(String key, long offset) throws IOException;

    /**
     * A local file with the blob's bytes for native tools (libvips, ffmpeg). Close the handle when
     * done: adapters that copy (S3) delete the copy then.
     */
    LocalFile localFile(String key) throws IOException;

    void delete(String key) throws IOException;

    /** A readable local path; closing it releases any temporary copy. */
    interface LocalFile extends AutoCloseable {
        Path path();

        @Override
        void close() throws IOException;
    }
}
