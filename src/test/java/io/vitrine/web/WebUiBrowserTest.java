package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI in a real browser, in the order a person uses it. Screenshots go to target/screenshots/. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {
    @TempDir
    static Path temp;
    static TestServer server;
    static Browser browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        modelInstalled = io.vitrine.enrich.ModelServer.installShared(temp.resolve("data"), "mobilenetv2-12-int8");
        server = new TestServer(temp.resolve("data"), Map.of());
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
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

    static boolean modelInstalled;

    private static String url(String path) {
        return server.uri(path).toString();
    }

    private static WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void assertNoSevereConsoleErrors() {
        assertThat(browser.severeConsoleMessages()).as("severe console messages").isEmpty();
    }

    private static void signIn(String token) {
        browser.driver.get(url("/"));
        find("#token").sendKeys(token);
        find(".login-form button[type=submit]").click();
    }

    @Test
    @Order(1)
    void a_wrong_token_is_refused_and_no_session_cookie_is_set() throws Exception {
        browser.driver.get(url("/"));
        browser.screenshot("login page asks for an access token");
        signIn("not-the-token");
        assertThat(find("#login-error").getText()).contains("not accepted");
        assertThat(browser.driver.manage().getCookieNamed(Guard.COOKIE)).isNull();
        browser.severeConsoleMessages(); // the refused sign-in answers 401, which chromium reports by design
    }

    @Test
    @Order(2)
    void pages_without_a_session_send_the_browser_to_the_login_page() {
        browser.driver.get(url("/upload"));
        find("#token");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        browser.driver.get(url("/assets/anything"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(3)
    void the_right_token_signs_in_with_an_http_only_same_site_cookie_that_is_not_the_token() {
        signIn(TestServer.TOKEN);
        find("#q");
        Cookie c = browser.driver.manage().getCookieNamed(Guard.COOKIE);
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getSameSite()).isEqualTo("Lax");
        assertThat(c.getValue()).doesNotContain(TestServer.TOKEN);
        assertThat(find(".empty h2").getText()).isEqualTo("Your library is empty");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(4)
    void uploading_files_shows_new_duplicate_and_failed_per_file() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("upload"));
        Path harbour = write(dir.resolve("harbour.jpg"), image(640, 480, 1, "jpg"));
        Path meadow = write(dir.resolve("meadow.png"), image(400, 300, 2, "png"));
        Path empty = write(dir.resolve("empty.jpg"), new byte[0]);
        browser.driver.get(url("/upload"));
        pick(harbour, meadow, empty);
        awaitResults(3);
        pick(harbour);
        awaitResults(4);
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#upload-list li"));
        assertThat(items).extracting(li -> li.getAttribute("data-outcome")).containsExactly("new", "new", "failed", "duplicate");
        assertThat(items.get(2).getText()).contains("Failed: the file is empty");
        assertThat(items.get(3).findElement(By.tagName("a")).getAttribute("href")).contains("/assets/");
        browser.screenshot("upload page shows a result for each file");
        for (var asset : server.json(server.get("/api/v1/assets")).path("items")) {
            server.awaitSettled(asset.path("id").asText());
        }
        assertNoSevereConsoleErrors();
    }

    private static void pick(Path... files) {
        WebElement input = browser.driver.findElement(By.id("pick-files"));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
    }

    private static void awaitResults(int n) {
        wait.until(d -> d.findElements(By.cssSelector("#upload-list li[data-outcome]")).size() == n);
    }

    @Test
    @Order(5)
    void searching_narrows_the_grid_to_matching_assets() throws Exception {
        browser.driver.get(url("/"));
        wait.until(d -> d.findElements(By.cssSelector("#grid .tile")).size() == 2);
        browser.screenshot("library at 1280 px shows thumbnails and filters");
        WebElement q = find("#q");
        q.sendKeys("harbour");
        q.submit();
        wait.until(d -> d.findElements(By.cssSelector("#grid .tile")).size() == 1);
        assertThat(find("#grid .tile .name").getText()).isEqualTo("harbour.jpg");
        assertThat(find(".result-count").getText()).isEqualTo("1 asset found");
        assertThat(browser.driver.getCurrentUrl()).contains("q=harbour");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(6)
    void a_facet_filter_narrows_the_grid_and_shows_counts() {
        browser.driver.get(url("/"));
        WebElement png = find("input[name=mediaType][value='image/png']");
        assertThat(png.findElement(By.xpath("..")).getText()).contains("1");
        png.click();
        wait.until(d -> d.findElements(By.cssSelector("#grid .tile")).size() == 1);
        assertThat(find("#grid .tile .name").getText()).isEqualTo("meadow.png");
        assertThat(find("input[name=mediaType][value='image/png']").isSelected()).isTrue();
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(7)
    void editing_the_title_saves_it_with_source_human() throws Exception {
        String id = openAsset("harbour.jpg");
        browser.screenshot("asset detail shows preview metadata and renditions");
        WebElement title = find("#f-title");
        title.clear();
        title.sendKeys("Harbour at dawn");
        find("#descriptive button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#descriptive .saved"), "Saved."));
        assertThat(find("label[for=f-title] .source").getAttribute("textContent").strip()).isEqualTo("human");
        var asset = server.json(server.get("/api/v1/assets/" + id));
        assertThat(asset.path("metadata").path("title").asText()).isEqualTo("Harbour at dawn");
        assertThat(asset.path("metadata").path("sources").path("title").asText()).isEqualTo("human");
        assertNoSevereConsoleErrors();
    }

    private static String openAsset(String name) {
        browser.driver.get(url("/?q=" + name.replace(".", "+")));
        find("#grid .tile a").click();
        find("#f-title");
        String current = browser.driver.getCurrentUrl();
        return current.substring(current.lastIndexOf('/') + 1);
    }

    @Test
    @Order(8)
    void accepting_and_rejecting_an_ai_tag_takes_one_click_each() throws Exception {
        Path balloons = Path.of("../shared/corpus/photos/imagingbook/Balloons600.jpg");
        org.junit.jupiter.api.Assumptions.assumeTrue(modelInstalled && Files.isRegularFile(balloons), "tagger model or photo absent");
        String id = server.json(server.upload("?onDuplicate=allow", "balloons.jpg", Files.readAllBytes(balloons), null)).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!server.get("/api/v1/assets/" + id).body().contains("\"concept\":\"balloon\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        browser.driver.get(url("/assets/" + id));
        find("li.chip-draft[data-concept=balloon] button[value=accepted]").click();
        find("li.chip-accepted[data-concept=balloon]");
        browser.screenshot("asset detail with AI tags reviewed");
        find("li.chip-accepted[data-concept=balloon] button[value=rejected]").click();
        find("li.chip-rejected[data-concept=balloon]");
        assertThat(server.json(server.get("/api/v1/assets/" + id)).path("tags").toString()).contains("\"status\":\"rejected\"");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(8)
    void a_risk_flag_shows_its_evidence_and_is_accepted_in_one_click() throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", "generated.jpg", WebUiRiskReviewTest.aiGeneratedJpeg(3), null))
                .path("id").asText();
        WebUiRiskReviewTest.awaitRisk(server, id);
        browser.driver.get(url("/assets/" + id));
        assertThat(find("li.risk.chip-draft[data-risk=ai-generated] .risk-evidence").getText()).contains("C2PA manifest store");
        find("li.risk.chip-draft[data-risk=ai-generated] button[value=accepted]").click();
        find("li.risk.chip-accepted[data-risk=ai-generated]");
        browser.screenshot("asset detail with a risk flag accepted");
        assertThat(server.json(server.get("/api/v1/assets/" + id)).path("risks").get(0).path("status").asText()).isEqualTo("accepted");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(8)
    void a_rendition_downloads_through_the_session() throws Exception {
        openAsset("harbour.jpg");
        find("a[data-rendition=thumb]").click();
        Path file = browser.downloads.resolve("harbour-thumb.jpg");
        wait.until(d -> Files.exists(file) && file.toFile().length() > 0);
        BufferedImage thumb = ImageIO.read(file.toFile());
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(256);
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(9)
    void a_post_without_the_csrf_token_is_refused() throws Exception {
        String cookie = Guard.COOKIE + "=" + browser.driver.manage().getCookieNamed(Guard.COOKIE).getValue();
        String id = server.json(server.get("/api/v1/assets")).path("items").get(0).path("id").asText();
        var r = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/assets/" + id + "/metadata"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title=pwned")).build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.json(server.get("/api/v1/assets/" + id)).path("metadata").path("title").asText()).isNotEqualTo("pwned");
    }

    @Test
    @Order(10)
    void the_library_fits_a_390_px_phone_screen() throws Exception {
        browser.width(390, 844);
        browser.driver.get(url("/"));
        find("#grid .tile");
        Long overflow = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        browser.screenshot("library at 390 px fits the phone screen");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        browser.width(1280, 900);
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(11)
    void signing_out_ends_the_session_on_the_server() throws Exception {
        browser.driver.get(url("/"));
        String old = browser.driver.manage().getCookieNamed(Guard.COOKIE).getValue();
        find(".signout button").click();
        find("#token");
        var r = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/upload")).header("Cookie", Guard.COOKIE + "=" + old).build());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/login");
        assertNoSevereConsoleErrors();
    }

    private static Path write(Path p, byte[] bytes) throws Exception {
        return Files.write(p, bytes);
    }

    static byte[] image(int w, int h, int seed, String format) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < h; y++) {
            g.setColor(new Color((y * 255 / h + seed * 60) % 256, (seed * 90) % 256, 255 - y * 255 / h));
            g.drawLine(0, y, w, y);
        }
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
