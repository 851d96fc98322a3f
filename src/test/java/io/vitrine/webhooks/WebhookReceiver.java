package io.vitrine.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on loopback that records what it receives and answers as told: queued
 * statuses first, then the default; it can hold requests until {@link #release()} (a slow receiver).
 */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> next = new ConcurrentLinkedQueue<>();
    private volatile int status = 200;
    private volatile String location;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            gate.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        received.add(new Received(Map.copyOf(x.getRequestHeaders()), body));
        Integer code = next.poll();
        int answer = code != null ? code : status;
        if (location != null) {
            x.getResponseHeaders().add("Location", location);
        }
        x.sendResponseHeaders(answer, -1);
        x.close();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public WebhookReceiver answer(int status) {
        this.status = status;
        return this;
    }

    public WebhookReceiver thenAnswer(int... statuses) {
        for (int s : statuses) {
            next.add(s);
        }
        return this;
    }

    public WebhookReceiver redirectTo(String url) {
        this.location = url;
        return this;
    }

    /** Requests wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until a request matching {@code p} has arrived; returns it. */
    public Received await(Predicate<Received> p, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            for (Received r : received) {
                if (p.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching webhook request within " + within + "; received: " + received);
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
    }
}
