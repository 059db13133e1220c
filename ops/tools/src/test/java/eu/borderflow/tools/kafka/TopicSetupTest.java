package eu.borderflow.tools.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;
    /** The partitions the issue asks for (borderflow issue 2, item 4). */
    private static final Map<String, Integer> PARTITIONS = Map.of(
            "ees.crossings",
            4,
            "sis.alerts",
            2,
            "eurosur.incidents",
            2,
            "risk.flags",
            4,
            "borderflow.deadletters",
            1,
            "borderflow.audit",
            1,
            "eurosur.picture",
            2,
            "risk.flag.reviews",
            2,
            "eurosur.section.levels",
            1);

    private static TestBroker broker;
    private static Admin admin;
    private static List<TopicChange> firstRun;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()));
        firstRun = TopicSetup.apply(broker.bootstrap(), TopicsConfig.load(ConfigLoader.from(TestBroker.CONFIG_DIR)));
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        broker.close();
    }

    @Test
    void createsEveryTopicWithItsPartitions() throws Exception {
        assertEquals(
                PARTITIONS.keySet(), firstRun.stream().map(TopicChange::topic).collect(Collectors.toSet()));
        assertTrue(firstRun.stream().allMatch(c -> c.action() == TopicChange.Action.CREATED), firstRun::toString);
        Map<String, TopicDescription> topics =
                admin.describeTopics(PARTITIONS.keySet()).allTopicNames().get(10, TimeUnit.SECONDS);
        PARTITIONS.forEach((topic, partitions) ->
                assertEquals(partitions, topics.get(topic).partitions().size(), topic));
    }

    @Test
    void alertsAreCompactedAndKeepOldVersionsSevenDays() throws Exception {
        Config alerts = config("sis.alerts");
        assertEquals("compact", alerts.get("cleanup.policy").value());
        assertEquals(
                Long.toString(SEVEN_DAYS_MS),
                alerts.get("min.compaction.lag.ms").value());
    }

    @Test
    void crossingsAreKeptWhateverTheirEventTimeAndBoundedBySize() throws Exception {
        Config crossings = config("ees.crossings");
        assertEquals("delete", crossings.get("cleanup.policy").value());
        assertEquals("-1", crossings.get("retention.ms").value());
        assertEquals(Long.toString(2L << 30), crossings.get("retention.bytes").value());
        assertEquals(
                Long.toString(Duration.ofDays(3650).toMillis()),
                crossings.get("segment.ms").value(),
                "segments roll by size, not every 7 days of (replayed) record time");
    }

    @Test
    void secondRunChangesNothingAndRestoresDriftedSettings() throws Exception {
        TopicsConfig config = TopicsConfig.load(ConfigLoader.from(TestBroker.CONFIG_DIR));
        assertTrue(TopicSetup.apply(broker.bootstrap(), config).stream()
                .allMatch(c -> c.action() == TopicChange.Action.UNCHANGED));

        ConfigResource flags = new ConfigResource(ConfigResource.Type.TOPIC, "risk.flags");
        admin.incrementalAlterConfigs(Map.of(
                        flags,
                        List.of(new AlterConfigOp(
                                new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET))))
                .all()
                .get();
        assertEquals("3600000", config("risk.flags").get("retention.ms").value());

        List<TopicChange> changes = TopicSetup.apply(broker.bootstrap(), config);
        TopicChange riskFlags = changes.stream()
                .filter(c -> c.topic().equals("risk.flags"))
                .findFirst()
                .orElseThrow();
        assertEquals(TopicChange.Action.ALTERED, riskFlags.action());
        assertEquals("-1", config("risk.flags").get("retention.ms").value());
        assertEquals(
                Set.of(TopicChange.Action.UNCHANGED),
                changes.stream()
                        .filter(c -> c != riskFlags)
                        .map(TopicChange::action)
                        .collect(Collectors.toSet()));
    }

    @Test
    void partitionsGrowOnlyWhenAskedBecauseARunningJobWouldReadTheNewOnesLate() throws Exception {
        String topic = "grow." + System.nanoTime();
        TopicSpec one = new TopicSpec(1, 1, "delete", null, null, null, null, null);
        TopicSpec two = new TopicSpec(2, 1, "delete", null, null, null, null, null);
        TopicSetup.apply(broker.bootstrap(), config(topic, one));

        TopicChange held =
                TopicSetup.apply(broker.bootstrap(), config(topic, two)).get(0);
        assertEquals(TopicChange.Action.HELD, held.action());
        assertTrue(
                held.toString().contains("partitions 1 -> 2 held back")
                        && held.toString().contains("savepoint"),
                held.toString());
        assertEquals(1, partitions(topic));

        TopicChange grown = TopicSetup.apply(broker.bootstrap(), Map.of(), config(topic, two), true)
                .get(0);
        assertEquals(TopicChange.Action.ALTERED, grown.action());
        assertEquals(2, partitions(topic));
    }

    @Test
    void unreachableBrokerIsAClearMessage() {
        BrokerUnavailableException e = assertThrows(
                BrokerUnavailableException.class,
                () -> TopicSetup.apply("127.0.0.1:1", TopicsConfig.load(ConfigLoader.from(TestBroker.CONFIG_DIR))));
        assertTrue(e.getMessage().contains("cannot reach Kafka at 127.0.0.1:1"), e.getMessage());
    }

    private static TopicsConfig config(String topic, TopicSpec spec) {
        return new TopicsConfig(new LinkedHashMap<>(Map.of(topic, spec)));
    }

    private static int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(resource);
    }
}
