package eu.borderflow.tools.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ReplayMetricsTest {

    @Test
    void servesCountersPerTopicAndTheScheduleGauge() throws Exception {
        try (ReplayMetrics metrics = ReplayMetrics.start(0)) {
            LongAdder sent = new LongAdder();
            LongAdder failed = new LongAdder();
            metrics.sent("ees.crossings", sent);
            metrics.failed("sis.alerts", failed);
            sent.add(3);
            failed.increment();
            metrics.behindSchedule(1_500_000_000L);

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            String body = response.body();
            assertTrue(body.contains("borderflow_replay_sent_total{topic=\"ees.crossings\"} 3.0"), body);
            assertTrue(body.contains("borderflow_replay_failed_total{topic=\"sis.alerts\"} 1.0"), body);
            assertTrue(body.contains("borderflow_replay_behind_schedule_seconds 1.5"), body);
        }
    }

    @Test
    void portInUseIsAUserError() {
        try (ReplayMetrics first = ReplayMetrics.start(0)) {
            ReplayInputException e = assertThrows(
                    ReplayInputException.class,
                    () -> ReplayMetrics.start(first.port()).close());
            assertTrue(e.getMessage().startsWith("metrics port " + first.port() + " is in use"), e.getMessage());
        }
    }
}
