package io.vitrine.enrich.local;

import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Downloads one file into a {@code .part} file, resuming with an HTTP Range request when a previous
 * attempt left bytes behind. A server that ignores the range (200 instead of 206) gets a fresh start.
 */
final class RangeDownloader {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();

    /** Returns when {@code part} holds {@code expectedBytes} bytes; throws when the transfer broke off. */
    void download(String url, Path part, long expectedBytes, String label, ModelStore.Progress progress) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > expectedBytes) {
            Files.delete(part);
            have = 0;
        }
        if (have == expectedBytes) {
            return;
        }
        HttpResponse<InputStream> response = send(url, have);
        int status = response.statusCode();
        boolean resumed = status == 206;
        if (status != 200 && !resumed) {
            response.body().close();
            throw new ModelException("download of " + url + " failed: HTTP " + status);
        }
        long done = resumed ? have : 0;
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                done += n;
                progress.update(label, done, expectedBytes);
            }
        }
        if (done != expectedBytes) {
            throw new IOException("download of " + url + " stopped at " + done + " of " + expectedBytes
                    + " bytes; run the pull again to resume");
        }
    }

    private HttpResponse<InputStream> send(String url, long from) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).GET();
        if (from > 0) {
            req.header("Range", "bytes=" + from + "-");
        }
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download interrupted", e);
        }
    }
}
