package io.vitrine.cli;

import io.vitrine.storage.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads a generated file of N bytes to a server started as a child process with a small heap,
 * sampling the server's resident memory: the peak must stay flat (streaming), whatever N is.
 */
final class UploadMemoryBench {
    private final PrintWriter out;

    UploadMemoryBench(PrintWriter out) {
        this.out = out;
    }

    void run(long bytes, String heap) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("vitrine-bench-upload");
        int port = freePort();
        String token = "bench-" + System.nanoTime();
        Process server = start(data, port, token, heap);
        try {
            waitUntilReady(port);
            long baseline = rssKiB(server.pid());
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = Thread.ofPlatform().name("vitrine-bench-rss").daemon(true).start(() -> sample(server.pid(), peak));
            long started = System.nanoTime();
            HttpResponse<String> r = upload(port, token, bytes);
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            out.printf("upload of %,d bytes with -Xmx%s: HTTP %d in %.1f s (%.0f MiB/s)%n", bytes, heap, r.statusCode(), seconds, bytes / 1048576.0 / seconds);
            out.printf("server RSS: %,d KiB before, %,d KiB peak during upload; peak/before = %.2f×%n", baseline, peak.get(), peak.get() / (double) baseline);
        } finally {
            server.destroy();
            server.waitFor();
            FileTrees.delete(data);
        }
    }

    private static Process start(Path data, int port, String token, String heap) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar;
        try {
            jar = Path.of(UploadMemoryBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate the Vitrine jar", e);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx" + heap, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path", jar), "io.vitrine.cli.Main", "serve"));
        pb.environment().put("VITRINE_DATA", data.toString());
        pb.environment().put("VITRINE_PORT", Integer.toString(port));
        pb.environment().put("VITRINE_ADMIN_TOKEN", token);
        pb.environment().put("VITRINE_WORKERS", "0");
        pb.environment().put("VITRINE_LOG_LEVEL", "WARN");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static HttpResponse<String> upload(int port, String token, long bytes) throws IOException, InterruptedException {
        String boundary = "vitrinebench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(new java.io.ByteArrayInputStream(head),
                                new SequenceInputStream(new PatternStream(bytes), new java.io.ByteArrayInputStream(tail)))),
                        head.length + bytes + tail.length))
                .timeout(Duration.ofMinutes(30)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void sample(long pid, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(rssKiB(pid), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void waitUntilReady(int port) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the benchmark server did not become ready within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }


    /** Deterministic non-repeating-looking bytes without allocating the whole payload. */
    private static final class PatternStream extends InputStream {
        private long left;
        private long x = 0x9E3779B97F4A7C15L;

        PatternStream(long bytes) {
            this.left = bytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                b[off + i] = (byte) x;
            }
            left -= n;
            return n;
        }
    }
}
