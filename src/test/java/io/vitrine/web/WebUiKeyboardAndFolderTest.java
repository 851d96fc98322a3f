package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person who cannot use a mouse gets through sign-in, search, opening an asset and saving a
 * field with the keyboard alone, seeing where the focus is; a whole folder goes up through the
 * folder picker with each file's place in it shown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiKeyboardAndFolderTest {
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

    @Test
    @Order(1)
    void signing_in_works_with_the_keyboard_alone() {
        browser.driver.get(server.uri("/").toString());
        wait.until(d -> d.findElements(By.id("token")).size() == 1);
        WebElement focused = tabUntil(e -> "token".equals(e.getAttribute("id")), 10);
        focused.sendKeys(TestServer.TOKEN, Keys.ENTER);
        wait.until(d -> d.findElements(By.id("q")).size() == 1);
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(2)
    void a_folder_chosen_with_the_folder_picker_uploads_every_file_and_shows_where_it_came_from() throws Exception {
        Path shoot = Files.createDirectories(temp.resolve("spring-shoot"));
        Path day2 = Files.createDirectories(shoot.resolve("day2"));
        Files.write(shoot.resolve("quay.jpg"), WebUiBrowserTest.image(320, 240, 3, "jpg"));
        Files.write(day2.resolve("lighthouse.png"), WebUiBrowserTest.image(300, 200, 4, "png"));
        browser.driver.get(server.uri("/upload").toString());
        wait.until(d -> d.findElements(By.id("pick-folder")).size() == 1);
        browser.driver.findElement(By.id("pick-folder")).sendKeys(shoot.toString());
        wait.until(d -> d.findElements(By.cssSelector("#upload-list li[data-outcome]")).size() == 2);
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#upload-list li"));
        assertThat(items).extracting(li -> li.findElement(By.cssSelector(".file")).getText())
                .containsExactlyInAnyOrder("spring-shoot/quay.jpg", "spring-shoot/day2/lighthouse.png");
        assertThat(items).extracting(li -> li.getAttribute("data-outcome")).containsOnly("new");
        browser.screenshot("upload of a whole folder through the folder picker");
        for (var asset : server.json(server.get("/api/v1/assets")).path("items")) {
            server.awaitSettled(asset.path("id").asText());
        }
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(3)
    void searching_opening_an_asset_and_saving_a_title_work_with_the_keyboard_alone() throws Exception {
        awaitSearchable("quay");
        browser.driver.get(server.uri("/").toString());
        wait.until(d -> d.findElements(By.cssSelector("#grid .tile")).size() == 2);
        WebElement skip = tabUntil(e -> e.getText().contains("Skip to content"), 5);
        assertThat(outlineOf(skip)).as("the focused skip link is visible").isNotEqualTo("none");
        WebElement q = tabUntil(e -> "q".equals(e.getAttribute("name")), 15);
        q.sendKeys("quay", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#grid .tile")).size() == 1);
        WebElement tile = tabUntil(e -> e.getAttribute("data-asset") != null, 40);
        assertThat(outlineOf(tile)).as("the focused tile shows a focus ring").isNotEqualTo("none");
        tile.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.id("f-title")).size() == 1);
        WebElement title = tabUntil(e -> "f-title".equals(e.getAttribute("id")), 60);
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Quay at noon");
        tabUntil(e -> "submit".equals(e.getAttribute("type")) && e.findElements(By.xpath("ancestor::*[@id='descriptive']")).size() == 1, 20)
                .sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#descriptive .saved"), "Saved."));
        String id = browser.driver.getCurrentUrl().substring(browser.driver.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(server.json(server.get("/api/v1/assets/" + id)).path("metadata").path("title").asText()).isEqualTo("Quay at noon");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    /** Presses Tab until the focused element matches, so the test walks the page the way a keyboard user does. */
    private static WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            WebElement active = browser.driver.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("the wanted element was not reached within " + maxTabs + " presses of Tab");
    }

    private static String outlineOf(WebElement e) {
        return (String) browser.driver.executeScript(
                "const s = getComputedStyle(arguments[0]); return s.outlineStyle === 'none' && s.boxShadow === 'none' ? 'none' : s.outlineStyle + ' ' + s.boxShadow;", e);
    }

    private static void awaitSearchable(String word) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (server.json(server.get("/api/v1/search?q=" + word)).path("total").asLong() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(word + " never became searchable");
    }
}
