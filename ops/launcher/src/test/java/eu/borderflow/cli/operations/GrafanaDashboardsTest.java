package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards of ops/grafana are importable: valid JSON with a unique uid and title, a Prometheus
 * datasource variable, panels that fit the 24-column grid without overlapping, and a PromQL query in every data panel.
 * (That the metrics they name are served by the running jobs is checked against their live endpoints: the pipeline
 * dashboard's in {@link TaskManagerFailureTest}, the situational picture's in {@link PictureDeploymentTest}; replay's
 * metric names against the replay's meter names here.)
 */
class GrafanaDashboardsTest {

    private static final Path DIR = LocalPlatform.ROOT.resolve("ops/grafana/dashboards");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theDashboardsAreWellFormed() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(
                List.of("pipeline-health.json", "situational-picture.json"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            assertTrue(uids.add(dashboard.path("uid").asText()), name + ": unique uid");
            assertFalse(dashboard.path("title").asText().isBlank(), name + ": title");
            assertTrue(
                    dashboard
                            .path("templating")
                            .path("list")
                            .findValuesAsText("name")
                            .contains("datasource"),
                    name + ": a datasource variable, so the dashboard imports into any Grafana");
            assertPanels(name, dashboard.path("panels"));
        }
    }

    @Test
    void replayMetricsExistAsTheReplayNamesThem() throws IOException {
        String meters = Files.readString(
                LocalPlatform.ROOT.resolve("ops/tools/src/main/java/eu/borderflow/tools/replay/ReplayMetrics.java"));
        Set<String> replay = new HashSet<>();
        for (String name : MetricNames.referenced()) {
            if (name.startsWith("borderflow_replay_")) {
                replay.add(name);
                String meter = name.replaceAll("_(total|seconds)$", "").replace('_', '.');
                assertTrue(meters.contains('"' + meter + '"'), name + " is the Prometheus name of meter " + meter);
            }
        }
        assertFalse(replay.isEmpty(), "the pipeline dashboard shows the replay");
    }

    private static void assertPanels(String name, JsonNode panels) {
        assertTrue(panels.size() > 3, name + ": panels");
        Set<Integer> ids = new HashSet<>();
        boolean[][] grid = new boolean[400][24];
        for (JsonNode panel : panels) {
            String title = name + " / " + panel.path("title").asText();
            assertTrue(ids.add(panel.path("id").asInt()), title + ": unique id");
            JsonNode pos = panel.path("gridPos");
            int x = pos.path("x").asInt();
            int y = pos.path("y").asInt();
            int w = pos.path("w").asInt();
            int h = pos.path("h").asInt();
            assertTrue(w > 0 && h > 0 && x >= 0 && x + w <= 24 && y >= 0 && y + h < grid.length, title + ": " + pos);
            for (int row = y; row < y + h; row++) {
                for (int col = x; col < x + w; col++) {
                    assertFalse(grid[row][col], title + " overlaps another panel at " + col + "," + row);
                    grid[row][col] = true;
                }
            }
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), title + ": datasource");
            assertTrue(panel.path("targets").size() > 0, title + ": a query");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertFalse(MetricNames.in(expr).isEmpty(), title + ": a borderflow or Flink metric in " + expr);
                assertEquals(count(expr, '('), count(expr, ')'), title + ": balanced parentheses in " + expr);
                assertEquals(count(expr, '{'), count(expr, '}'), title + ": balanced braces in " + expr);
            }
        }
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
