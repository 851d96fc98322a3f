package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification inbox in the browser: the bell counts her unread notifications, the inbox lists
 * them newest first and marks one or all read, through the API's service and with its rules (hers
 * only; none about assets she cannot see), and the live stream carries what makes the bell ask again.
 */
class WebUiNotificationsTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A contributor in DE who uploaded {@code n} assets whose licence ends in 10 days, warned by a lifecycle run. */
    private static Person warned(String name, int n, int seed) throws Exception {
        JsonNode created = server.json(gov.admin("POST", "/api/v1/users", "{\"name\":\"" + name + "\",\"roles\":[\"contributor\"],\"regions\":[\"DE\"]}"));
        String token = created.path("token").asText();
        String licence = gov.licence("{\"channels\":[\"web\"],\"end\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}");
        String[] assets = new String[n];
        for (int i = 0; i < n; i++) {
            TestServer.Multipart body = new TestServer.Multipart().file("file", name + i + ".jpg", WebUiBrowserTest.image(64, 48, seed + i, "jpg"));
            HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets?onDuplicate=allow"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
            assets[i] = server.json(r).path("id").asText();
            server.awaitSettled(assets[i]);
            gov.attach(assets[i], licence);
        }
        assertThat(gov.admin("POST", "/api/v1/lifecycle/run", null).statusCode()).isEqualTo(200);
        return new Person(token, WebUiGovernanceTest.signIn(server, token), assets);
    }

    record Person(String token, WebUiGovernanceTest.Browser browser, String[] assets) {}

    private static HttpResponse<String> htmxPost(WebUiGovernanceTest.Browser b, String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", b.cookie())
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ids(String html) {
        Matcher m = Pattern.compile("data-notification=\"([^\"]+)\"").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(m.group(1)).append(' ');
        }
        return out.toString().strip();
    }

    @Test
    void the_bell_counts_her_unread_and_the_inbox_marks_one_and_then_all_read() throws Exception {
        Person olga = warned("olga", 3, 1200);
        var b = olga.browser();
        assertThat(b.get("/notifications/badge").body()).contains("aria-label=\"Notifications, 3 unread\"").contains(">3</span>");
        String inbox = b.get("/notifications").body();
        assertThat(inbox).contains("A licence ends soon").contains("3 unread.").contains("olga2.jpg").contains("Mark all as read");
        JsonNode api = server.json(gov.call(olga.token(), "GET", "/api/v1/notifications", null)).path("items");
        assertThat(ids(inbox)).as("newest first, as the API lists them")
                .isEqualTo(api.get(0).path("id").asText() + " " + api.get(1).path("id").asText() + " " + api.get(2).path("id").asText());
        String csrf = WebUiGovernanceTest.csrf(inbox);

        String first = api.get(0).path("id").asText();
        HttpResponse<String> one = htmxPost(b, "/notifications/" + first + "/read", "_csrf=" + csrf);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("HX-Trigger")).as("the bell asks again").hasValue("vitrine:notifications");
        assertThat(one.body()).contains("Marked as read.").contains("2 unread.");
        assertThat(server.json(gov.call(olga.token(), "GET", "/api/v1/notifications?unread=true", null)).path("items")).hasSize(2);
        assertThat(b.get("/notifications/badge").body()).contains("Notifications, 2 unread");

        Matcher upTo = Pattern.compile("name=\"upto\" value=\"([^\"]+)\"").matcher(one.body());
        assertThat(upTo.find()).isTrue();
        HttpResponse<String> all = b.post("/notifications/read-all", "_csrf=" + csrf + "&upto=" + upTo.group(1));
        assertThat(all.statusCode()).as("a plain form post goes back to the inbox").isEqualTo(303);
        assertThat(b.get("/notifications").body()).contains("Nothing unread.").doesNotContain("Mark all as read");
        assertThat(b.get("/notifications/badge").body()).contains("Notifications, none unread").doesNotContain("bell-count");
        assertThat(b.post("/notifications/read-all", "_csrf=" + csrf + "&upto=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void nobody_reads_or_marks_anothers_notifications_and_assets_out_of_sight_are_left_out() throws Exception {
        Person pia = warned("pia", 2, 1300);
        String theirs = server.json(gov.call(pia.token(), "GET", "/api/v1/notifications", null)).path("items").get(0).path("id").asText();
        var stranger = WebUiGovernanceTest.signIn(server, gov.user("librarian", "DE"));
        String csrf = WebUiGovernanceTest.csrf(stranger.get("/notifications").body());
        assertThat(stranger.get("/notifications").body()).doesNotContain(theirs).contains("No notifications");
        assertThat(stranger.post("/notifications/" + theirs + "/read", "_csrf=" + csrf).statusCode()).isEqualTo(404);
        assertThat(pia.browser().post("/notifications/" + theirs + "/read", "").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(server.json(gov.call(pia.token(), "GET", "/api/v1/notifications?unread=true", null)).path("items")).hasSize(2);

        gov.restrict(pia.assets()[0], "FR");
        assertThat(pia.browser().get("/notifications/badge").body()).contains("Notifications, 1 unread");
        assertThat(pia.browser().get("/notifications").body()).doesNotContain(pia.assets()[0]).contains(pia.assets()[1]);
    }

    @Test
    void the_sessions_live_stream_carries_the_expiry_warning_that_makes_the_bell_ask_again() throws Exception {
        Person ute = warned("ute", 1, 1400);
        HttpResponse<String> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/events?lastEventId=0&timeout=1"))
                .header("Cookie", ute.browser().cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stream.body()).contains("{\"type\":\"licence.expiring\",\"subject\":\"" + ute.assets()[0] + "\"}");
    }
}
