package eu.borderflow.dashboard.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.JobNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of the pipeline's jobs the health page reports as running nowhere. */
class PipelineHealthTest {

    @Test
    void aClusterThatLostItsJobsIsNotReadAsHealthy() {
        Map<String, Object> empty = Map.of("url", "http://127.0.0.1:8081", "reachable", true, "jobs", List.of());
        assertEquals(JobNames.ALL, PipelineHealth.notRunning(List.of(empty)));
    }

    @Test
    void eachJobCountsWhereverItRunsAndOnlyWhileRunning() {
        Map<String, Object> risk = Map.of(
                "reachable",
                true,
                "jobs",
                List.of(
                        Map.of("name", JobNames.RISK, "state", "RUNNING"),
                        Map.of("name", JobNames.PICTURE, "state", "CANCELED")));
        Map<String, Object> picture =
                Map.of("reachable", true, "jobs", List.of(Map.of("name", JobNames.PICTURE, "state", "RESTARTING")));
        Map<String, Object> unreachable = Map.of("reachable", false, "error", "Connection refused");
        assertEquals(List.of(JobNames.PICTURE), PipelineHealth.notRunning(List.of(risk, picture, unreachable)));

        Map<String, Object> pictureRunning =
                Map.of("reachable", true, "jobs", List.of(Map.of("name", JobNames.PICTURE, "state", "RUNNING")));
        assertEquals(List.of(), PipelineHealth.notRunning(List.of(risk, pictureRunning)));
    }
}
