package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import io.vitrine.risk.C2paTestFiles;
import java.awt.Color;
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

/**
 * Content risk flags on the asset page: the real server raises ai-generated from a C2PA manifest in
 * the file (no model needed), the page shows it with its evidence as an AI draft, a reviewer decides
 * it there, and a consumer only reads it.
 */
class WebUiRiskReviewTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String shown;
    static String toReject;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        shown = upload("generated.jpg", 1);
        toReject = upload("generated-too.jpg", 2);
        awaitRisk(server, shown);
        awaitRisk(server, toReject);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String upload(String name, int seed) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, aiGeneratedJpeg(seed), null)).path("id").asText();
    }

    /** A photo whose C2PA manifest declares trained algorithmic media (the step reads it as ai-generated, 0.9). */
    static byte[] aiGeneratedJpeg(int seed) throws Exception {
        byte[] manifest = C2paTestFiles.jpegWithManifest(
                "c2pa.actions digitalSourceType http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        byte[] photo = jpeg(seed);
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(photo, 0, 2);
        spliced.write(manifest, 2, manifest.length - 4);
        spliced.write(photo, 2, photo.length - 2);
        return spliced.toByteArray();
    }

    private static byte[] jpeg(int seed) throws Exception {
        BufferedImage img = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(40 * seed % 256, 90, 160));
        g.fillRect(0, 0, 96, 64);
        g.setColor(Color.WHITE);
        g.fillOval(10 * seed, 10, 30, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    static void awaitRisk(TestServer server, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.get("/api/v1/assets/" + id).body().contains("\"flag\":\"ai-generated\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no ai-generated flag on " + id + ": " + server.get("/api/v1/assets/" + id).body());
    }

    private static String riskChip(String page) {
        int start = page.indexOf("data-risk=\"ai-generated\"");
        assertThat(start).as("the ai-generated flag on the page").isPositive();
        return page.substring(page.lastIndexOf("<li", start), page.indexOf("</form>", start) + 7);
    }

    @Test
    void a_raised_flag_shows_on_the_asset_page_as_an_ai_draft_with_its_label_source_and_evidence() throws Exception {
        String page = WebUiGovernanceTest.signIn(server, gov.user("reviewer")).get("/assets/" + shown).body();
        assertThat(page).contains("Risk flags");
        String chip = riskChip(page);
        assertThat(chip).contains("chip risk chip-draft").contains("<span class=\"chip-label\">AI-generated</span>")
                .contains("90% · AI draft").contains("from the file's own metadata")
                .contains("C2PA manifest store at byte").contains("trainedAlgorithmicMedia").contains("(signature not validated)")
                .contains("Accept risk flag AI-generated").contains("Reject risk flag AI-generated");
    }

    @Test
    void a_reviewer_rejects_a_flag_from_the_page_and_the_page_api_and_audit_say_rejected() throws Exception {
        WebUiGovernanceTest.Browser reviewer = WebUiGovernanceTest.signIn(server, gov.user("reviewer"));
        String csrf = WebUiGovernanceTest.csrf(reviewer.get("/assets/" + toReject).body());
        var answer = reviewer.post("/assets/" + toReject + "/risks/ai-generated", "_csrf=" + csrf + "&status=rejected");
        assertThat(answer.statusCode()).isEqualTo(200);
        String chip = riskChip(answer.body());
        assertThat(chip).contains("chip risk chip-rejected").contains("· rejected").doesNotContain("Reject risk flag")
                .contains("Accept risk flag AI-generated");
        assertThat(riskChip(reviewer.get("/assets/" + toReject).body())).contains("chip-rejected");
        JsonNode risk = server.json(server.get("/api/v1/assets/" + toReject)).path("risks").get(0);
        assertThat(risk.path("status").asText()).isEqualTo("rejected");
        assertThat(gov.admin("GET", "/api/v1/audit?limit=200", null).body()).contains("risk.decide").contains(toReject);
        assertThat(reviewer.post("/assets/" + toReject + "/risks/weapon", "_csrf=" + csrf + "&status=accepted").statusCode())
                .isEqualTo(400);
        assertThat(reviewer.post("/assets/" + toReject + "/risks/ai-generated", "_csrf=" + csrf + "&status=maybe").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_consumer_sees_the_flag_read_only_and_her_decision_is_refused() throws Exception {
        WebUiGovernanceTest.Browser consumer = WebUiGovernanceTest.signIn(server, gov.user("consumer"));
        String page = consumer.get("/assets/" + shown).body();
        assertThat(page).contains("data-risk=\"ai-generated\"").contains("C2PA manifest store at byte")
                .doesNotContain("risk flag AI-generated").doesNotContain("/risks/ai-generated");
        assertThat(consumer.post("/assets/" + shown + "/risks/ai-generated", "_csrf=" + WebUiGovernanceTest.csrf(page)
                + "&status=rejected").statusCode()).isEqualTo(403);
        assertThat(server.json(server.get("/api/v1/assets/" + shown)).path("risks").get(0).path("status").asText()).isEqualTo("draft");
    }

    @Test
    void the_library_risk_facet_reads_the_human_label() throws Exception {
        WebUiGovernanceTest.Browser librarian = WebUiGovernanceTest.signIn(server, gov.user("librarian"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String library = librarian.get("/").body();
        while (!library.contains("value=\"ai-generated\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            library = librarian.get("/").body();
        }
        assertThat(library).contains("<legend>Risk</legend>").contains("name=\"risk\" value=\"ai-generated\"")
                .contains("<span class=\"v\">AI-generated</span>");
    }

    @Test
    void an_asset_without_flags_says_so_quietly() throws Exception {
        String plain = server.json(server.upload("?onDuplicate=allow", "plain.jpg", jpeg(5), null)).path("id").asText();
        server.awaitSettled(plain);
        String page = WebUiGovernanceTest.signIn(server, gov.user("reviewer")).get("/assets/" + plain).body();
        assertThat(page).contains("No risk flags found.").doesNotContain("data-risk=");
    }
}
