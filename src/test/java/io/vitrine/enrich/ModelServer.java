package io.vitrine.enrich;

import io.vitrine.Models;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server in the Hugging Face layout ({@code /REPO/resolve/main/FILE}) serving files of
 * a folder, honouring single {@code Range: bytes=N-} requests. {@link #truncateNext} makes the next
 * responses stop half way, like a connection dropped by a proxy.
 */
public final class ModelServer implements AutoCloseable {
    public static final Path SHARED_MODELS = Path.of("../shared/models");

    private final HttpServer server;
    private final Path folder;
    private final AtomicInteger truncate = new AtomicInteger();
    public final List<String> ranges = new CopyOnWriteArrayList<>();

    public ModelServer(Path folder) throws IOException {
        this.folder = folder;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Installs a model of ../shared into a data folder the way a deployment does ({@code vitrine models
     * pull} from a server); false, installing nothing, when ../shared does not have it.
     */
    public static boolean installShared(Path dataDir, String model) throws Exception {
        if (!Files.isRegularFile(SHARED_MODELS.resolve(model + ".onnx"))) {
            return false;
        }
        try (ModelServer models = new ModelServer(SHARED_MODELS)) {
            Models.modelStore(io.vitrine.config.ConfigLoader.load(java.util.Map.of("VITRINE_DATA", dataDir.toString(),
                    "VITRINE_MODEL_BASE_URL", models.baseUrl()))).pull(model, (f, d, t) -> { });
        }
        return true;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void truncateNext(int responses) {
        truncate.set(responses);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Path file = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
        if (!Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] all = Files.readAllBytes(file);
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
        ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (all.length - 1) + "/" + all.length);
        boolean cut = truncate.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        // a cut response is chunked and ends early: the client sees a body shorter than the file
        ex.sendResponseHeaders(range == null ? 200 : 206, cut ? 0 : all.length - from);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(all, from, cut ? (all.length - from) / 2 : all.length - from);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
