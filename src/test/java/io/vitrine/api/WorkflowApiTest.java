package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval workflow end to end on a real server: tiers chosen by the rules, review tasks per
 * approver role, rejection, out-of-order moves, permissions, the review queue, reminders, and the
 * rule that only approved assets are published or leave the company. Tier-1 tasks are due after
 * two seconds here, so overdue handling is observable.
 */
class WorkflowApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static String contributor;
    static String reviewer;
    static String librarian;
    static String legal;
    static String compliance;
    static String consumer;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of("VITRINE_REVIEW_TIME_TIER1", "PT2S", "VITRINE_REMINDER_INTERVAL", "PT1H",
                "VITRINE_SIGNING_KEY", "a-test-signing-key-of-at-least-32-characters"));
        client = new GovernanceClient(server);
        contributor = client.user("contributor");
        reviewer = client.user("reviewer");
        librarian = client.user("librarian");
        legal = client.user("legal");
        compliance = client.user("compliance");
        consumer = client.user("consumer");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> move(String token, String asset, String body) throws Exception {
        return client.call(token, "POST", "/api/v1/assets/" + asset + "/transitions", body);
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return client.json(r);
    }

    static JsonNode review(String asset) throws Exception {
        return ok(client.admin("GET", "/api/v1/assets/" + asset + "/workflow", null));
    }

    /** "action by actor" of every audit event about {@code asset} (null: events without a target), in chain order. */
    static List<String> auditActions(String asset) throws Exception {
        List<String> actions = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = client.json(client.admin("GET", "/api/v1/audit?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null));
            for (JsonNode e : page.path("events")) {
                if (java.util.Objects.equals(asset, e.path("target").isNull() ? null : e.path("target").asText())) {
                    actions.add(e.path("action").asText() + " by " + e.path("actor").asText());
                }
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        return actions;
    }

    @Test
    void a_tier_one_asset_is_approved_by_one_reviewer_then_published_and_found_by_its_state() throws Exception {
        String asset = client.asset(701, null);
        assertThat(ok(client.admin("GET", "/api/v1/assets/" + asset, null)).path("workflow").path("state").asText()).isEqualTo("draft");
        JsonNode submitted = ok(move(contributor, asset, "{\"to\":\"in_review\",\"comment\":\"for the spring newsletter\"}"));
        assertThat(submitted.path("state").asText()).isEqualTo("in_review");
        assertThat(submitted.path("tier").asInt()).isEqualTo(1);
        assertThat(submitted.path("tierRules").toString()).isEqualTo("[\"baseline\"]");
        assertThat(submitted.path("tasks")).hasSize(1);
        assertThat(submitted.path("tasks").get(0).path("role").asText()).isEqualTo("reviewer");
        assertThat(submitted.path("tasks").get(0).path("dueAt").asText()).isNotBlank();

        JsonNode approved = ok(move(reviewer, asset, "{\"to\":\"approved\",\"comment\":\"on brand\"}"));
        assertThat(approved.path("state").asText()).isEqualTo("approved");
        assertThat(approved.path("tasks").get(0).path("state").asText()).isEqualTo("approved");
        assertThat(approved.path("tasks").get(0).path("decidedBy").asText()).contains("reviewer");
        JsonNode published = ok(move(librarian, asset, "{\"to\":\"published\"}"));
        assertThat(published.path("state").asText()).isEqualTo("published");
        assertThat(published.path("history").findValuesAsText("kind")).containsExactly("transition", "decision", "transition", "transition");
        assertThat(ok(client.admin("GET", "/api/v1/assets/" + asset, null)).path("workflow").path("state").asText()).isEqualTo("published");
        awaitSearch("workflow=published", asset);
        JsonNode facets = client.json(client.admin("GET", "/api/v1/search?workflow=published", null)).path("facets").path("workflow");
        assertThat(facets.toString()).contains("\"value\":\"published\"");
    }

    @Test
    void an_ai_generated_asset_needs_legal_and_compliance_and_is_approved_only_when_both_approve() throws Exception {
        String asset = AssetApiTestSupport.settled(server, server.upload("?onDuplicate=allow", "generated.jpg",
                withDigitalSourceType(Media.jpeg(64, 48, 702), "trainedAlgorithmicMedia"), null)).path("id").asText();
        JsonNode submitted = ok(move(contributor, asset, "{\"to\":\"in_review\",\"channel\":\"web\"}"));
        assertThat(submitted.path("tier").asInt()).isEqualTo(3);
        assertThat(submitted.path("aiGenerated").asBoolean()).isTrue();
        assertThat(submitted.path("aiSource").asText()).isEqualTo("embedded: trainedAlgorithmicMedia");
        assertThat(submitted.path("tierRules").toString()).contains("ai-generated");
        assertThat(submitted.path("tasks").findValuesAsText("role")).containsExactlyInAnyOrder("legal", "compliance");

        HttpResponse<String> notMine = move(reviewer, asset, "{\"to\":\"approved\"}");
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(client.json(notMine).path("detail").asText()).contains("legal").contains("compliance").contains("reviewer");
        assertThat(ok(move(legal, asset, "{\"to\":\"approved\"}")).path("state").asText()).isEqualTo("in_review");
        HttpResponse<String> twice = move(legal, asset, "{\"to\":\"approved\"}");
        assertThat(twice.statusCode()).isEqualTo(403);
        assertThat(client.json(twice).path("detail").asText()).contains("already decided");
        JsonNode approved = ok(move(compliance, asset, "{\"to\":\"approved\",\"comment\":\"AI disclosure present\"}"));
        assertThat(approved.path("state").asText()).isEqualTo("approved");
        assertThat(approved.path("tasks").findValuesAsText("state")).containsOnly("approved");
        assertThat(auditActions(asset)).anyMatch(a -> a.startsWith("workflow.transition by") && a.contains("contributor"))
                .anyMatch(a -> a.startsWith("workflow.task.decide by") && a.contains("legal"))
                .anyMatch(a -> a.startsWith("workflow.task.decide by") && a.contains("compliance"));
    }

    @Test
    void one_rejection_rejects_the_asset_with_its_reason_and_cancels_the_other_tasks() throws Exception {
        String asset = client.asset(703, null);
        JsonNode flagged = ok(client.call(contributor, "PATCH", "/api/v1/assets/" + asset + "/workflow", "{\"riskFlags\":[\"health-claim\"]}"));
        assertThat(flagged.path("riskFlags").toString()).isEqualTo("[\"health-claim\"]");
        assertThat(ok(move(contributor, asset, "{\"to\":\"in_review\"}")).path("tier").asInt()).isEqualTo(3);
        HttpResponse<String> noReason = move(compliance, asset, "{\"to\":\"rejected\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(client.json(noReason).path("detail").asText()).contains("reason");
        JsonNode rejected = ok(move(compliance, asset, "{\"to\":\"rejected\",\"comment\":\"the claim needs a study\"}"));
        assertThat(rejected.path("state").asText()).isEqualTo("rejected");
        assertThat(rejected.path("tasks").findValuesAsText("state")).containsExactlyInAnyOrder("rejected", "cancelled");
        assertThat(rejected.path("history").toString()).contains("the claim needs a study");
        HttpResponse<String> late = move(legal, asset, "{\"to\":\"approved\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(client.json(late).path("currentState").asText()).isEqualTo("rejected");

        ok(client.call(contributor, "PATCH", "/api/v1/assets/" + asset + "/workflow", "{\"riskFlags\":[]}"));
        JsonNode again = ok(move(contributor, asset, "{\"to\":\"in_review\",\"comment\":\"claim removed\"}"));
        assertThat(again.path("round").asInt()).isEqualTo(2);
        assertThat(again.path("tier").asInt()).isEqualTo(1);
    }

    @Test
    void a_move_out_of_order_is_a_409_naming_the_current_state_and_the_allowed_moves() throws Exception {
        String asset = client.asset(704, null);
        HttpResponse<String> r = move(librarian, asset, "{\"to\":\"published\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = client.json(r);
        assertThat(p.path("type").asText()).isEqualTo("/problems/transition-not-allowed");
        assertThat(p.path("currentState").asText()).isEqualTo("draft");
        assertThat(p.path("allowedTransitions").toString()).isEqualTo("[\"in_review\",\"archived\"]");
        assertThat(p.path("detail").asText()).contains("draft").contains("published").contains("in_review, archived");
        ok(move(contributor, asset, "{\"to\":\"in_review\"}"));
        HttpResponse<String> publishInReview = move(librarian, asset, "{\"to\":\"published\"}");
        assertThat(publishInReview.statusCode()).isEqualTo(409);
        assertThat(client.json(publishInReview).path("allowedTransitions").toString()).isEqualTo("[\"approved\",\"rejected\"]");
        assertThat(move(contributor, asset, "{\"to\":\"in_review\"}").statusCode()).isEqualTo(409);
        assertThat(move(contributor, asset, "{\"to\":\"finished\"}").statusCode()).isEqualTo(400);
        assertThat(move(contributor, asset, "{\"to\":\"in_review\",\"colour\":1}").statusCode()).isEqualTo(400);
    }

    @Test
    void each_move_needs_its_own_permission_and_nobody_approves_her_own_submission() throws Exception {
        String asset = client.asset(705, null);
        HttpResponse<String> r = move(reviewer, asset, "{\"to\":\"in_review\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("workflow.submit");
        r = move(consumer, asset, "{\"to\":\"in_review\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("workflow.read");
        r = move(contributor, asset, "{\"to\":\"archived\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("workflow.publish");

        String brandLead = client.user("librarian");
        ok(move(brandLead, asset, "{\"to\":\"in_review\",\"channel\":\"print\"}"));
        assertThat(review(asset).path("tasks").findValuesAsText("role")).containsExactlyInAnyOrder("reviewer", "librarian");
        r = move(brandLead, asset, "{\"to\":\"approved\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("four eyes");
        r = move(contributor, asset, "{\"to\":\"approved\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("workflow.review");
    }

    @Test
    void the_review_queue_shows_open_tasks_for_my_roles_in_my_regions_overdue_first() throws Exception {
        String german = client.asset(706, null);
        client.restrict(german, "DE");
        String printJob = client.asset(707, null);
        String reviewerDe = client.user("reviewer", "DE");
        String reviewerFr = client.user("reviewer", "FR");
        ok(move(contributor, printJob, "{\"to\":\"in_review\",\"channel\":\"print\"}"));
        ok(client.admin("POST", "/api/v1/assets/" + german + "/transitions", "{\"to\":\"in_review\"}"));
        Thread.sleep(2100); // the German tier-1 task (due after 2 s) is now overdue; the tier-2 one is not

        List<String> de = queue(reviewerDe, List.of(german, printJob));
        assertThat(de).containsExactly(german + " overdue", printJob + " due");
        assertThat(queue(reviewerFr, List.of(german, printJob))).containsExactly(printJob + " due");
        assertThat(queue(legal, List.of(german, printJob))).isEmpty();
        JsonNode page = ok(client.call(reviewerDe, "GET", "/api/v1/tasks?limit=1", null));
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("nextCursor").asText()).isNotBlank();
        assertThat(client.call(reviewerDe, "GET", "/api/v1/tasks?cursor=garbage", null).statusCode()).isEqualTo(400);
    }

    private static List<String> queue(String token, List<String> mine) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode t : ok(client.call(token, "GET", "/api/v1/tasks?limit=200", null)).path("items")) {
            String id = t.path("asset").path("id").asText();
            if (mine.contains(id)) {
                out.add(id + (t.path("overdue").asBoolean() ? " overdue" : " due"));
            }
        }
        return out;
    }

    @Test
    void overdue_tasks_are_reminded_once_per_interval_and_the_reminder_is_visible() throws Exception {
        String asset = client.asset(708, null);
        ok(move(contributor, asset, "{\"to\":\"in_review\"}"));
        Thread.sleep(2100);
        JsonNode dry = ok(client.admin("POST", "/api/v1/workflow/reminders/run?dryRun=true", null));
        assertThat(dry.path("reminders").toString()).contains(asset);
        assertThat(review(asset).path("tasks").get(0).path("reminders").asInt()).isZero();
        JsonNode run = ok(client.admin("POST", "/api/v1/workflow/reminders/run", null));
        assertThat(run.path("reminders").toString()).contains(asset);
        JsonNode again = ok(client.admin("POST", "/api/v1/workflow/reminders/run", null));
        assertThat(again.path("reminders").toString()).doesNotContain(asset);
        JsonNode task = review(asset).path("tasks").get(0);
        assertThat(task.path("overdue").asBoolean()).isTrue();
        assertThat(task.path("reminders").asInt()).isEqualTo(1);
        assertThat(task.path("lastRemindedAt").asText()).isNotBlank();
        assertThat(review(asset).path("history").findValuesAsText("kind")).contains("reminder");
        assertThat(auditActions(asset)).contains("workflow.task.remind by system");
        assertThat(auditActions(null)).anyMatch(a -> a.startsWith("workflow.reminders.run by"));
        assertThat(client.call(reviewer, "POST", "/api/v1/workflow/reminders/run", null).statusCode()).isEqualTo(403);
    }

    @Test
    void only_approved_assets_get_delivery_links_or_reach_external_partners() throws Exception {
        String asset = client.asset(709, null);
        String partner = client.user("external");
        String body = "{\"rendition\":\"thumb\",\"channel\":\"web\",\"region\":\"DE\"}";
        HttpResponse<String> draftLink = client.admin("POST", "/api/v1/assets/" + asset + "/delivery-urls", body);
        assertThat(draftLink.statusCode()).isEqualTo(409);
        assertThat(client.json(draftLink).path("type").asText()).isEqualTo("/problems/not-approved");
        assertThat(client.json(draftLink).path("detail").asText()).contains("is draft").contains("approved");
        HttpResponse<String> draftDownload = client.call(partner, "GET", "/api/v1/assets/" + asset + "/renditions/thumb", null);
        assertThat(draftDownload.statusCode()).isEqualTo(409);
        assertThat(client.json(draftDownload).path("detail").asText()).contains("external partners");
        assertThat(client.admin("GET", "/api/v1/assets/" + asset + "/renditions/thumb", null).statusCode()).isEqualTo(200);

        client.approve(asset);
        assertThat(client.call(partner, "GET", "/api/v1/assets/" + asset + "/renditions/thumb", null).statusCode()).isEqualTo(200);
        HttpResponse<String> link = client.admin("POST", "/api/v1/assets/" + asset + "/delivery-urls", body);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String url = client.json(link).path("url").asText();
        assertThat(server.sendBytes(HttpRequest.newBuilder(URI.create(url)).GET().build()).statusCode()).isEqualTo(200);

        ok(move(librarian, asset, "{\"to\":\"archived\",\"comment\":\"campaign over\"}"));
        HttpResponse<byte[]> archived = server.sendBytes(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(archived.statusCode()).isEqualTo(409);
        assertThat(new String(archived.body(), StandardCharsets.UTF_8)).contains("archived");
        assertThat(auditActions(asset)).contains("delivery-url.use.denied by signed-link");
    }

    @Test
    void a_new_version_after_approval_must_be_reviewed_before_it_is_published_or_shared() throws Exception {
        String asset = client.asset(710, null);
        client.approve(asset);
        TestServer.Multipart file = new TestServer.Multipart().file("file", "v2.jpg", Media.jpeg(64, 48, 7102));
        HttpResponse<String> v2 = server.send(server.request("/api/v1/assets/" + asset + "/versions")
                .header("Content-Type", file.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(file.bytes())).build());
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        server.awaitSettled(asset);
        // the new version's renditions are made in the background; the link below asks for its thumbnail
        for (int i = 0; i < 300 && !server.get("/api/v1/assets/" + asset).body().contains("\"name\":\"thumb\""); i++) {
            Thread.sleep(100);
        }
        HttpResponse<String> publish = move(librarian, asset, "{\"to\":\"published\"}");
        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(client.json(publish).path("detail").asText()).contains("version 2").contains("version 1");
        HttpResponse<String> link = client.admin("POST", "/api/v1/assets/" + asset + "/delivery-urls",
                "{\"rendition\":\"thumb\",\"channel\":\"web\",\"region\":\"DE\"}");
        assertThat(link.statusCode()).isEqualTo(409);
        assertThat(ok(move(contributor, asset, "{\"to\":\"in_review\"}")).path("reviewedVersion").asInt()).isEqualTo(2);
    }

    @Test
    void comments_are_listed_with_the_review_and_written_to_the_audit_chain() throws Exception {
        String asset = client.asset(711, null);
        JsonNode r = ok(client.call(reviewer, "POST", "/api/v1/assets/" + asset + "/comments", "{\"text\":\"crop the logo?\"}"));
        assertThat(r.path("comments").get(0).path("text").asText()).isEqualTo("crop the logo?");
        assertThat(r.path("comments").get(0).path("actor").asText()).contains("reviewer");
        assertThat(client.call(reviewer, "POST", "/api/v1/assets/" + asset + "/comments", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(client.call(consumer, "POST", "/api/v1/assets/" + asset + "/comments", "{\"text\":\"hi\"}").statusCode()).isEqualTo(403);
        assertThat(auditActions(asset)).anyMatch(a -> a.startsWith("workflow.comment by") && a.contains("reviewer"));
        assertThat(ok(client.admin("GET", "/api/v1/audit/verify", null)).path("valid").asBoolean()).isTrue();
    }

    @Test
    void the_tier_rules_are_listed_as_data_with_each_tiers_approvers_and_review_time() throws Exception {
        JsonNode rules = ok(client.call(reviewer, "GET", "/api/v1/workflow/rules", null));
        assertThat(rules.path("rules").findValuesAsText("name"))
                .contains("baseline", "moving-image-and-sound", "paid-channels", "ai-generated", "risk-flagged");
        assertThat(rules.path("tiers").path("3").path("approvers").toString()).isEqualTo("[\"legal\",\"compliance\"]");
        assertThat(rules.path("tiers").path("1").path("reviewTime").asText()).isEqualTo("PT2S");
        assertThat(rules.path("aiDigitalSourceTypes").toString()).contains("trainedAlgorithmicMedia");
        assertThat(client.call(consumer, "GET", "/api/v1/workflow/rules", null).statusCode()).isEqualTo(403);
    }

    @Test
    void hostile_or_malformed_workflow_requests_get_precise_4xx_problems_never_500() throws Exception {
        String asset = client.asset(712, null);
        Map<String, Integer> bodies = new java.util.LinkedHashMap<>();
        bodies.put("not json", 400);
        bodies.put("[]", 400);
        bodies.put("{\"to\":5}", 400);
        bodies.put("{\"to\":\"in_review\",\"channel\":\"radio\"}", 400);
        bodies.put("{\"to\":\"in_review\",\"comment\":\"" + "x".repeat(4001) + "\"}", 400);
        for (var e : bodies.entrySet()) {
            HttpResponse<String> r = move(contributor, asset, e.getKey());
            assertThat(r.statusCode()).as(e.getKey().length() > 60 ? "long comment" : e.getKey()).isEqualTo(e.getValue());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        String inputs = "/api/v1/assets/" + asset + "/workflow";
        assertThat(client.call(contributor, "PATCH", inputs, "{\"riskFlags\":[\"Not A Slug\"]}").statusCode()).isEqualTo(400);
        assertThat(client.call(contributor, "PATCH", inputs, "{\"riskFlags\":\"minors\"}").statusCode()).isEqualTo(400);
        assertThat(client.call(contributor, "PATCH", inputs, "{\"aiGenerated\":\"yes\"}").statusCode()).isEqualTo(400);
        assertThat(client.call(contributor, "PATCH", inputs, "{}").statusCode()).isEqualTo(400);
        assertThat(client.call(contributor, "POST", "/api/v1/assets/" + asset + "/comments", "{\"text\":[1]}").statusCode()).isEqualTo(400);
        ok(move(contributor, asset, "{\"to\":\"in_review\"}"));
        HttpResponse<String> foreignTask = move(reviewer, asset, "{\"to\":\"approved\",\"taskId\":\"" + "z".repeat(300) + "\"}");
        assertThat(foreignTask.statusCode()).isEqualTo(403);
        assertThat(client.json(foreignTask).path("detail").asText()).contains("is not an open task of yours");
        assertThat(move(reviewer, "01hzzzzzzzzzzzzzzzzzzzzzzz", "{\"to\":\"approved\"}").statusCode()).isEqualTo(404);
    }

    /** The JPEG with an XMP packet declaring its IPTC Digital Source Type, as generators and editors write it. */
    static byte[] withDigitalSourceType(byte[] jpeg, String code) {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/" + code + "\"/>"
                + "</rdf:RDF></x:xmpmeta>";
        byte[] payload = ("http://ns.adobe.com/xap/1.0/\0" + xmp).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static void awaitSearch(String filter, String asset) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (client.admin("GET", "/api/v1/search?" + filter, null).body().contains(asset)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search for " + filter + " never found " + asset);
    }
}
