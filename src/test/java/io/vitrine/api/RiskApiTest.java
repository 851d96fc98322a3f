package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import io.vitrine.enrich.process.TesseractTextReader;
import io.vitrine.risk.RiskService;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
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

/**
 * Content risk flags end to end: the real server with the real classifier and face detector pulled
 * from a local HTTP server, the real tesseract and exiftool, and the review tiers they feed. The tests
 * share one server, so decisions in one move the flags' thresholds for the next (hence the order).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskApiTest {
    /** A mortar at the Tower of London with six Yeoman Warders: MobileNetV2 reads its preview as 'cannon' (0.49). */
    static final Path MORTAR = Path.of("../shared/corpus/photos/imagingbook/MortarSmall.png");

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String contributor;
    static String legal;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(MORTAR) && ModelServer.installShared(data, "mobilenetv2-12-int8")
                && ModelServer.installShared(data, "yunet_n_640_640"), "../shared models or photos absent; skipping");
        assumeTrue(new TesseractTextReader("tesseract", List.of("eng"), Duration.ofSeconds(5)).unavailable().isEmpty(),
                "tesseract not installed; skipping");
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        contributor = gov.user("contributor");
        legal = gov.user("legal");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String upload(String name, byte[] bytes) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, bytes, null)).path("id").asText();
    }

    /** The risk step runs after the asset is ready: polls until the asset shows the flag. */
    private static JsonNode awaitRisk(String id, String flag) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode r : server.json(server.get("/api/v1/assets/" + id)).path("risks")) {
                if (r.path("flag").asText().equals(flag)) {
                    return r;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("asset " + id + " never got risk flag " + flag + ": " + server.get("/api/v1/assets/" + id).body());
    }

    private static void awaitSearch(String query, String id, boolean present) throws Exception {
        server.awaitSearch(query, id, present, Duration.ofSeconds(60));
    }

    private static HttpResponse<String> decide(String token, String id, String flag, String body) throws Exception {
        return gov.call(token, "PATCH", "/api/v1/assets/" + id + "/risks/" + flag, body);
    }

    private static JsonNode submit(String id) throws Exception {
        HttpResponse<String> r = gov.call(contributor, "POST", "/api/v1/assets/" + id + "/transitions", "{\"to\":\"in_review\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return server.json(r);
    }

    @Test
    @Order(1) // before any reviewer rejects a weapon flag here: rejections raise the flag's threshold above the mortar's 0.49
    void a_photographed_mortar_is_flagged_weapon_with_its_class_and_goes_to_legal_and_compliance() throws Exception {
        String id = upload("mortar.png", Files.readAllBytes(MORTAR));
        JsonNode weapon = awaitRisk(id, "weapon");
        assertThat(weapon.path("status").asText()).isEqualTo("draft");
        assertThat(weapon.path("source").asText()).isEqualTo("ai");
        assertThat(weapon.path("model").asText()).isEqualTo("mobilenetv2-12-int8");
        assertThat(weapon.path("modelVersion").asText()).isNotBlank();
        assertThat(weapon.path("confidence").asDouble()).isBetween(RiskService.RAISE, 1.0);
        assertThat(weapon.path("evidence").get(0).asText()).startsWith("class 'cannon' p=0.4");
        awaitSearch("risk=weapon", id, true);
        assertThat(server.json(server.get("/api/v1/search?risk=weapon")).path("facets").path("risk").toString())
                .contains("\"value\":\"weapon\"");

        JsonNode submitted = submit(id);
        assertThat(submitted.path("tier").asInt()).isEqualTo(3);
        assertThat(submitted.path("tierRules").toString()).contains("risk-flagged");
        assertThat(submitted.path("tasks").findValuesAsText("role")).containsExactlyInAnyOrder("legal", "compliance");
    }

    @Test
    @Order(2)
    void a_reviewer_rejects_every_raised_flag_and_the_asset_is_no_longer_risk_flagged_in_search_or_review() throws Exception {
        String id = upload("mortar-again.png", Files.readAllBytes(MORTAR));
        awaitRisk(id, "weapon");
        awaitSearch("risk=weapon", id, true);
        HttpResponse<String> notAReviewer = decide(contributor, id, "weapon", "{\"status\":\"rejected\"}");
        assertThat(notAReviewer.statusCode()).isEqualTo(403);

        for (JsonNode r : server.json(server.get("/api/v1/assets/" + id)).path("risks")) {
            HttpResponse<String> d = decide(legal, id, r.path("flag").asText(), "{\"status\":\"rejected\"}");
            assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
            assertThat(server.json(d).path("status").asText()).isEqualTo("rejected");
            assertThat(server.json(d).path("decidedAt").asText()).isNotBlank();
        }
        awaitSearch("risk=weapon", id, false);
        JsonNode submitted = submit(id);
        assertThat(submitted.path("tierRules").toString()).doesNotContain("risk-flagged");
        assertThat(submitted.path("tier").asInt()).isLessThan(3);
        String audit = gov.admin("GET", "/api/v1/audit?limit=200", null).body();
        assertThat(audit).contains("risk.decide").contains(id).contains("rejected");
    }

    @Test
    void a_portrait_without_a_release_is_flagged_until_a_release_is_attached() throws Exception {
        Path portrait = Path.of("../shared/corpus/photos/python-matplotlib-data/grace_hopper.jpg");
        assumeTrue(Files.isRegularFile(portrait), "portrait absent; skipping");
        String id = upload("hopper.jpg", Files.readAllBytes(portrait));
        JsonNode people = awaitRisk(id, "people-without-release");
        assertThat(people.path("model").asText()).isEqualTo("yunet_n_640_640");
        assertThat(people.path("evidence").get(0).asText()).startsWith("1 face found by yunet_n_640_640").endsWith("no release attached");
        assertThat(people.path("confidence").asDouble()).isGreaterThanOrEqualTo(RiskService.RAISE);

        gov.attach(id, gov.licence("{\"kind\":\"release\",\"channels\":[\"web\"],\"licensor\":\"the sitter\"}"));
        JsonNode submitted = submit(id);
        assertThat(submitted.path("tierRules").toString()).doesNotContain("risk-flagged");
    }

    @Test
    void printed_contact_and_bank_details_raise_personal_data_with_masked_evidence_only() throws Exception {
        String id = upload("invoice.png", printed("Contact: jane.doe@example.com", "Phone: +44 20 7946 0958",
                "IBAN: DE89 3704 0044 0532 0130 00"));
        JsonNode pd = awaitRisk(id, "personal-data");
        String evidence = pd.path("evidence").toString();
        assertThat(evidence).contains("e-mail j***@e***.com").contains("IBAN DE** …3000 (mod-97 check holds)").contains("phone number");
        assertThat(evidence).doesNotContain("jane.doe").doesNotContain("3704").doesNotContain("7946");
        assertThat(pd.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(pd.path("evidence").get(0).asText()).startsWith("ocr (tesseract ");
    }

    @Test
    void an_iptc_digital_source_type_written_by_exiftool_raises_ai_generated_from_the_metadata() throws Exception {
        Path file = data.resolve("generated.jpg");
        Files.write(file, Media.jpeg(96, 64, 1801));
        Process p;
        try {
            p = new ProcessBuilder("exiftool", "-q", "-overwrite_original",
                    "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
                    file.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "exiftool not installed; skipping");
            return;
        }
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        String id = upload("generated.jpg", Files.readAllBytes(file));
        JsonNode ai = awaitRisk(id, "ai-generated");
        assertThat(ai.path("source").asText()).isEqualTo("metadata");
        assertThat(ai.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(ai.path("evidence").get(0).asText()).contains("DigitalSourceType")
                .endsWith("= http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
    }

    @Test
    void a_c2pa_manifest_declaring_generative_ai_raises_ai_generated_and_says_its_signature_was_not_checked() throws Exception {
        byte[] manifest = io.vitrine.risk.C2paTestFiles.jpegWithManifest(
                "c2pa.actions digitalSourceType http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        byte[] photo = Media.jpeg(96, 64, 1803);
        // the manifest's APP11 segment (everything between its SOI and EOI) goes right after the photo's SOI
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(photo, 0, 2);
        spliced.write(manifest, 2, manifest.length - 4);
        spliced.write(photo, 2, photo.length - 2);
        String id = upload("c2pa.jpg", spliced.toByteArray());
        JsonNode ai = awaitRisk(id, "ai-generated");
        assertThat(ai.path("confidence").asDouble()).isEqualTo(0.9);
        assertThat(ai.path("evidence").get(0).asText()).startsWith("C2PA manifest store at byte ")
                .contains("trainedAlgorithmicMedia").endsWith("(signature not validated)");
        assertThat(server.json(server.get("/api/v1/assets/" + id)).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void an_unknown_flag_is_404_and_a_bad_status_is_400() throws Exception {
        String id = upload("plain.jpg", Media.jpeg(64, 48, 1802));
        server.awaitSettled(id);
        HttpResponse<String> unknown = decide(legal, id, "no-such-flag", "{\"status\":\"accepted\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(server.json(unknown).path("type").asText()).isEqualTo("/problems/no-risk-flag");
        assertThat(server.json(unknown).path("detail").asText()).contains("people-without-release").contains("ai-generated");
        assertThat(decide(legal, id, "weapon", "{\"status\":\"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(decide(legal, id, "weapon", "not json").statusCode()).isEqualTo(400);
        assertThat(decide(legal, id, "weapon", "{}").statusCode()).isEqualTo(400);
        assertThat(decide(legal, "no-such-asset", "weapon", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(404);
    }

    /** Black lines of text on white, large enough for tesseract to read them back. */
    static byte[] printed(String... lines) throws Exception {
        BufferedImage img = new BufferedImage(1400, 120 + 90 * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 110 + 90 * i);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
