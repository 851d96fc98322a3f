package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in a real browser: a reviewer approves her task in place; a librarian sees a
 * possible duplicate on the asset page (with what looks similar) and settles it.
 */
class WebUiReviewTest {
    @TempDir
    static Path temp;
    static TestServer server;
    static GovernanceClient client;
    static Browser browser;
    static WebDriverWait wait;
    static boolean modelInstalled;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        modelInstalled = io.vitrine.enrich.ModelServer.installShared(temp.resolve("data"), "mobilenetv2-12-int8");
        server = new TestServer(temp.resolve("data"), Map.of());
        client = new GovernanceClient(server);
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
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

    private static void signIn(String token) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(server.uri("/login").toString());
        find("#token").sendKeys(token, Keys.ENTER);
        find("#q");
    }

    @Test
    void an_asset_is_submitted_approved_on_the_review_page_and_published_from_its_page() throws Exception {
        String id = client.asset(1401, null);
        signIn(client.user("contributor", "DE"));
        browser.driver.get(server.uri("/assets/" + id).toString());
        assertThat(find("#workflow .badge").getText()).isEqualTo("draft");
        find("#workflow button[value=in_review]").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#workflow .saved"), "Moved to in review"));
        assertThat(find("#workflow .tasks").getText()).contains("reviewer: open");
        signIn(client.user("reviewer", "DE"));
        browser.driver.get(server.uri("/review").toString());
        WebElement task = find("#approvals li.review-item");
        assertThat(task.getText()).contains("as reviewer").contains("tier 1");
        browser.screenshot("review page with an approval task");
        task.findElement(By.cssSelector("button[value=approved]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review .saved"), "Approved"));
        assertThat(server.json(client.admin("GET", "/api/v1/assets/" + id, null)).path("workflow").path("state").asText())
                .isEqualTo("approved");
        assertThat(browser.driver.findElements(By.cssSelector("#approvals li.review-item"))).isEmpty();
        signIn(client.user("librarian", "DE"));
        browser.driver.get(server.uri("/assets/" + id).toString());
        find("#workflow button[value=published]").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#workflow .saved"), "Moved to published"));
        browser.screenshot("asset approval card after publishing");
        assertThat(server.json(client.admin("GET", "/api/v1/assets/" + id, null)).path("workflow").path("state").asText())
                .isEqualTo("published");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void a_possible_duplicate_is_marked_as_the_same_picture() throws Exception {
        Path photo = io.vitrine.testing.TestMedia.corpus("photos/imagingbook/Castle.png");
        org.junit.jupiter.api.Assumptions.assumeTrue(modelInstalled && java.nio.file.Files.isRegularFile(photo), "model or photo absent");
        BufferedImage big = ImageIO.read(photo.toFile());
        String original = upload("sunset.png", big, "png");
        BufferedImage small = new BufferedImage(big.getWidth() / 2, big.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(big, 0, 0, small.getWidth(), small.getHeight(), null);
        String resized = upload("sunset-small.jpg", small, "jpg");
        for (int i = 0; i < 600 && !client.admin("GET", "/api/v1/duplicates", null).body().contains(resized); i++) {
            Thread.sleep(100);
        }
        signIn(client.user("librarian"));
        browser.driver.get(server.uri("/review").toString());
        WebElement pair = find("#duplicates li.review-item");
        assertThat(pair.getText()).contains("sunset.png").contains("sunset-small.jpg");
        browser.screenshot("review page with a possible duplicate");
        browser.driver.get(server.uri("/assets/" + original).toString());
        WebElement related = find("#related .related-grid");
        assertThat(find("#related").getText()).contains("Possible duplicates").contains("sunset-small.jpg").contains("resized");
        wait.until(d -> d.findElements(By.cssSelector("#related a[href='/assets/" + resized + "']")).size() == 2);
        browser.screenshot("asset page with duplicates and similar assets");
        assertThat(related.isDisplayed()).isTrue();
        browser.driver.get(server.uri("/review").toString());
        assertThat(find("#drafts").getText()).as("both photos carry AI drafts to check").contains("sunset.png").contains("sunset-small.jpg");
        pair = find("#duplicates li.review-item");
        pair.findElement(By.cssSelector("button[value=confirmed]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review .saved"), "same picture"));
        assertThat(client.admin("GET", "/api/v1/assets/" + original + "/duplicates", null).body()).contains("\"status\":\"confirmed\"");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    private static String upload(String name, BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        String id = server.json(server.upload("?onDuplicate=allow", name, out.toByteArray(), null)).path("id").asText();
        server.awaitSettled(id);
        return id;
    }
}
