package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.risk.testing.InJvmKafka;
import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.serde.ChangelogHeartbeat;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The streaming job on Kafka, where the alert changelog is quiet: a crossing with a stolen passport (R1) waits in
 * the alert join until the changelog's watermark has passed it, and with one partition that never had a change that
 * takes until the partition counts as idle (time.source_idleness, a minute). A heartbeat on every partition
 * (docs/CONTRACTS.md) lets the flag out at once: none before it within several seconds, the flag right after.
 */
class AlertHeartbeatKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Much less than the source idleness (a minute), so only a heartbeat can explain a flag. */
    private static final Duration QUIET = Duration.ofSeconds(8);

    private static final Duration FLAG_WITHIN = Duration.ofSeconds(30);
    /** As many partitions as source subtasks, so every subtask's watermark follows its records. */
    private static final int CROSSING_PARTITIONS = 2;

    private static final int ALERT_PARTITIONS = 2;
    /** One per test: both use the topic names of the local environment. */
    private KafkaClusterTestKit kafka;

    @BeforeEach
    void startBroker() throws Exception {
        kafka = InJvmKafka.start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void aStolenDocumentHitWaitsForTheQuietChangelogUntilItsHeartbeat() throws Exception {
        JobEnvironment environment = topics("heartbeat-test");
        // Later traffic on every partition moves the crossings' watermark well past the hit.
        Instant laterAt = TestRecords.T0.plus(Duration.ofHours(2));
        List<BorderCrossing> crossings = List.of(
                hit(),
                TestRecords.crossing("later0", CrossingKind.ENTRY, laterAt).build(),
                TestRecords.crossing("later1", CrossingKind.ENTRY, laterAt).build());
        // The hit and later0 on partition 0, later1 on partition 1.
        send(environment, crossings, i -> Math.max(0, i - 1));
        assertHitWaitsForHeartbeat(environment, laterAt.toEpochMilli());
    }

    /**
     * At the pace of real traffic the crossings' own watermark trails the newest crossing by time.out_of_orderness
     * (5 minutes). The join waits for the changelog alone, and a heartbeat promises that no change before its time
     * follows: so the hit, the newest crossing of all, comes with the first heartbeat past it, not 5 minutes later.
     */
    @Test
    void aHitComesWithTheHeartbeatThatPassesItNotTheCrossingsOutOfOrdernessLater() throws Exception {
        JobEnvironment environment = topics("heartbeat-live-test");
        send(environment, List.of(hit()), i -> 0);
        assertHitWaitsForHeartbeat(
                environment, TestRecords.T0.plus(Duration.ofSeconds(1)).toEpochMilli());
    }

    /**
     * The same for a person alert (R2): the matcher waits for the changelog, and the flag assembler for the person
     * probes' watermark, which says that every probe of the crossing has been sent ({@code PersonProbes}), not for
     * the crossings' own, which trails the newest crossing by 5 minutes.
     */
    @Test
    void aWantedPersonIsFlaggedWithTheHeartbeatThatPassesTheCrossing() throws Exception {
        JobEnvironment environment = topics("heartbeat-person-test");
        AlertChange wanted = TestRecords.objectAlert("A2", TestRecords.T0.minus(Duration.ofHours(1)))
                .setBasis(AlertBasis.ARREST_1862_ART26)
                .setActionOnHit(ActionOnHit.ARREST)
                .setObjectPart(null)
                .setPerson(AlertPerson.newBuilder()
                        .setSurname("Testperson")
                        .setGivenNames("Alex")
                        .setAliases(List.of())
                        .setDateOfBirth("1990-05-17")
                        .setSex(Sex.X)
                        .build())
                .build();
        // The wanted person's crossing on partition 0, another at the same time on partition 1: the probes'
        // watermark is that of the partition furthest behind.
        List<BorderCrossing> crossings = List.of(
                TestRecords.crossing("wanted", CrossingKind.ENTRY, TestRecords.T0)
                        .build(),
                TestRecords.crossing("other", CrossingKind.ENTRY, TestRecords.T0)
                        .setTraveller(new TravellerIdentity(
                                "F-other", "Anders", "Kim", LocalDate.of(1971, 2, 3), "CAN", Sex.X))
                        .build());
        send(environment, wanted, crossings, i -> i);
        assertFlagWaitsForHeartbeat(
                environment,
                "R2",
                "wanted",
                TestRecords.T0.plus(Duration.ofSeconds(1)).toEpochMilli());
    }

    private static BorderCrossing hit() {
        return TestRecords.crossing("hit", CrossingKind.ENTRY, TestRecords.T0)
                .setDocument(new TravelDocument(DocumentType.PASSPORT, "P-STOLEN-A1", "USA", LocalDate.of(2031, 1, 1)))
                .build();
    }

    private JobEnvironment topics(String name) throws Exception {
        JobEnvironment environment = InJvmKafka.environment(kafka, name);
        var topics = environment.getTopics();
        InJvmKafka.createTopics(
                kafka,
                Map.of(
                        topics.getCrossings(), CROSSING_PARTITIONS,
                        topics.getAlerts(), ALERT_PARTITIONS,
                        topics.getFlags(), 1,
                        topics.getDeadLetters(), 1,
                        topics.getAudit(), 1));
        return environment;
    }

    /** The stolen-passport alert on partition 0 of the changelog, then {@code crossings} on the partitions given. */
    private void send(JobEnvironment environment, List<BorderCrossing> crossings, IntUnaryOperator partition)
            throws Exception {
        AlertChange stolen = TestRecords.objectAlert("A1", TestRecords.T0.minus(Duration.ofHours(1)))
                .build();
        send(environment, stolen, crossings, partition);
    }

    /** {@code alert} on partition 0 of the changelog, then {@code crossings} on the partitions given. */
    private void send(
            JobEnvironment environment, AlertChange stolen, List<BorderCrossing> crossings, IntUnaryOperator partition)
            throws Exception {
        var topics = environment.getTopics();
        try (KafkaProducer<byte[], byte[]> producer = InJvmKafka.producer(kafka)) {
            producer.send(new ProducerRecord<>(
                            topics.getAlerts(),
                            0,
                            stolen.getEventTime().toEpochMilli(),
                            utf8(stolen.getAlertId()),
                            SingleObjectSerde.of(AlertChange.class).encode(stolen)))
                    .get();
            for (int i = 0; i < crossings.size(); i++) {
                BorderCrossing crossing = crossings.get(i);
                producer.send(new ProducerRecord<>(
                                topics.getCrossings(),
                                partition.applyAsInt(i),
                                crossing.getEventTime().toEpochMilli(),
                                utf8(crossing.getTraveller().getFileId()),
                                SingleObjectSerde.of(BorderCrossing.class).encode(crossing)))
                        .get();
            }
        }
    }

    /** Runs the job: no R1 flag while the changelog is quiet, the hit's once a heartbeat at {@code promise} came. */
    private void assertHitWaitsForHeartbeat(JobEnvironment environment, long promise) throws Exception {
        assertFlagWaitsForHeartbeat(environment, "R1", "hit", promise);
    }

    /** Runs the job: no {@code rule} flag while the changelog is quiet, {@code eventId}'s once one at {@code promise}. */
    private void assertFlagWaitsForHeartbeat(JobEnvironment environment, String rule, String eventId, long promise)
            throws Exception {
        var topics = environment.getTopics();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none"));
        env.setParallelism(2);
        env.enableCheckpointing(500);
        JobSetup.configureTypes(env);
        KafkaEndpoints endpoints = KafkaEndpoints.streaming(environment).atLeastOnce();
        RiskFlagJob.builder(RiskSettings.local(ConfigLoader.defaults()))
                .kafka(endpoints)
                .rules(RiskFlagJob.defaultRules())
                .knownBcps(TestRecords.BCPS)
                .build()
                .addTo(env);
        JobClient job = env.executeAsync("heartbeat test");
        try (KafkaConsumer<byte[], byte[]> flags = InJvmKafka.fromStart(kafka, topics.getFlags())) {
            assertEquals(List.of(), flags(flags, rule, QUIET), "the hit waits for the alert changelog's watermark");

            try (KafkaProducer<byte[], byte[]> producer = InJvmKafka.producer(kafka)) {
                for (int partition = 0; partition < ALERT_PARTITIONS; partition++) {
                    producer.send(new ProducerRecord<>(
                                    topics.getAlerts(),
                                    partition,
                                    promise,
                                    ChangelogHeartbeat.key(partition),
                                    ChangelogHeartbeat.value(promise),
                                    List.of(new RecordHeader(ChangelogHeartbeat.HEADER, new byte[0]))))
                            .get();
                }
            }
            List<RiskFlag> raised = flags(flags, rule, FLAG_WITHIN);
            assertEquals(
                    List.of(eventId),
                    raised.stream().map(RiskFlag::getTriggerEventId).toList());
        } finally {
            job.cancel().get();
            job.getJobExecutionResult().handle((result, failure) -> null).get();
        }
    }

    /** The flags of {@code rule} that arrive within {@code wait}; returns as soon as there is one. */
    private static List<RiskFlag> flags(KafkaConsumer<byte[], byte[]> consumer, String rule, Duration wait)
            throws Exception {
        SingleObjectSerde<RiskFlag> serde = SingleObjectSerde.of(RiskFlag.class);
        List<RiskFlag> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                RiskFlag flag = serde.decode(record.value());
                if (flag.getRuleId().equals(rule)) {
                    found.add(flag);
                }
            }
        }
        return found;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
