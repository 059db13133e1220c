package eu.borderflow.dashboard.http;

import static eu.borderflow.dashboard.testing.TestDashboard.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.dashboard.feed.FeedPosition;
import eu.borderflow.dashboard.testing.LiveDashboard;
import eu.borderflow.dashboard.testing.Records;
import eu.borderflow.dashboard.testing.SseStream;
import eu.borderflow.dashboard.testing.Web;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.RiskFlag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live feed over server-sent events against a live dashboard and a real broker: incidents over two partitions and
 * flags over four, a client that drops its connection midway and reconnects with the last event id it got, while
 * more records arrive: it gets every event exactly once.
 */
class LiveStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] FEED = {"incident", "flag"};

    @TempDir
    static Path dir;

    private static LiveDashboard dashboard;
    private int sent;

    @BeforeAll
    static void start() throws Exception {
        dashboard = LiveDashboard.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        dashboard.close();
    }

    /** Sends {@code n} incidents over both partitions and {@code n} flags over all four; their feed keys. */
    private List<String> send(int n) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = sent++;
            Instant at = Records.T0.plus(Duration.ofMinutes(k));
            Incident incident = Records.incident("I-" + k, "LAND-POL-BLR", at);
            dashboard
                    .kafka()
                    .send(
                            dashboard.names().getIncidents(),
                            k % 2,
                            incident.getIncidentId(),
                            incident,
                            at.toEpochMilli());
            RiskFlag flag = Records.flag("E-" + k, at);
            dashboard.kafka().send(dashboard.names().getFlags(), k % 4, flag.getFlagId(), flag, at.toEpochMilli());
            keys.add("incident/I-" + k);
            keys.add("flag/R1:E-" + k);
        }
        return keys;
    }

    private static String key(SseStream.Event e) throws Exception {
        JsonNode data = Web.parse(e.data());
        return e.type() + "/"
                + (e.type().equals("incident")
                        ? data.path("incident_id").asText()
                        : data.path("flag_id").asText());
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdMissesNothingAndSeesNothingTwice() throws Exception {
        Web web = Web.signedIn(dashboard.url(), VIEWER);
        String start = web.getJson("/api/snapshot").path("position").asText();
        List<String> expected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseStream stream = SseStream.open(web, null, start)) {
            assertEquals(200, stream.status());
            assertEquals("sections", stream.next(WAIT).type(), "the sections' state comes first");
            expected.addAll(send(8));
            List<SseStream.Event> first = stream.next(5, WAIT, FEED);
            for (SseStream.Event e : first) {
                seen.add(key(e));
            }
            lastId = first.get(4).id();
        }
        FeedPosition position = FeedPosition.parse(lastId).orElseThrow();
        assertTrue(
                position.offsets().keySet().stream()
                                        .map(o -> o.topic())
                                        .distinct()
                                        .count()
                                == 2
                        && position.offsets().size() >= 3,
                "the id names several partitions of both topics: " + lastId);

        expected.addAll(send(6));
        try (SseStream again = SseStream.open(web, lastId, start)) {
            List<SseStream.Event> rest = again.next(expected.size() - seen.size(), WAIT, FEED);
            for (SseStream.Event e : rest) {
                seen.add(key(e));
            }
            assertEquals(null, nextFeedEvent(again), "nothing more, nothing twice");
        }
        assertEquals(new HashSet<>(expected), new HashSet<>(seen));
        assertEquals(expected.size(), seen.size(), "no event twice: " + seen);
        assertInPartitionOrder(seen);
    }

    @Test
    void anUnknownPositionIsAnsweredWithAReset() throws Exception {
        Web web = Web.signedIn(dashboard.url(), VIEWER);
        try (SseStream stream = SseStream.open(web, "not an id", null)) {
            assertEquals("reset", stream.next(WAIT).type());
        }
    }

    private static SseStream.Event nextFeedEvent(SseStream stream) throws InterruptedException {
        Duration quiet = Duration.ofSeconds(3);
        for (SseStream.Event e = stream.next(quiet); e != null; e = stream.next(quiet)) {
            if (Set.of(FEED).contains(e.type())) {
                return e;
            }
        }
        return null;
    }

    /** Within a partition Kafka's order holds: incident I-k comes after I-(k-2) (same partition, k % 2). */
    private static void assertInPartitionOrder(List<String> seen) {
        for (String key : seen) {
            if (key.startsWith("incident/I-")) {
                int k = Integer.parseInt(key.substring("incident/I-".length()));
                if (k >= 2) {
                    assertTrue(seen.indexOf("incident/I-" + (k - 2)) < seen.indexOf(key), seen.toString());
                }
            }
        }
    }
}
