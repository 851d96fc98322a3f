package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /facets: the library's facet counts and result count for a query, as live.js refreshes them, counted like the page. */
class WebUiFacetsTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        String german = gov.asset(1101, "{\"keywords\":[\"harbour\",\"crane\"]}");
        gov.restrict(german, "DE");
        gov.asset(1102, "{\"keywords\":[\"harbour\"]}");
        // the region change reaches the index a moment after the API answered
        String fr = await(signIn("consumer", "FR"), "/facets?keywords=harbour", h -> "1".equals(total(h)));
        assertThat(total(fr)).isEqualTo("1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static WebUiGovernanceTest.Browser signIn(String role, String... regions) throws Exception {
        return WebUiGovernanceTest.signIn(server, gov.user(role, regions));
    }

    /** The index follows a change within a moment: ask until the fragment says what is expected. */
    static String await(WebUiGovernanceTest.Browser who, String path, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String body;
        do {
            HttpResponse<String> r = who.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            body = r.body();
        } while (!done.test(body) && System.nanoTime() < deadline && sleep());
        return body;
    }

    static boolean sleep() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    static String count(String html, String facet, String value) {
        Matcher m = Pattern.compile("name=\"" + facet + "\" value=\"" + Pattern.quote(value) + "\"[^>]*>\\s*<span class=\"v\">[^<]*</span> "
                + "<span class=\"count\">(\\d+)</span>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    static String total(String html) {
        Matcher m = Pattern.compile("data-total=\"(\\d+)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void a_person_outside_a_region_never_counts_the_assets_kept_there() throws Exception {
        String de = await(signIn("consumer", "DE"), "/facets", h -> "2".equals(count(h, "keywords", "harbour")));
        assertThat(count(de, "keywords", "harbour")).isEqualTo("2");
        assertThat(count(de, "keywords", "crane")).isEqualTo("1");
        assertThat(total(de)).isEqualTo("2");

        String fr = signIn("consumer", "FR").get("/facets").body();
        assertThat(count(fr, "keywords", "harbour")).isEqualTo("1");
        assertThat(count(fr, "keywords", "crane")).as("a keyword only a German asset has").isNull();
        assertThat(fr).doesNotContain("crane");
        assertThat(total(fr)).isEqualTo("1");
    }

    @Test
    void the_fragment_answers_for_the_query_and_filters_in_its_url_and_keeps_a_chosen_value_nothing_matches() throws Exception {
        WebUiGovernanceTest.Browser admin = signIn("admin");
        String narrowed = await(admin, "/facets?q=&keywords=crane", h -> "1".equals(total(h)));
        assertThat(total(narrowed)).isEqualTo("1");
        assertThat(narrowed).contains("1 asset found").doesNotContain("id=\"grid\"");
        assertThat(narrowed).containsPattern("name=\"keywords\" value=\"crane\" checked");

        String nothing = admin.get("/facets?keywords=no-such-keyword").body();
        assertThat(total(nothing)).isEqualTo("0");
        assertThat(count(nothing, "keywords", "no-such-keyword")).as("still listed, so it can be unticked").isEqualTo("0");
    }

    @Test
    void new_assets_change_the_counts_the_fragment_gives() throws Exception {
        WebUiGovernanceTest.Browser it = signIn("consumer", "FR");
        assertThat(total(it.get("/facets?keywords=pier").body())).isEqualTo("0");
        gov.asset(1103, "{\"keywords\":[\"pier\",\"lighthouse\"]}");
        String after = await(it, "/facets?keywords=pier", h -> "1".equals(total(h)));
        assertThat(total(after)).isEqualTo("1");
        assertThat(count(after, "keywords", "lighthouse")).isEqualTo("1");
    }

    @Test
    void the_fragment_needs_a_session_and_the_right_to_read_assets() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/facets")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 303, 401);
        assertThat(anonymous.body()).doesNotContain("harbour");
    }
}
