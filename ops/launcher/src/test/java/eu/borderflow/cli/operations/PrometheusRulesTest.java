package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus configuration and alert rules of ops/prometheus, checked by Prometheus's own promtool: the
 * configuration loads, and every alert has unit tests in which it fires on the input it is for and stays quiet on
 * the normal case (promtool test rules). promtool comes with Debian's prometheus package, which ops/test.sh installs.
 */
class PrometheusRulesTest {

    private static final Path DIR = LocalPlatform.ROOT.resolve("ops/prometheus");

    @Test
    void theConfigurationAndRulesCheck() throws Exception {
        String out = promtool("check", "config", "prometheus.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void everyAlertPassesItsUnitTests() throws Exception {
        String out = promtool("test", "rules", "tests/borderflow.test.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void everyAlertHasAFiringAndAQuietTest() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> alerts = shippedAlerts();
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test :
                yaml.readTree(DIR.resolve("tests/borderflow.test.yml").toFile()).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? quiet : firing)
                        .add(check.path("alertname").asText());
            }
        }
        assertEquals(
                11,
                alerts.size(),
                "the alerts of issue 11, BorderflowKafkaUnreachable and BorderflowDashboardPasswordGuessing: "
                        + alerts);
        for (String alert : alerts) {
            assertTrue(firing.contains(alert), alert + " has a test in which it fires");
            assertTrue(quiet.contains(alert), alert + " has a test in which it stays quiet");
        }
    }

    /** The alerts of ops/prometheus/rules/borderflow.yml, the file `prometheus up` loads. */
    static Set<String> shippedAlerts() throws IOException {
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : new ObjectMapper(new YAMLFactory())
                .readTree(DIR.resolve("rules/borderflow.yml").toFile())
                .path("groups")) {
            group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
        }
        return alerts;
    }

    static String promtool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "promtool is missing: apt-get install -y --no-install-recommends prometheus "
                            + "(ops/test.sh does)",
                    e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "promtool " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
