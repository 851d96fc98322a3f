package io.vitrine.storage.local;

import io.vitrine.storage.BlobStore;
import io.vitrine.storage.BlobTooLargeException;
import io.vitrine.storage.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code root/ab/cd/<sha256>}; staging under {@code root/tmp} on the same file
 * system so the final rename is atomic.
 */
public final class LocalBlobStore implements BlobStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final Path tmp;

    public LocalBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.tmp = this.root.resolve("tmp");
        Files.createDirectories(tmp);
        discardLeftovers();
    }

    /** Staging files left by a crash were never acknowledged to anyone: drop them. */
    private void discardLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(tmp, "stage-", ".part");
        try {
            MessageDigest digest = sha256();
            long total = copyLimited(in, new DigestOutputStream(Files.newOutputStream(temp), digest), maxBytes);
            return new StagedBlob(temp, HexFormat.of().formatHex(digest.digest()), total);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        long total = 0;
        try (out) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    @Override
    public void commit(StagedBlob blob) throws IOException {
        Path target = pathOf(blob.sha256());
        if (Files.exists(target)) {
            blob.close();
            blob.markCommitted();
            return;
        }
        try (FileChannel ch = FileChannel.open(blob.path(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path shard = target.getParent();
        boolean newShard = !Files.isDirectory(shard);
        Files.createDirectories(shard);
        try {
            Files.move(blob.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(blob.path());
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob folder " + root + " does not support atomic rename", e);
        }
        fsyncDirectory(shard);
        if (newShard) {
            // New ab/ and ab/cd/ folders are themselves entries in their parents: without these, a
            // crash could lose the folder and with it a blob already acknowledged as durable.
            fsyncDirectory(shard.getParent());
            fsyncDirectory(root);
        }
        blob.markCommitted();
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(existing(key));
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        FileChannel ch = FileChannel.open(existing(key), StandardOpenOption.READ);
        ch.position(offset);
        return java.nio.channels.Channels.newInputStream(ch);
    }

    @Override
    public LocalFile localFile(String key) throws IOException {
        Path p = existing(key);
        return new LocalFile() {
            @Override
            public Path path() {
                return p;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    private Path existing(String key) throws NoSuchFileException {
        Path p = pathOf(key);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException("no blob " + key);
        }
        return p;
    }

    private Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
