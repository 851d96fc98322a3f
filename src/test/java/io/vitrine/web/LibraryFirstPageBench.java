package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.vitrine.TestServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the library's first page of 100 thumbnails takes to become usable in a real browser on
 * loopback (the grid rendered and every thumbnail in view decoded), against a reference: the very
 * same HTML and thumbnail files served as static files by the JDK's file server. The ratio is
 * Vitrine's cost of searching, checking the session and serving blobs. A benchmark, not a test:
 * run it with {@code scripts/bench-ui}; results go to target/bench/library-first-page.txt.
 */
@Tag("bench")
class LibraryFirstPageBench {
    private static final int ASSETS = 100;
    private static final int ROUNDS = 7;
    private static final Pattern THUMB = Pattern.compile("src=\"(/api/v1/assets/[^\"]+|/assets/[^\"]+)\"");

    @TempDir
    Path temp;

    @Test
    void first_page_of_100_thumbnails_is_measured_against_static_files() throws Exception {
        try (Browser browser = Browser.start(); TestServer server = new TestServer(temp.resolve("data"), Map.of())) {
            for (int i = 0; i < ASSETS; i++) {
                String id = server.json(server.upload("?onDuplicate=allow", "photo-" + i + ".jpg",
                        WebUiBrowserTest.image(1200, 800, i, "jpg"), null)).path("id").asText();
                server.awaitSettled(id);
            }
            browser.driver.get(server.uri("/login").toString());
            browser.driver.findElement(org.openqa.selenium.By.id("token")).sendKeys(TestServer.TOKEN, org.openqa.selenium.Keys.ENTER);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                    .until(d -> !d.findElements(org.openqa.selenium.By.id("q")).isEmpty());
            Path site = staticCopy(server, browser);
            HttpServer files = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), site, SimpleFileServer.OutputLevel.NONE);
            files.start();
            try {
                browser.driver.executeCdpCommand("Network.enable", Map.of());
                browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                List<Double> vitrine = new ArrayList<>();
                List<Double> reference = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    vitrine.add(usableAfter(browser, server.uri("/").toString()));
                    reference.add(usableAfter(browser, "http://127.0.0.1:" + files.getAddress().getPort() + "/index.html"));
                }
                report(median(vitrine), median(reference));
            } finally {
                files.stop(0);
            }
        }
    }

    /** Milliseconds from navigation start until 100 tiles exist and every thumbnail in view has decoded. */
    private static double usableAfter(Browser browser, String url) {
        browser.driver.get(url);
        Object ms = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const check = () => {
                  const imgs = Array.from(document.querySelectorAll('#grid .tile img'));
                  const inView = imgs.filter((i) => i.getBoundingClientRect().top < innerHeight);
                  if (imgs.length >= 100 && inView.length && inView.every((i) => i.complete && i.naturalWidth > 0)) done(performance.now());
                  else requestAnimationFrame(check);
                };
                check();""");
        return ((Number) ms).doubleValue();
    }

    /** The library page as the browser got it, with its thumbnails and UI files saved beside it. */
    private static Path staticCopy(TestServer server, Browser browser) throws Exception {
        String cookie = Guard.COOKIE + "=" + browser.driver.manage().getCookieNamed(Guard.COOKIE).getValue();
        String html = server.send(HttpRequest.newBuilder(server.uri("/")).header("Cookie", cookie).build()).body();
        Path site = Files.createDirectories(Files.createTempDirectory("vitrine-static-").resolve("site"));
        Matcher m = THUMB.matcher(html);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            String name = "t" + (n++) + ".jpg";
            byte[] bytes = server.sendBytes(HttpRequest.newBuilder(server.uri(m.group(1).replace("&amp;", "&"))).header("Cookie", cookie).build()).body();
            Files.write(site.resolve(name), bytes);
            m.appendReplacement(out, "src=\"" + name + "\"");
        }
        m.appendTail(out);
        assertThat(n).as("thumbnails on the first page").isEqualTo(ASSETS);
        for (String ui : List.of("app.css", "app.js", "upload.js", "htmx.min.js", "favicon.svg")) {
            Files.createDirectories(site.resolve("ui"));
            Files.write(site.resolve("ui").resolve(ui), server.sendBytes(HttpRequest.newBuilder(server.uri("/ui/" + ui)).build()).body());
        }
        Files.writeString(site.resolve("index.html"), out.toString().replace("\"/ui/", "\"ui/"));
        return site;
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void report(double vitrine, double reference) throws Exception {
        String line = String.format(java.util.Locale.ROOT,
                "library first page (100 thumbnails, loopback, cache off, median of %d): vitrine %.0f ms, static files %.0f ms, ratio %.2f×%n",
                ROUNDS, vitrine, reference, vitrine / reference);
        System.out.print(line);
        Path out = Files.createDirectories(Path.of("target/bench")).resolve("library-first-page.txt");
        Files.writeString(out, line);
    }
}
