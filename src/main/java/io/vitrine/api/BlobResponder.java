package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a blob with validators and byte ranges: the ETag is the content hash, so it is exact and
 * free; a single {@code Range} is honoured (206), an unsatisfiable one gets 416, several ranges get
 * the whole file (allowed by RFC 9110). Public because the web UI sends the same files to signed-in
 * browsers (a {@code <video>} element needs ranges too).
 */
public final class BlobResponder {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final BlobStore blobs;

    public BlobResponder(BlobStore blobs) {
        this.blobs = blobs;
    }

    public record Delivery(String key, String mediaType, String filename, boolean attachment) {}

    public void send(Context ctx, Delivery d) throws IOException {
        long size = blobs.size(d.key());
        String etag = "\"" + d.key() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", disposition(d));
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        long[] range = range(ctx, etag, size);
        if (range == null) {
            ctx.status(416).header("Content-Range", "bytes */" + size);
            return;
        }
        boolean partial = range[0] != 0 || range[1] != size - 1;
        ctx.status(partial ? 206 : 200).contentType(d.mediaType());
        if (partial) {
            ctx.header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        long length = range[1] - range[0] + 1;
        ctx.res().setContentLengthLong(length);
        try (InputStream in = blobs.open(d.key(), range[0]); OutputStream out = ctx.res().getOutputStream()) {
            copy(in, out, length);
        }
    }

    /** {start, end} inclusive; the whole file when no usable Range applies; null when unsatisfiable. */
    private static long[] range(Context ctx, String etag, long size) {
        String header = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        if (header == null || header.contains(",") || (ifRange != null && !ifRange.equals(etag)) || size == 0) {
            return new long[] {0, Math.max(0, size - 1)};
        }
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || tooLong(m)) {
            return new long[] {0, size - 1};
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        return start >= size || end < start ? null : new long[] {start, end};
    }

    private static boolean tooLong(Matcher m) {
        return m.group(1).length() > 18 || m.group(2).length() > 18;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static String disposition(Delivery d) {
        String ascii = d.filename().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(d.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return (d.attachment() ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
