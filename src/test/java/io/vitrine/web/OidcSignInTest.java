package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import io.vitrine.web.oidc.OpenIdProvider;
import io.vitrine.web.oidc.OpenIdProvider.Account;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in through a real OpenID provider (Spring Authorization Server on loopback, {@link OpenIdProvider}),
 * driven like a browser: redirects followed, cookies kept, the provider's own login form filled in.
 */
class OidcSignInTest {
    @TempDir
    static Path data;

    static OpenIdProvider provider;
    static TestServer server;
    static GovernanceClient gov;
    static String germanOnly;
    static String frenchOnly;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        List<String> librarianDe = List.of("librarian");
        provider = new OpenIdProvider(List.of(base + "/login/oidc/callback"), List.of(
                new Account("ann", librarianDe, List.of("de")),
                new Account("bob", List.of("dam-admins"), List.of()),
                new Account("carol", librarianDe, List.of("DE")),
                new Account("dave", List.of("consumer"), List.of("FR")),
                new Account("visitor", List.of("staff"), List.of("DE")),
                new Account("expired", librarianDe, List.of("DE")),
                new Account("stranger", librarianDe, List.of("DE")),
                new Account("mallory", librarianDe, List.of("DE"))));
        server = new TestServer(data, Map.of("VITRINE_PORT", Integer.toString(port), "VITRINE_OIDC_ISSUER", provider.issuer(),
                "VITRINE_OIDC_CLIENT_ID", OpenIdProvider.CLIENT_ID, "VITRINE_OIDC_CLIENT_SECRET", OpenIdProvider.CLIENT_SECRET,
                "VITRINE_OIDC_REDIRECT_BASE_URL", base, "VITRINE_OIDC_NAME", "Test Provider",
                "VITRINE_OIDC_ROLE_MAP", "dam-admins=admin", "VITRINE_OIDC_API_AUDIENCE", OpenIdProvider.CLIENT_ID));
        gov = new GovernanceClient(server);
        germanOnly = gov.asset(601, "{\"title\":\"Oktoberfest tent\"}");
        gov.restrict(germanOnly, "DE");
        frenchOnly = gov.asset(602, "{\"title\":\"Tour Eiffel\"}");
        gov.restrict(frenchOnly, "FR");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        provider.close();
    }

    /** Starts at Vitrine's "Sign in with", signs in at the provider, and returns where the browser ended. */
    static HttpResponse<String> signIn(Visitor v, String username) throws Exception {
        HttpResponse<String> form = v.get(server.uri("/login/oidc"));
        assertThat(form.uri().toString()).startsWith(provider.issuer() + "/login");
        return v.signInAtProvider(form, username, OpenIdProvider.PASSWORD);
    }

    static JsonNode userNamed(String name) throws Exception {
        for (JsonNode u : server.json(gov.admin("GET", "/api/v1/users", null)).path("users")) {
            if (u.path("name").asText().equals(name)) {
                return u;
            }
        }
        throw new AssertionError("no user " + name);
    }

    @Test
    void signing_in_with_the_provider_opens_a_session_that_sees_only_the_users_regions() throws Exception {
        Visitor v = new Visitor();
        assertThat(v.get(server.uri("/")).body()).contains("Sign in with Test Provider").contains("name=\"token\"");
        HttpResponse<String> library = signIn(v, "ann");
        assertThat(library.uri()).isEqualTo(server.uri("/"));
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(v.hops).anyMatch(u -> u.getPath().equals("/login/oidc/callback"));
        assertThat(v.cookies.getCookieStore().getCookies()).anyMatch(c -> c.getName().equals("vitrine_session") && c.isHttpOnly());
        String page = library.body();
        for (int i = 0; i < 50 && !page.contains(germanOnly); i++) {
            Thread.sleep(100);
            page = v.get(server.uri("/")).body();
        }
        assertThat(page).contains(germanOnly).doesNotContain(frenchOnly);
        JsonNode ann = userNamed("ann");
        assertThat(ann.path("roles").toString()).isEqualTo("[\"librarian\"]");
        assertThat(ann.path("regions").toString()).isEqualTo("[\"DE\"]");
        JsonNode identity = server.json(gov.admin("GET", "/api/v1/users/" + ann.path("id").asText(), null)).path("identities").get(0);
        assertThat(identity.path("issuer").asText()).isEqualTo(provider.issuer());
        assertThat(identity.path("subject").asText()).isEqualTo("ann");
        assertThat(gov.admin("GET", "/api/v1/audit?limit=200", null).body()).contains("user.sign-in").contains(ann.path("id").asText());
    }

    @Test
    void signing_out_ends_the_vitrine_session_and_the_providers_through_its_end_session_endpoint() throws Exception {
        Visitor v = new Visitor();
        HttpResponse<String> library = signIn(v, "carol");
        assertThat(library.uri()).isEqualTo(server.uri("/"));
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(library.body());
        assertThat(csrf.find()).as("a form with the CSRF token on the library page").isTrue();
        HttpResponse<String> out = v.post(server.uri("/logout"), Map.of("_csrf", csrf.group(1)));
        URI atProvider = v.hops.get(1);
        assertThat(atProvider.toString()).startsWith(provider.issuer() + "/connect/logout?")
                .contains("id_token_hint=ey").contains("client_id=" + OpenIdProvider.CLIENT_ID)
                .contains("post_logout_redirect_uri=" + java.net.URLEncoder.encode(server.uri("/login").toString(), "UTF-8"));
        assertThat(out.uri()).as("the provider sends her back to Vitrine's sign-in page").isEqualTo(server.uri("/login"));
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(v.get(server.uri("/")).body()).contains("name=\"token\"");
        // the provider's session ended too: signing in again asks for the password instead of passing straight through
        HttpResponse<String> again = v.get(server.uri("/login/oidc"));
        assertThat(again.uri().toString()).startsWith(provider.issuer() + "/login");
    }

    @Test
    void a_token_session_signs_out_locally() throws Exception {
        Visitor v = new Visitor();
        String token = gov.user("consumer", "DE");
        HttpResponse<String> library = v.post(server.uri("/login"), Map.of("token", token));
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(library.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> out = v.post(server.uri("/logout"), Map.of("_csrf", csrf.group(1)));
        assertThat(v.hops).noneMatch(u -> u.toString().startsWith(provider.issuer()));
        assertThat(out.uri()).isEqualTo(server.uri("/login"));
    }

    @Test
    void a_group_claim_maps_to_a_role_through_the_configured_role_map() throws Exception {
        Visitor v = new Visitor();
        assertThat(signIn(v, "bob").statusCode()).isEqualTo(200);
        assertThat(userNamed("bob").path("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(v.get(server.uri("/upload")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_user_the_mapping_gives_no_role_gets_a_403_page_and_no_session() throws Exception {
        Visitor v = new Visitor();
        HttpResponse<String> r = signIn(v, "visitor");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("No access to Vitrine").contains("no Vitrine role");
        assertThat(v.hasCookie("vitrine_session")).isFalse();
    }

    @Test
    void a_callback_with_a_wrong_state_or_without_a_started_sign_in_opens_no_session() throws Exception {
        Visitor v = new Visitor();
        v.get(server.uri("/login/oidc"));
        HttpResponse<String> wrong = v.get(server.uri("/login/oidc/callback?code=abc&state=forged"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("does not belong");
        HttpResponse<String> none = new Visitor().get(server.uri("/login/oidc/callback?code=abc&state=forged"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("expired");
        assertThat(v.hasCookie("vitrine_session")).isFalse();
    }

    @Test
    void a_replayed_callback_is_refused() throws Exception {
        Visitor v = new Visitor();
        signIn(v, "dave");
        URI callback = v.hops.stream().filter(u -> u.getPath().equals("/login/oidc/callback")).findFirst().orElseThrow();
        Visitor attacker = new Visitor();
        assertThat(attacker.get(callback).statusCode()).isEqualTo(400);
        attacker.get(server.uri("/login/oidc")); // a fresh attempt of her own does not make the old answer hers
        assertThat(attacker.get(callback).statusCode()).isEqualTo(400);
        assertThat(attacker.hasCookie("vitrine_session")).isFalse();
    }

    @Test
    void an_expired_id_token_is_refused() throws Exception {
        assertRefused("expired", "expired");
    }

    @Test
    void an_id_token_for_another_client_is_refused() throws Exception {
        assertRefused("stranger", "audience");
    }

    @Test
    void an_id_token_signed_with_a_key_the_provider_does_not_publish_is_refused() throws Exception {
        assertRefused("mallory", "signature");
    }

    private static void assertRefused(String username, String reason) throws Exception {
        Visitor v = new Visitor();
        HttpResponse<String> r = signIn(v, username);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.body()).contains("Sign-in failed").containsIgnoringCase(reason);
        assertThat(v.hasCookie("vitrine_session")).isFalse();
        assertThat(v.get(server.uri("/")).body()).contains("name=\"token\"");
    }

    @Test
    void a_revoked_users_session_dies_at_once_and_she_cannot_sign_in_again() throws Exception {
        Visitor v = new Visitor();
        assertThat(signIn(v, "carol").statusCode()).isEqualTo(200);
        assertThat(v.get(server.uri("/assets/" + germanOnly)).statusCode()).isEqualTo(200);
        String id = userNamed("carol").path("id").asText();
        assertThat(gov.admin("POST", "/api/v1/users/" + id + "/revoke", null).statusCode()).isEqualTo(200);
        HttpResponse<String> after = v.get(server.uri("/assets/" + germanOnly));
        assertThat(after.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> again = signIn(new Visitor(), "carol");
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("revoked");
        JsonNode detail = server.json(gov.admin("GET", "/api/v1/users/" + id, null));
        assertThat(detail.path("revokedAt").isNull()).isFalse();
        assertThat(detail.path("tokens").findValuesAsText("active")).containsOnly("false");
    }

    @Test
    void sign_in_keeps_working_when_the_provider_rotates_its_signing_key() throws Exception {
        assertThat(signIn(new Visitor(), "ann").statusCode()).isEqualTo(200);
        String old = provider.currentKeyId();
        provider.rotateKeys();
        assertThat(provider.currentKeyId()).isNotEqualTo(old);
        Thread.sleep(2_500); // Vitrine re-reads the key set at most every two seconds
        assertThat(signIn(new Visitor(), "ann").statusCode()).isEqualTo(200);
    }

    @Test
    void the_providers_access_token_is_a_bearer_token_for_someone_who_signed_in_and_nobody_else() throws Exception {
        assertThat(signIn(new Visitor(), "ann").statusCode()).isEqualTo(200);
        var annTokens = tokens("ann");
        String annToken = annTokens.getAccessToken().getValue();
        assertThat(bearer(annTokens.getIDTokenString(), "/api/v1/assets").statusCode()).as("an ID token is not an access token")
                .isEqualTo(401);
        HttpResponse<String> list = bearer(annToken, "/api/v1/assets?limit=200");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(germanOnly).doesNotContain(frenchOnly);
        assertThat(bearer(annToken, "/api/v1/audit").statusCode()).isEqualTo(403);
        String[] parts = annToken.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "B" : "A") + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];
        assertThat(bearer(tampered, "/api/v1/assets").statusCode()).isEqualTo(401);
        // she never signed in to Vitrine, so the provider's word alone does not make her a user
        assertThat(bearer(accessToken("expired"), "/api/v1/assets").statusCode()).isEqualTo(401);
    }

    private static String accessToken(String username) throws Exception {
        return tokens(username).getAccessToken().getValue();
    }

    /** An authorization code flow of the test's own (same client, with a nonce), stopped at the code, exchanged at the token endpoint. */
    private static com.nimbusds.openid.connect.sdk.token.OIDCTokens tokens(String username) throws Exception {
        var verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
        URI redirect = server.uri("/login/oidc/callback");
        URI authorize = new com.nimbusds.openid.connect.sdk.AuthenticationRequest.Builder(com.nimbusds.oauth2.sdk.ResponseType.CODE,
                com.nimbusds.oauth2.sdk.Scope.parse("openid"), new com.nimbusds.oauth2.sdk.id.ClientID(OpenIdProvider.CLIENT_ID), redirect)
                .endpointURI(URI.create(provider.issuer() + "/oauth2/authorize"))
                .state(new com.nimbusds.oauth2.sdk.id.State()).nonce(new com.nimbusds.openid.connect.sdk.Nonce())
                .codeChallenge(verifier, com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256).build().toURI();
        Visitor v = new Visitor();
        v.signInAtProvider(v.get(authorize), username, OpenIdProvider.PASSWORD);
        URI callback = v.hops.stream().filter(u -> u.getPath().equals("/login/oidc/callback")).findFirst().orElseThrow();
        String code = java.util.Arrays.stream(callback.getRawQuery().split("&")).filter(p -> p.startsWith("code="))
                .findFirst().orElseThrow().substring(5);
        var request = new com.nimbusds.oauth2.sdk.TokenRequest(URI.create(provider.issuer() + "/oauth2/token"),
                new com.nimbusds.oauth2.sdk.auth.ClientSecretBasic(new com.nimbusds.oauth2.sdk.id.ClientID(OpenIdProvider.CLIENT_ID),
                        new com.nimbusds.oauth2.sdk.auth.Secret(OpenIdProvider.CLIENT_SECRET)),
                new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(new com.nimbusds.oauth2.sdk.AuthorizationCode(
                        java.net.URLDecoder.decode(code, java.nio.charset.StandardCharsets.UTF_8)), redirect, verifier));
        var response = com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        return ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    private static HttpResponse<String> bearer(String token, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_provider_that_cannot_be_reached_gives_an_error_page_and_vitrine_still_starts(@TempDir Path other) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (TestServer lonely = new TestServer(other, Map.of("VITRINE_WORKERS", "0",
                "VITRINE_OIDC_ISSUER", "http://127.0.0.1:" + closed, "VITRINE_OIDC_CLIENT_ID", "vitrine",
                "VITRINE_OIDC_CLIENT_SECRET", "x", "VITRINE_OIDC_REDIRECT_BASE_URL", "http://127.0.0.1:1"))) {
            Visitor v = new Visitor();
            assertThat(v.get(lonely.uri("/")).body()).contains("Sign in with your identity provider");
            HttpResponse<String> r = v.get(lonely.uri("/login/oidc"));
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).contains("could not be reached");
            assertThat(v.hasCookie("vitrine_session")).isFalse();
        }
    }

    @Test
    void a_real_browser_signs_in_at_the_providers_form_and_lands_in_the_library() throws Exception {
        try (Browser browser = Browser.start()) {
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30));
            java.util.function.Function<String, org.openqa.selenium.WebElement> find = css -> wait.until(
                    org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.cssSelector(css)));
            browser.driver.get(server.uri("/").toString());
            assertThat(find.apply("#sign-in-provider").getText()).isEqualTo("Sign in with Test Provider");
            find.apply("#token");
            browser.screenshot("login-with-provider");
            find.apply("#sign-in-provider").click();
            find.apply("#username").sendKeys("bob");
            find.apply("#password").sendKeys(OpenIdProvider.PASSWORD);
            find.apply("button[type=submit]").click();
            find.apply("#q");
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.uri("/").toString());
            org.openqa.selenium.Cookie session = browser.driver.manage().getCookieNamed("vitrine_session");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            browser.screenshot("library-after-provider-sign-in");
            assertThat(browser.severeConsoleMessages()).as("besides the provider's missing favicon")
                    .allMatch(m -> m.contains("/favicon.ico"));
        }
    }
}
