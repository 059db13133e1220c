package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/borderflow prometheus up} runs a real Prometheus on loopback that scrapes the local cluster: the
 * JobManager and TaskManager targets are healthy, the cluster's metrics are queryable and the rules are loaded;
 * {@code down} stops it again.
 */
class PrometheusScrapeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void prometheusScrapesTheClusterAndLoadsTheRules() throws Exception {
        LocalPlatform platform = LocalPlatform.get();
        int port = LocalPlatform.freePorts(1);
        Path home = LocalPlatform.ROOT.resolve("var/test-ops/prometheus-" + port);
        Map<String, String> env = Map.of(
                "BORDERFLOW_PROMETHEUS_PORT", String.valueOf(port), "BORDERFLOW_PROMETHEUS_HOME", home.toString());
        String url = "http://127.0.0.1:" + port;
        assertEquals(0, run(platform, env, "up"));
        try {
            Scenario.await("the JobManager and TaskManager targets to be up", () -> {
                JsonNode up = query(url, "up{job=~\"flink-jobmanager|flink-taskmanager\"} == 1");
                return up.size() >= 2;
            });
            Scenario.await(
                    "the cluster's metrics",
                    () -> query(url, "flink_jobmanager_numRegisteredTaskManagers >= 1")
                                    .size()
                            == 1);
            JsonNode groups = get(url + "/api/v1/rules").path("data").path("groups");
            int alerts = 0;
            for (JsonNode group : groups) {
                alerts += group.path("rules").size();
            }
            assertEquals(PrometheusRulesTest.shippedAlerts().size(), alerts, "every alert rule is loaded");
        } finally {
            assertEquals(0, run(platform, env, "down"));
        }
    }

    private JsonNode query(String url, String promql) {
        return get(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("data")
                .path("result");
    }

    private JsonNode get(String url) {
        try {
            return json.readTree(
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                            .body());
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static int run(LocalPlatform platform, Map<String, String> env, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        LocalPlatform.ROOT
                                .resolve("ops/prometheus/prometheus.sh")
                                .toString(),
                        command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("BORDERFLOW_FLINK_METRICS_PORT", String.valueOf(platform.metricsPort()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
