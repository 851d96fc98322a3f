package io.vitrine.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as sign-in needs one: a cookie jar and redirects, followed one hop at a time so a
 * test can see (and replay) each hop.
 */
final class Visitor {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Every URL visited by the last {@link #get}/{@link #post}, redirects included. */
    final List<URI> hops = new ArrayList<>();

    HttpResponse<String> get(URI uri) throws Exception {
        hops.clear();
        return follow(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        hops.clear();
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(uri).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> follow(HttpRequest first) throws Exception {
        HttpRequest request = first;
        for (int i = 0; i < 15; i++) {
            hops.add(request.uri());
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() < 300 || r.statusCode() >= 400 || r.headers().firstValue("Location").isEmpty()) {
                return r;
            }
            URI next = request.uri().resolve(r.headers().firstValue("Location").get());
            request = HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build();
        }
        throw new AssertionError("redirect loop: " + hops);
    }

    /** Signs in at the provider's own login form (the page the last request ended on). */
    HttpResponse<String> signInAtProvider(HttpResponse<String> loginForm, String username, String password) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginForm.body());
        if (!csrf.find()) {
            throw new AssertionError("not the provider's login form: " + loginForm.uri() + " " + loginForm.body());
        }
        return post(loginForm.uri(), Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals(name) && !c.getValue().isEmpty());
    }
}
