package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.risk.testing.InJvmKafka;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traffic after a quiet spell, on a real broker: the streaming job has read a crossing on each of the two partitions
 * of ees.crossings, then nothing for longer than time.source_idleness, so both count as idle. Then the traffic comes
 * back as a replay sends it: partition 0 first, with crossings spanning 18 days, and a second later partition 1, with
 * a crossing from the day after the spell began. That crossing is within the allowed lateness of everything the
 * partitions hold; it must raise its flag (R6, an expired passport, judged on arrival), not become LATE. The job
 * with time.source_resume_hold 0 shows what the hold prevents: the same crossing LATE.
 */
class QuietSpellKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final Duration IDLENESS = Duration.ofSeconds(2);
    private static final Duration SPELL = IDLENESS.multipliedBy(3);
    /** The environments' watermark interval (local.yaml job.watermark_interval). */
    private static final Duration WATERMARK_INTERVAL = Duration.ofMillis(20);

    /** Between partition 0's traffic and partition 1's: many watermark intervals, well within the hold (PT2S). */
    private static final Duration SECOND_PARTITION_AFTER = Duration.ofMillis(500);

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Instant DAY0 = TestRecords.T0;
    private static KafkaClusterTestKit kafka;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = InJvmKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void theCrossingOfAPartitionReadSecondAfterTheSpellRaisesItsFlag() throws Exception {
        Outcome outcome = run("held", null);
        assertEquals(List.of("late-traveller"), outcome.r6Triggers(), "its flag");
        assertEquals(List.of(), outcome.late(), "no LATE dead letter");
    }

    @Test
    void withoutTheHoldItIsLate() throws Exception {
        Outcome outcome = run("unheld", "PT0S");
        assertEquals(List.of("late-traveller"), outcome.late(), "what the hold prevents");
        assertEquals(List.of(), outcome.r6Triggers());
    }

    private record Outcome(List<String> r6Triggers, List<String> late) {}

    private Outcome run(String name, String resumeHold) throws Exception {
        JobEnvironment environment = InJvmKafka.environment(kafka, name);
        var topics = environment.getTopics();
        topics.setCrossings(name + ".crossings");
        topics.setFlags(name + ".flags");
        topics.setDeadLetters(name + ".deadletters");
        topics.setAudit(name + ".audit");
        topics.setAlerts(name + ".alerts");
        InJvmKafka.createTopics(
                kafka,
                Map.of(
                        topics.getCrossings(), 2,
                        topics.getAlerts(), 1,
                        topics.getFlags(), 1,
                        topics.getDeadLetters(), 1,
                        topics.getAudit(), 1));

        try (KafkaProducer<byte[], byte[]> producer = InJvmKafka.producer(kafka)) {
            send(producer, topics.getCrossings(), 0, expired("first-0", DAY0));
            send(producer, topics.getCrossings(), 1, expired("first-1", DAY0));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none"));
        env.setParallelism(1);
        env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL.toMillis());
        JobSetup.configureTypes(env);
        KafkaEndpoints endpoints = KafkaEndpoints.streaming(environment).atLeastOnce();
        RiskFlagJob.builder(RiskSettings.local(config(name, resumeHold)))
                .kafka(endpoints)
                .rules(RiskFlagJob.defaultRules())
                .knownBcps(TestRecords.BCPS)
                .build()
                .addTo(env);
        JobClient job = env.executeAsync("quiet spell " + name);
        try (KafkaConsumer<byte[], byte[]> flags = InJvmKafka.fromStart(kafka, topics.getFlags());
                KafkaConsumer<byte[], byte[]> deadLetters = InJvmKafka.fromStart(kafka, topics.getDeadLetters())) {
            Map<String, String> seen = new HashMap<>();
            await(flags, deadLetters, seen, List.of("first-0", "first-1"));
            Thread.sleep(SPELL.toMillis());

            try (KafkaProducer<byte[], byte[]> producer = InJvmKafka.producer(kafka)) {
                for (int day = 2; day <= 18; day += 2) {
                    send(producer, topics.getCrossings(), 0, expired("burst-" + day, DAY0.plus(Duration.ofDays(day))));
                }
                producer.flush();
                Thread.sleep(SECOND_PARTITION_AFTER.toMillis());
                send(producer, topics.getCrossings(), 1, expired("late-traveller", DAY0.plus(Duration.ofDays(1))));
            }
            await(flags, deadLetters, seen, List.of("late-traveller"));
            List<String> r6 = new ArrayList<>();
            List<String> late = new ArrayList<>();
            if (seen.get("late-traveller").equals("R6")) {
                r6.add("late-traveller");
            } else {
                late.add("late-traveller");
            }
            return new Outcome(r6, late);
        } finally {
            job.cancel().get();
            job.getJobExecutionResult().handle((result, failure) -> null).get();
        }
    }

    /**
     * Reads flags and dead letters until each of {@code triggers} has an R6 flag or a LATE dead letter; {@code seen}
     * maps each trigger to which.
     */
    private static void await(
            KafkaConsumer<byte[], byte[]> flags,
            KafkaConsumer<byte[], byte[]> deadLetters,
            Map<String, String> seen,
            List<String> triggers)
            throws Exception {
        SingleObjectSerde<RiskFlag> flagSerde = SingleObjectSerde.of(RiskFlag.class);
        SingleObjectSerde<DeadLetter> letterSerde = SingleObjectSerde.of(DeadLetter.class);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!seen.keySet().containsAll(triggers) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : flags.poll(Duration.ofMillis(100))) {
                RiskFlag flag = flagSerde.decode(record.value());
                if (flag.getRuleId().equals("R6")) {
                    seen.put(flag.getTriggerEventId(), "R6");
                }
            }
            for (ConsumerRecord<byte[], byte[]> record : deadLetters.poll(Duration.ofMillis(100))) {
                DeadLetter letter = letterSerde.decode(record.value());
                seen.put(letter.getEventId(), letter.getReasonCode());
            }
        }
        assertEquals(true, seen.keySet().containsAll(triggers), "within " + WITHIN + ": " + triggers + " in " + seen);
    }

    /** An entry with a passport that expired the year before: R6 on arrival, whatever else the file holds. */
    private static BorderCrossing expired(String eventId, Instant at) {
        return TestRecords.crossing(eventId, CrossingKind.ENTRY, at)
                .setDocument(new TravelDocument(DocumentType.PASSPORT, "P" + eventId, "USA", LocalDate.of(2025, 1, 1)))
                .build();
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int partition, BorderCrossing c)
            throws Exception {
        producer.send(new ProducerRecord<>(
                        topic,
                        partition,
                        c.getEventTime().toEpochMilli(),
                        c.getTraveller().getFileId().getBytes(StandardCharsets.UTF_8),
                        SingleObjectSerde.of(BorderCrossing.class).encode(c)))
                .get();
    }

    /** The shipped configuration with a short source idleness and, unless null, another resume hold. */
    private static ConfigLoader config(String name, String resumeHold) throws Exception {
        Path config = Files.createDirectories(dir.resolve(name));
        String rules = new String(
                        ConfigLoader.class
                                .getResourceAsStream("/borderflow-config/rules.yaml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replaceFirst("source_idleness: \\S+", "source_idleness: " + IDLENESS);
        if (resumeHold != null) {
            rules = rules.replaceFirst("source_resume_hold: \\S+", "source_resume_hold: " + resumeHold);
        }
        Files.writeString(config.resolve("rules.yaml"), rules);
        return ConfigLoader.from(config);
    }
}
