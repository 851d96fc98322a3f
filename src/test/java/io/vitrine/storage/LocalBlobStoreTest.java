package io.vitrine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.storage.local.LocalBlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() throws IOException {
        return new LocalBlobStore(root);
    }

    @Test
    void staging_over_max_bytes_leaves_nothing_in_the_staging_folder() throws IOException {
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(randomBytes(1_000_000, 9)), 999_999))
                .isInstanceOf(BlobTooLargeException.class);

        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void a_stream_that_breaks_midway_leaves_nothing_in_the_staging_folder() {
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(randomBytes(500_000, 10)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        });

        assertThatThrownBy(() -> store.stage(breaking, NO_LIMIT)).hasMessage("client went away");
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void committed_and_duplicate_commits_leave_the_staging_folder_empty() throws Exception {
        byte[] data = randomBytes(1000, 11);
        commit(data);
        commit(data);

        assertThat(stagingFiles()).isEmpty();
        assertThat(root.resolve(sha256(data).substring(0, 2)).resolve(sha256(data).substring(2, 4)).resolve(sha256(data)))
                .as("content-addressed layout ab/cd/<sha256>").isRegularFile();
    }

    @Test
    void leftovers_of_a_crash_in_the_staging_folder_are_removed_when_the_store_opens() throws IOException {
        String kept = commit(randomBytes(1000, 12));
        StagedBlob abandoned = store.stage(new ByteArrayInputStream(randomBytes(1000, 13)), NO_LIMIT);
        Files.writeString(root.resolve("tmp").resolve("stage-123.part"), "half an upload");

        BlobStore reopened = new LocalBlobStore(root);

        assertThat(Files.exists(abandoned.path())).isFalse();
        assertThat(stagingFiles()).isEmpty();
        assertThat(reopened.exists(kept)).as("committed blobs are untouched").isTrue();
    }

    private java.util.List<Path> stagingFiles() {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
