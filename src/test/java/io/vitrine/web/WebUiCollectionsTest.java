package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A marketer gathers assets in a collection from their pages and sends a share link that opens without an account. */
class WebUiCollectionsTest {
    @TempDir
    static Path temp;
    static TestServer server;
    static Browser browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
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

    private static WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    @Test
    void an_asset_is_added_to_a_new_collection_which_is_shared_by_a_link_that_opens_without_signing_in() throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", "lighthouse.jpg", WebUiBrowserTest.image(640, 480, 7, "jpg"), null))
                .path("id").asText();
        server.awaitSettled(id);
        new io.vitrine.api.GovernanceClient(server).approve(id); // only approved assets are shown through share links
        browser.driver.get(server.uri("/login").toString());
        find("#token").sendKeys(TestServer.TOKEN, Keys.ENTER);
        find("#q");

        browser.driver.get(server.uri("/collections").toString());
        assertThat(find(".empty h2").getText()).isEqualTo("No collections yet");
        find("#c-name").sendKeys("Coast campaign", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Coast campaign"));
        assertThat(find(".empty h2").getText()).isEqualTo("This collection is empty");

        browser.driver.get(server.uri("/assets/" + id).toString());
        new Select(find("#add-to")).selectByVisibleText("Coast campaign");
        find("#collections button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#collections .saved"), "Added."));
        assertThat(find("#collections a[href^='/collections/']").getText()).isEqualTo("Coast campaign");
        browser.screenshot("asset detail with its collections");

        find("#collections a[href^='/collections/']").click();
        wait.until(d -> d.findElements(By.cssSelector("#grid .tile")).size() == 1);
        String collectionPage = browser.driver.getCurrentUrl();
        new Select(find("#s-channel")).selectByValue("web");
        find("#s-region").sendKeys("DE");
        find(".share-form button[type=submit]").click();
        String link = find("#new-link").getAttribute("value");
        assertThat(link).contains("/s/sl_");
        assertThat(find("table.links tbody td").getText()).isEqualTo("web · DE");
        assertThat(browser.driver.getCurrentUrl()).as("the page keeps its own address, which live re-reads ask for")
                .isEqualTo(collectionPage);
        browser.screenshot("collection with a new share link");

        browser.driver.manage().deleteAllCookies();
        browser.driver.get(link);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Coast campaign"));
        WebElement img = find("#grid .tile img");
        wait.until(d -> (Boolean) browser.driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", img));
        browser.screenshot("share link page opened without an account");
        assertThat(browser.severeConsoleMessages()).isEmpty();

        browser.driver.get(server.uri("/login").toString());
        find("#token").sendKeys(TestServer.TOKEN, Keys.ENTER);
        find("#q");
        browser.driver.get(server.uri("/assets/" + id).toString());
        find("#collections button[aria-label='Remove from Coast campaign']").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#collections .saved"), "Removed."));
        assertThat(browser.driver.findElements(By.cssSelector("#collections a[href^='/collections/']"))).isEmpty();
        String collection = server.json(server.get("/api/v1/collections")).path("items").path(0).path("id").asText();
        assertThat(server.json(server.get("/api/v1/collections/" + collection)).path("assets").size()).isZero();
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }
}
