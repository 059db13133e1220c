package eu.borderflow.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP client of the dashboard as a browser uses it: the session cookie it was given, and the CSRF token it read
 * from the session, sent on state-changing requests.
 */
public final class Web {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String cookie;
    private String csrf;

    public Web(String base) {
        this.base = base;
    }

    /** Signs in; the answer's status (200 when signed in). */
    public int signIn(String user, String password) throws Exception {
        HttpResponse<String> r = send(request("/api/login")
                .header("Content-Type", "application/json")
                .POST(body(Map.of("user", user, "password", password)))
                .build());
        if (r.statusCode() == 200) {
            cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            csrf = JSON.readTree(r.body()).path("csrf_token").asText();
        }
        return r.statusCode();
    }

    public static Web signedIn(String base, String user) throws Exception {
        Web web = new Web(base);
        int status = web.signIn(user, TestDashboard.password(user));
        if (status != 200) {
            throw new IllegalStateException(user + " could not sign in: " + status);
        }
        return web;
    }

    public String cookie() {
        return cookie;
    }

    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(withCookie(request(path)).GET().build());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A state-changing request as the page sends it: JSON, with the CSRF token. */
    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send(withCookie(request(path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf)
                .POST(body(body))
                .build());
    }

    /** Any request, for the tests that forge one. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public HttpRequest.Builder withCookie(HttpRequest.Builder builder) {
        return cookie == null ? builder : builder.header("Cookie", cookie);
    }

    public static HttpRequest.BodyPublisher body(Object value) throws IOException {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    }

    public static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }
}
