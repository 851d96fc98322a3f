package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Concepts, teaching a concept from the library's selection, the notification bell and hidden tabs,
 * in a real browser. Screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiVocabularyBrowserTest {
    /** Counts the page's EventSources (before any page script runs), so a test can see streams open and close. */
    private static final String TRACK_STREAMS = """
            (() => {
              const Native = window.EventSource;
              window.__streams = [];
              window.EventSource = function (url, options) { const s = new Native(url, options); window.__streams.push(s); return s; };
              window.EventSource.prototype = Native.prototype;
            })();""";

    @TempDir
    static Path temp;
    static TestServer server;
    static GovernanceClient gov;
    static Browser browser;
    static WebDriverWait wait;
    static boolean modelInstalled;
    static List<String> assets;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRACK_STREAMS));
        modelInstalled = io.vitrine.enrich.ModelServer.installShared(temp.resolve("data"), "mobilenetv2-12-int8");
        server = new TestServer(temp.resolve("data"), Map.of());
        gov = new GovernanceClient(server);
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        assets = List.of(upload("sea-1.jpg", 11), upload("sea-2.jpg", 12), upload("sea-3.jpg", 13));
        browser.driver.get(url("/login"));
        find("#token").sendKeys(TestServer.TOKEN, Keys.ENTER);
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

    private static String upload(String name, int seed) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, WebUiBrowserTest.image(320, 240, seed, "jpg"), null)).path("id").asText();
        server.awaitSettled(id);
        return id;
    }

    private static String url(String path) {
        return server.uri(path).toString();
    }

    private static WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static Object js(String script) {
        return browser.driver.executeScript(script);
    }

    private static void assertNoSevereConsoleErrors() {
        assertThat(browser.severeConsoleMessages()).as("severe console messages").isEmpty();
    }

    private static void fitsPhone(String path, String screenshot) throws Exception {
        browser.width(390, 844);
        browser.driver.get(url(path));
        find("main h1");
        Long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth;");
        browser.screenshot(screenshot);
        browser.width(1280, 900);
        assertThat(overflow).as(path + " at 390 px").isLessThanOrEqualTo(0L);
    }

    @Test
    @Order(1)
    void a_concept_is_created_from_the_concepts_page_and_a_collision_is_explained_beside_the_form() throws Exception {
        browser.driver.get(url("/"));
        find("header nav a[href='/concepts']").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Concepts"));
        find("#concept-q").sendKeys("mamm", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("tr[data-concept]")).size() == 1);
        browser.screenshot("concepts list filtered by a word");

        find("#new-concept summary").click();
        find("#cf-label-en").sendKeys("Harbour crane");
        find("#cf-syn-en").sendKeys("Mammal");
        find("#new-concept button[type=submit]").click();
        WebElement problem = find("#concept-problem[data-problem=label-collision]");
        assertThat(problem.getText()).contains("That word already names another concept").contains("concept 'mammal'");
        assertThat(problem.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/concepts/mammal");
        browser.screenshot("new concept refused: a synonym names another concept");

        assertThat(find("#cf-label-en").getAttribute("value")).as("what was typed is kept").isEqualTo("Harbour crane");
        WebElement synonyms = find("#cf-syn-en");
        synonyms.clear();
        synonyms.sendKeys("dock crane, quay crane");
        new Select(find("#cf-broader")).selectByValue("vehicle");
        find("#new-concept button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Harbour crane"));
        assertThat(find("main .saved").getText()).isEqualTo("Concept created.");
        assertThat(find("main .fields").getText()).contains("dock crane, quay crane").contains("vehicle");
        browser.screenshot("concept page of a new concept");
        fitsPhone("/concepts", "concepts at 390 px");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(2)
    void cards_selected_in_the_library_teach_a_concept_and_its_page_reports_the_draft_tags() throws Exception {
        assumeTrue(modelInstalled, "../shared model absent: no image embeddings to teach from");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.get("/api/v1/assets/" + assets.get(0) + "/similar").body().contains(assets.get(2)) && System.nanoTime() < deadline) {
            Thread.sleep(200); // the image vectors are in the index
        }
        browser.driver.get(url("/"));
        find("#grid .tile");
        assertThat(browser.driver.findElements(By.cssSelector("input[data-pick]")).stream().noneMatch(WebElement::isDisplayed))
                .as("no checkboxes until selecting").isTrue();
        find("#select-toggle").click();
        assertThat(find("#select-toggle").getAttribute("aria-pressed")).isEqualTo("true");
        WebElement first = find("#grid a[data-asset='" + assets.get(0) + "'] ~ .pick input");
        first.sendKeys(Keys.SPACE); // keyboard: the checkbox is a real control
        find("#grid a[data-asset='" + assets.get(1) + "'] ~ .pick input").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#selection-count"), "2 selected"));
        browser.screenshot("library with two cards selected");

        new Select(find("#sort")).selectByValue("oldest"); // a new search keeps the selection
        wait.until(d -> d.getCurrentUrl().contains("sort=oldest"));
        wait.until(d -> (Boolean) js("return document.querySelectorAll('input[data-pick]:checked').length === 2;"));
        assertThat(find("#selection-count").getText()).isEqualTo("2 selected");

        find("#teach-button").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Teach a concept"));
        assertThat(browser.driver.findElements(By.cssSelector(".example"))).hasSize(2);
        find("#t-new").sendKeys("Sea gradient");
        browser.screenshot("teaching a new concept from two selected assets");
        find(".teach-form > button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Sea gradient"));
        assertThat(find("main .saved").getText()).startsWith("Teaching started");
        find("#teaching[data-status=done]");
        assertThat(js("return document.body.dataset.live;")).as("the page heard the run end on its open stream, not by polling")
                .isEqualTo("open");
        assertThat(find("#teaching .done").getText()).contains("now carr").contains("from 2 examples");
        assertThat(find("#teaching a[href^='/?q=']").getText()).isEqualTo("Search for them");
        browser.screenshot("concept page after teaching: assets with the draft tag");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(3)
    void the_bell_counts_a_new_notification_live_and_the_inbox_marks_it_read() throws Exception {
        JsonNode user = server.json(gov.admin("POST", "/api/v1/users", "{\"name\":\"olga\",\"roles\":[\"contributor\"],\"regions\":[\"DE\"]}"));
        String token = user.path("token").asText();
        TestServer.Multipart body = new TestServer.Multipart().file("file", "olgas-harbour.jpg", WebUiBrowserTest.image(320, 240, 21, "jpg"));
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets?onDuplicate=allow"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        String asset = server.json(r).path("id").asText();
        server.awaitSettled(asset);
        gov.attach(asset, gov.licence("{\"channels\":[\"web\"],\"end\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}"));

        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/login"));
        find("#token").sendKeys(token, Keys.ENTER);
        find("#q");
        wait.until(d -> "Notifications, none unread".equals(d.findElement(By.id("bell")).getAttribute("aria-label")));
        wait.until(d -> (Boolean) js("return window.__streams.some((s) => s.readyState === 1);"));
        assertThat(gov.admin("POST", "/api/v1/lifecycle/run", null).statusCode()).isEqualTo(200);
        wait.until(d -> "Notifications, 1 unread".equals(d.findElement(By.id("bell")).getAttribute("aria-label")));
        assertThat(find("#bell .bell-count").getText()).isEqualTo("1");
        browser.screenshot("header bell with one unread notification");

        find("#bell").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Notifications"));
        assertThat(find(".notification.unread").getText()).contains("A licence ends soon").contains("olgas-harbour.jpg");
        browser.screenshot("notification inbox with one unread");
        find(".notification.unread button").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#inbox .saved"), "Marked as read."));
        wait.until(d -> "Notifications, none unread".equals(d.findElement(By.id("bell")).getAttribute("aria-label")));
        assertThat(browser.driver.findElements(By.cssSelector(".notification.unread"))).isEmpty();
        fitsPhone("/notifications", "notifications at 390 px");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(4)
    void a_hidden_tab_closes_its_event_stream_and_when_shown_resumes_with_what_it_missed() throws Exception {
        browser.driver.get(url("/"));
        find("#grid .tile");
        wait.until(d -> (Boolean) js("return window.__streams.length === 1 && window.__streams[0].readyState === 1;"));
        String before = upload("seen-live.jpg", 31);
        find("#grid a[data-asset='" + before + "']"); // an event arrived, so the page knows where it is in the stream

        js("Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        assertThat(js("return window.__streams[0].readyState;")).as("closed while hidden").isEqualTo(2L);
        String missed = upload("while-hidden.jpg", 32);
        Thread.sleep(1000);
        assertThat(js("return window.__streams.length;")).as("no new stream while hidden").isEqualTo(1L);

        js("Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        wait.until(d -> (Boolean) js("return window.__streams.length === 2 && window.__streams[1].readyState === 1;"));
        assertThat((String) js("return window.__streams[1].url;")).contains("lastEventId=");
        find("#grid a[data-asset='" + missed + "']");
        browser.screenshot("library after the tab was shown again: the asset uploaded meanwhile is there");
        assertNoSevereConsoleErrors();
    }

    @Test
    @Order(5)
    void an_administrator_makes_a_group_and_adds_a_person_from_the_groups_page() throws Exception {
        server.json(gov.admin("POST", "/api/v1/users", "{\"name\":\"pia\",\"roles\":[\"consumer\"]}"));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/login"));
        find("#token").sendKeys(TestServer.TOKEN, Keys.ENTER);
        find("#q");
        find("header nav a[href='/admin/groups']").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Groups"));
        find("#g-name").sendKeys("Agency partners");
        find("input[name=role][value=reviewer]").click();
        find("#g-regions").sendKeys("Germany");
        find(".concept-form button[type=submit]").click();
        assertThat(find("#group-problem").getText()).contains("GERMANY").contains("ISO 3166");
        WebElement regions = find("#g-regions");
        regions.clear();
        regions.sendKeys("DE, FR");
        find(".concept-form button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Agency partners"));
        new Select(find("#g-add")).selectByVisibleText("pia (consumer)");
        find("#g-add + button").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main .saved"), "Member added."));
        assertThat(find(".member-list").getText()).contains("pia");
        browser.screenshot("group page with a member");
        fitsPhone("/admin/groups", "groups at 390 px");
        assertNoSevereConsoleErrors();
    }
}
