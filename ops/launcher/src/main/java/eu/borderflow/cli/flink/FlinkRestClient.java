package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * JSON calls to a Flink cluster's REST API (java.net.http and Jackson). A cluster that does not answer becomes a
 * {@link ClusterUnavailableException}; an answer with an error status becomes a {@link FlinkRestException} carrying
 * Flink's own error lines.
 */
public final class FlinkRestClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Flink runs a job's main() inside the /run call; on a loaded machine that takes a while. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public FlinkRestClient(String url) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String url() {
        return base.toString().replaceAll("/$", "");
    }

    public JsonNode get(String path) {
        return send(request(path).GET(), path);
    }

    public JsonNode post(String path, Object body) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))),
                path);
    }

    public JsonNode patch(String path) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.noBody()), path);
    }

    public JsonNode delete(String path) {
        return send(request(path).DELETE(), path);
    }

    /** {@code POST /jars/upload} with the jar as the multipart field {@code jarfile}. */
    public JsonNode uploadJar(Path jar) {
        String boundary = "borderflow-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofByteArray(tail));
        } catch (IOException e) {
            throw new FlinkRestException("cannot read the job jar " + jar + ": " + e.getMessage(), 0, null);
        }
        return send(
                request("jars/upload")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(body),
                "jars/upload");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ClusterUnavailableException(url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(url(), e);
        }
        JsonNode body = parse(response.body());
        // Flink answers JSON, and its errors in an "errors" array: anything else is another server (a metrics port).
        if (body == null || (response.statusCode() >= 300 && !body.has("errors"))) {
            throw new ClusterUnavailableException(url(), path, response.statusCode());
        }
        if (response.statusCode() >= 300) {
            throw new FlinkRestException(path + " answered HTTP " + response.statusCode(), response.statusCode(), body);
        }
        return body;
    }

    /** The answer's JSON (an empty object for an empty answer), or {@code null} when it is not JSON. */
    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write a request body as JSON", e);
        }
    }
}
