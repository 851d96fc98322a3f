package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live updates in a real browser: what happens through the API while a page is open shows on that
 * page without a reload (a marker set in the page's window survives), keeping the scroll position,
 * and is announced politely. Screenshots go to target/screenshots/.
 */
class WebUiLiveBrowserTest {
    static final String MODEL = "mobilenetv2-12-int8";
    static final Path BALLOONS = Path.of("../shared/corpus/photos/imagingbook/Balloons600.jpg");

    @TempDir
    static Path temp;
    static TestServer server;
    static GovernanceClient gov;
    static Browser browser;
    static WebDriverWait wait;
    static boolean modelInstalled;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        modelInstalled = io.vitrine.enrich.ModelServer.installShared(temp.resolve("data"), MODEL);
        server = new TestServer(temp.resolve("data"), Map.of());
        gov = new GovernanceClient(server);
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        browser.driver.get(server.uri("/").toString());
        find("#token").sendKeys(TestServer.TOKEN);
        find(".login-form button[type=submit]").click();
        find("#q");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void no_console_errors() {
        assertThat(browser.severeConsoleMessages()).as("severe console messages").isEmpty();
    }

    static WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    static Object js(String script) {
        return browser.driver.executeScript(script);
    }

    /** Opens a page, waits for its live stream, and marks the window: a reload would lose the mark. */
    static void openLive(String path) {
        browser.driver.get(server.uri(path).toString());
        find("#main");
        wait.until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'")));
        js("window.__noReload = 'still here'");
        sleepQuietly(500); // the stream opens just after the page's load event
    }

    static void assertNotReloaded() {
        assertThat(js("return window.__noReload")).as("the page was not reloaded").isEqualTo("still here");
    }

    static String upload(String name, byte[] jpeg) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, jpeg, null)).path("id").asText();
    }

    @Test
    void an_asset_uploaded_through_the_api_appears_with_its_thumbnail_in_the_open_library_keeping_the_scroll_position() throws Exception {
        for (int i = 0; i < 36; i++) {
            upload("filler-" + i + ".jpg", jpeg(i));
        }
        awaitQuietPipeline(); // the new asset then goes through at once, not behind the fillers' enrichment
        browser.width(1280, 700);
        openLive("/");
        js("window.scrollTo(0, 500)");
        wait.until(d -> ((Number) js("return window.scrollY")).longValue() >= 400);
        // the first card at least partly in view, and where it sits on screen
        String anchor = (String) js("return [...document.querySelectorAll('#grid li.tile')].find(li => li.getBoundingClientRect().bottom > 0)"
                + ".querySelector('a').dataset.asset");
        double before = ((Number) js("return document.querySelector('#grid a[data-asset=\"" + anchor + "\"]').getBoundingClientRect().top")).doubleValue();

        long total = Long.parseLong(find(".result-count").getAttribute("data-total"));
        String fresh = upload("arrives-live.jpg", jpeg(99));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#grid li:first-child a[data-asset='" + fresh + "'] img[src$='/renditions/thumb']")));
        // asked afresh: a later event (enrichment finishing) may have swapped the card since
        assertThat((String) js("return document.querySelector(\"#grid li:first-child a[data-asset='" + fresh + "'] img\").getAttribute('src')"))
                .endsWith("/assets/" + fresh + "/renditions/thumb");
        double after = ((Number) js("return document.querySelector('#grid a[data-asset=\"" + anchor + "\"]').getBoundingClientRect().top")).doubleValue();
        assertThat(after).as("the cards in view stay where they were").isCloseTo(before, org.assertj.core.data.Offset.offset(2.0));
        wait.until(d -> find("#live-news").getAttribute("textContent").contains("new asset"));
        assertThat(find("#live-news").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(js("return document.activeElement === document.body || document.activeElement === null")).as("focus not moved").isEqualTo(true);
        // the server's count, asked a moment after the event, is the one that writes it
        wait.until(d -> ((total + 1) + " assets in the library").equals(find(".result-count").getText()));
        sleepQuietly(2500); // past the next count refresh: an arrival is counted once, not again
        assertThat(find(".result-count").getText()).isEqualTo((total + 1) + " assets in the library");
        assertNotReloaded();
        js("window.scrollTo(0, 0)");
        browser.screenshot("library shows an asset uploaded elsewhere without a reload");
        browser.width(1280, 900);
    }

    @Test
    void a_tag_decided_through_the_api_shows_its_new_status_on_the_open_asset_page_and_the_review_counts_follow() throws Exception {
        assumeTrue(modelInstalled && Files.isRegularFile(BALLOONS), "tagger model or photo absent");
        String id = upload("balloons.jpg", Files.readAllBytes(BALLOONS));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!server.get("/api/v1/assets/" + id).body().contains("\"concept\":\"balloon\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        openLive("/assets/" + id);
        find("li.chip-draft[data-concept=balloon]");
        assertThat(gov.admin("PATCH", "/api/v1/assets/" + id + "/tags/balloon", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(200);
        find("li.chip-accepted[data-concept=balloon]");
        wait.until(d -> find("#live-news").getAttribute("textContent").contains("AI tags"));
        assertNotReloaded();
        browser.screenshot("asset page shows a tag decision made elsewhere");

        assertThat(gov.admin("DELETE", "/api/v1/assets/" + id, null).statusCode()).isIn(200, 204);
        wait.until(d -> find("#live-news").getAttribute("textContent").contains("deleted or is no longer visible"));
        assertNotReloaded(); // the gone page's re-read logs no failed load (console checked after each test)

        openLive("/review");
        String drafts = find("[data-count=drafts]").getText();
        upload("balloons-again.jpg", Files.readAllBytes(BALLOONS)); // a new asset whose AI drafts wait for review
        wait.until(d -> !find("[data-count=drafts]").getText().equals(drafts));
        assertThat(Integer.parseInt(find("[data-count=drafts]").getText())).isEqualTo(Integer.parseInt(drafts) + 1);
        assertNotReloaded();
        browser.screenshot("review page counts follow new AI drafts");
    }

    @Test
    void a_colleagues_upload_updates_the_open_librarys_facet_counts_and_total_keeping_ticks_and_focus() throws Exception {
        String colleague = gov.user("contributor");
        uploadAs(colleague, "pier-1.jpg", jpeg(201), "{\"keywords\":[\"pier\"]}");
        awaitQuietPipeline();
        browser.width(1280, 900);
        openLive("/?keywords=pier");
        WebElement pier = find("#facets input[name=keywords][value=pier]");
        wait.until(d -> "1".equals(find(".result-count").getAttribute("data-total")));
        assertThat(pier.isSelected()).isTrue();
        js("document.querySelector('#facets input[name=keywords][value=pier]').focus()");

        uploadAs(colleague, "pier-2.jpg", jpeg(202), "{\"keywords\":[\"pier\",\"lighthouse\"]}");
        wait.until(d -> "2 assets found".equals(find(".result-count").getText()));
        String count = "return document.querySelector('#facets input[name=keywords][value=%s]')?.closest('label').querySelector('.count').textContent";
        wait.until(d -> "2".equals(js(String.format(count, "pier"))) && "1".equals(js(String.format(count, "lighthouse"))));
        assertThat(js("return document.querySelector('#facets input[name=keywords][value=pier]').checked")).isEqualTo(true);
        assertThat(js("return document.querySelector('#facets input[name=keywords][value=lighthouse]').checked")).isEqualTo(false);
        assertThat(js("return document.activeElement?.name + '=' + document.activeElement?.value")).as("focus kept").isEqualTo("keywords=pier");
        assertThat(js("return document.querySelector('.facets-wrap').open")).isEqualTo(true);
        assertThat(find(".live-note").getText()).contains("1 new asset uploaded since this search");
        // a burst of events (created, ready, enriched…) asks for the counts at most once per 2 s
        long asked = ((Number) js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/facets?')).length")).longValue();
        double since = ((Number) js("return performance.now()")).doubleValue();
        System.out.printf("facet refreshes: %d in %.1f s%n", asked, since / 1000);
        assertThat(asked).isBetween(1L, (long) (since / 2000) + 1);
        assertNotReloaded();
        browser.screenshot("library facet counts follow a colleague's upload");
    }

    @Test
    void an_asset_put_into_a_collection_elsewhere_appears_on_its_open_page_and_goes_when_taken_out() throws Exception {
        String first = upload("board-1.jpg", jpeg(301));
        String second = upload("board-2.jpg", jpeg(302));
        String collection = server.json(gov.admin("POST", "/api/v1/collections", "{\"name\":\"Spring board\"}")).path("id").asText();
        String assets = "/api/v1/collections/" + collection + "/assets";
        assertThat(gov.admin("POST", assets, "{\"assetIds\":[\"" + first + "\"]}").statusCode()).isIn(200, 201, 204);
        openLive("/collections/" + collection);
        find("#grid a[data-asset='" + first + "']");

        assertThat(gov.admin("POST", assets, "{\"assetIds\":[\"" + second + "\"]}").statusCode()).isIn(200, 201, 204);
        find("#grid li:nth-child(2) a[data-asset='" + second + "']");
        wait.until(d -> find("#live-news").getAttribute("textContent").contains("added to this collection"));
        assertThat(gov.admin("DELETE", assets + "/" + first, null).statusCode()).isIn(200, 204);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#grid a[data-asset='" + first + "']")));
        assertThat(js("return [...document.querySelectorAll('#grid a[data-asset]')].map(a => a.dataset.asset).join()")).isEqualTo(second);
        assertNotReloaded();
        browser.screenshot("collection page follows what is added and removed elsewhere");

        assertThat(gov.admin("DELETE", "/api/v1/collections/" + collection, null).statusCode()).isIn(200, 204);
        wait.until(d -> find("#live-news").getAttribute("textContent").contains("deleted or is no longer shared"));
        assertNotReloaded(); // and no console error for the gone page (checked after each test)
    }

    static String uploadAs(String token, String name, byte[] jpeg, String metadata) throws Exception {
        TestServer.Multipart body = new TestServer.Multipart().file("file", name, jpeg).field("metadata", metadata);
        java.net.http.HttpResponse<String> r = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/assets?onDuplicate=allow"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 202);
        return server.json(r).path("id").asText();
    }

    static void awaitQuietPipeline() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (server.vitrine().jobs().due(java.time.Instant.now()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    static byte[] jpeg(int seed) throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.drawString("live " + seed, 20, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
