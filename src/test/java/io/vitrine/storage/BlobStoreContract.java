package io.vitrine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link BlobStore} contract; each adapter's test extends it with a fresh, empty store. */
public abstract class BlobStoreContract {
    protected static final long NO_LIMIT = Long.MAX_VALUE;

    protected BlobStore store;

    protected abstract BlobStore newStore() throws IOException;

    @BeforeEach
    void setUpStore() throws IOException {
        store = newStore();
    }

    @Test
    void staging_hashes_the_bytes_like_message_digest_and_counts_them() throws IOException {
        byte[] data = randomBytes(1_000_003, 1);

        try (StagedBlob staged = store.stage(new ByteArrayInputStream(data), NO_LIMIT)) {
            assertThat(staged.sha256()).isEqualTo(sha256(data));
            assertThat(staged.bytes()).isEqualTo(data.length);
            assertThat(Files.readAllBytes(staged.path())).as("staged bytes are readable before commit").isEqualTo(data);
        }
    }

    @Test
    void staging_an_empty_stream_gives_the_hash_of_nothing() throws IOException {
        try (StagedBlob staged = store.stage(InputStream.nullInputStream(), NO_LIMIT)) {
            assertThat(staged.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            assertThat(staged.bytes()).isZero();
        }
    }

    @Test
    void staging_exactly_max_bytes_is_allowed_and_one_more_byte_is_too_large() throws IOException {
        byte[] data = randomBytes(4096, 2);
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(data), 4096)) {
            assertThat(staged.bytes()).isEqualTo(4096);
        }

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(data), 4095))
                .isInstanceOfSatisfying(BlobTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(4095));
    }

    @Test
    void a_staged_blob_is_invisible_until_committed_and_readable_after() throws IOException {
        byte[] data = "hello, vitrine".getBytes(StandardCharsets.UTF_8);
        String key = sha256(data);

        try (StagedBlob staged = store.stage(new ByteArrayInputStream(data), NO_LIMIT)) {
            assertThat(store.exists(key)).isFalse();
            store.commit(staged);
            assertThat(staged.committed()).isTrue();
        }

        assertThat(store.exists(key)).as("closing after commit keeps the blob").isTrue();
        assertThat(store.size(key)).isEqualTo(data.length);
        assertThat(readAll(key, 0)).isEqualTo(data);
        try (BlobStore.LocalFile local = store.localFile(key)) {
            assertThat(Files.readAllBytes(local.path())).isEqualTo(data);
        }
    }

    @Test
    void committing_content_that_already_exists_is_a_no_op_that_discards_the_staged_copy() throws IOException {
        byte[] data = randomBytes(10_000, 3);
        String key = sha256(data);
        try (StagedBlob first = store.stage(new ByteArrayInputStream(data), NO_LIMIT)) {
            store.commit(first);
        }

        try (StagedBlob second = store.stage(new ByteArrayInputStream(data), NO_LIMIT)) {
            store.commit(second);
            assertThat(second.committed()).isTrue();
            assertThat(Files.exists(second.path())).as("temp of the duplicate is deleted").isFalse();
        }
        assertThat(readAll(key, 0)).isEqualTo(data);
    }

    @Test
    void closing_an_uncommitted_staged_blob_discards_it() throws IOException {
        byte[] data = randomBytes(5_000, 4);
        StagedBlob staged = store.stage(new ByteArrayInputStream(data), NO_LIMIT);

        staged.close();

        assertThat(Files.exists(staged.path())).isFalse();
        assertThat(store.exists(sha256(data))).isFalse();
    }

    @Test
    void open_reads_from_the_given_offset() throws IOException {
        byte[] data = randomBytes(300_000, 5);
        String key = commit(data);

        assertThat(readAll(key, 0)).isEqualTo(data);
        assertThat(readAll(key, 123_456)).isEqualTo(java.util.Arrays.copyOfRange(data, 123_456, data.length));
        assertThat(readAll(key, data.length)).isEmpty();
    }

    @Test
    void an_unknown_key_is_no_such_file() {
        String unknown = sha256("never stored".getBytes(StandardCharsets.UTF_8));

        assertThat(store.exists(unknown)).isFalse();
        assertThatThrownBy(() -> store.open(unknown, 0)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.size(unknown)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.localFile(unknown)).isInstanceOf(NoSuchFileException.class);
    }

    static Stream<String> invalidKeys() {
        return Stream.of("../../etc/passwd", "", "abc", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", // 63
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/../x",
                "../e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8");
    }

    @ParameterizedTest
    @MethodSource("invalidKeys")
    void an_invalid_key_is_an_illegal_argument_everywhere(String key) {
        assertThatThrownBy(() -> store.open(key, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.size(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.localFile(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delete_removes_a_blob_and_ignores_unknown_keys() throws IOException {
        String key = commit(randomBytes(100, 6));

        store.delete(key);
        store.delete(key);

        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void concurrent_commits_of_the_same_content_are_safe() throws Exception {
        byte[] data = randomBytes(2_000_000, 7);
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers, Thread.ofPlatform().name("committer-", 1).factory());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    try (StagedBlob staged = store.stage(new ByteArrayInputStream(data), NO_LIMIT)) {
                        go.await();
                        store.commit(staged);
                        return staged.sha256();
                    }
                }));
            }
            go.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(sha256(data));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(readAll(sha256(data), 0)).isEqualTo(data);
    }

    @Test
    void staging_a_64_mib_stream_streams_it_instead_of_holding_it_in_memory() throws IOException {
        long size = 64L << 20;
        byte[] block = randomBytes(64 * 1024, 8);
        MessageDigest expected = digest();
        for (long i = 0; i < size / block.length; i++) {
            expected.update(block);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        try (StagedBlob staged = store.stage(new RepeatingStream(block, size), NO_LIMIT)) {
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(staged.bytes()).isEqualTo(size);
            assertThat(staged.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
            assertThat(allocated).as("bytes allocated while staging %d bytes", size).isLessThan(size / 4);
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    protected String commit(byte[] data) throws IOException {
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(data), NO_LIMIT)) {
            store.commit(staged);
            return staged.sha256();
        }
    }

    protected byte[] readAll(String key, long offset) throws IOException {
        try (InputStream in = store.open(key, offset)) {
            return in.readAllBytes();
        }
    }

    protected static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    protected static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} bytes made of {@code block} repeated, generated on demand and never held whole. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] block;
        private final long size;
        private long position;

        RepeatingStream(byte[] block, long size) {
            this.block = block;
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? block[(int) (position++ % block.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int offsetInBlock = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - offsetInBlock), size - position);
            System.arraycopy(block, offsetInBlock, b, off, n);
            position += n;
            return n;
        }
    }
}
