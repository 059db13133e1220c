package eu.borderflow.dashboard.health;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.dashboard.view.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the jobs on one Flink cluster, from its REST API (the same a session cluster's JobManager and an
 * embedded MiniCluster serve): per job its state, restarts, last completed and failed checkpoints, and per operator
 * chain its backpressure and, for sources, the records still pending in Kafka (source lag). A cluster that does not
 * answer is reported as not reachable, never as healthy.
 */
public final class FlinkRest {

    /** Jobs detailed per cluster, newest first; older ones are listed with their state only. */
    static final int DETAILED_JOBS = 6;

    private final HttpClient http;
    private final Duration timeout;

    public FlinkRest(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Map<String, Object> cluster(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", base);
        try {
            JsonNode overview = get(base + "/overview");
            out.put("reachable", true);
            out.put("flink_version", overview.path("flink-version").asText(null));
            out.put("taskmanagers", overview.path("taskmanagers").asInt());
            out.put("slots_total", overview.path("slots-total").asInt());
            out.put("slots_available", overview.path("slots-available").asInt());
            List<Object> jobs = new ArrayList<>();
            List<JsonNode> listed = new ArrayList<>();
            get(base + "/jobs/overview").path("jobs").forEach(listed::add);
            listed.sort((a, b) -> Long.compare(
                    b.path("start-time").asLong(), a.path("start-time").asLong()));
            for (int i = 0; i < listed.size(); i++) {
                jobs.add(job(base, listed.get(i), i < DETAILED_JOBS));
            }
            out.put("jobs", jobs);
        } catch (IOException e) {
            out.put("reachable", false);
            out.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.put("reachable", false);
            out.put("error", "interrupted");
        }
        return out;
    }

    private Map<String, Object> job(String base, JsonNode listed, boolean detailed)
            throws IOException, InterruptedException {
        String jid = listed.path("jid").asText();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", jid);
        job.put("name", listed.path("name").asText());
        job.put("state", listed.path("state").asText());
        job.put("start_time", listed.path("start-time").asLong());
        job.put("duration_ms", listed.path("duration").asLong());
        if (!detailed) {
            return job;
        }
        String jobUrl = base + "/jobs/" + jid;
        JsonNode restarts = get(jobUrl + "/metrics?get=numRestarts");
        job.put(
                "restarts",
                restarts.isArray() && restarts.size() > 0
                        ? restarts.get(0).path("value").asLong()
                        : null);
        job.put("checkpoints", checkpoints(get(jobUrl + "/checkpoints")));
        boolean running = "RUNNING".equals(listed.path("state").asText());
        List<Object> vertices = new ArrayList<>();
        for (JsonNode v : get(jobUrl).path("vertices")) {
            vertices.add(vertex(jobUrl + "/vertices/" + v.path("id").asText(), v, running));
        }
        job.put("vertices", vertices);
        return job;
    }

    /**
     * The checkpoint counts, the newest completed and the newest failed checkpoint, and whether they are failing now:
     * the newest failed after the newest completed (committed output waits for checkpoints).
     */
    static Map<String, Object> checkpoints(JsonNode c) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode counts = c.path("counts");
        out.put("completed", counts.path("completed").asLong());
        out.put("failed", counts.path("failed").asLong());
        out.put("in_progress", counts.path("in_progress").asLong());
        JsonNode completed = c.path("latest").path("completed");
        if (completed.isObject()) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("id", completed.path("id").asLong());
            last.put("completed_at", completed.path("latest_ack_timestamp").asLong());
            last.put("duration_ms", completed.path("end_to_end_duration").asLong());
            last.put(
                    "size_bytes",
                    completed
                            .path("checkpointed_size")
                            .asLong(completed.path("state_size").asLong()));
            out.put("last_completed", last);
        }
        JsonNode failed = c.path("latest").path("failed");
        if (failed.isObject()) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("id", failed.path("id").asLong());
            last.put("failed_at", failed.path("failure_timestamp").asLong());
            last.put("message", failed.path("failure_message").asText(null));
            out.put("last_failed", last);
        }
        out.put(
                "failing",
                failed.isObject()
                        && (!completed.isObject()
                                || failed.path("id").asLong()
                                        > completed.path("id").asLong()));
        return out;
    }

    private Map<String, Object> vertex(String vertexUrl, JsonNode v, boolean running)
            throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.path("name").asText());
        out.put("parallelism", v.path("parallelism").asInt());
        out.put("status", v.path("status").asText());
        if (!running) {
            return out;
        }
        JsonNode backpressure = get(vertexUrl + "/backpressure");
        out.put(
                "backpressure",
                backpressure
                        .path("backpressureLevel")
                        .asText(backpressure.path("status").asText("unknown")));
        List<String> lagMetrics = new ArrayList<>();
        for (JsonNode m : get(vertexUrl + "/subtasks/metrics")) {
            String id = m.path("id").asText();
            if (id.endsWith(".pendingRecords")) {
                lagMetrics.add(id);
            }
        }
        if (!lagMetrics.isEmpty()) {
            long pending = 0;
            String ids = URLEncoder.encode(String.join(",", lagMetrics), StandardCharsets.UTF_8);
            for (JsonNode m : get(vertexUrl + "/subtasks/metrics?agg=sum&get=" + ids)) {
                pending += (long) m.path("sum").asDouble();
            }
            out.put("source_pending_records", pending);
        }
        return out;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return Json.MAPPER.readTree(response.body());
    }
}
