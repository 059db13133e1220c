package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.risk.testing.InJvmKafka;
import eu.borderflow.risk.testing.RefusalTestStage;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.CommittedEnd;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job against an in-JVM broker: raw records in, exactly-once (transactional) flags and dead letters out. */
class RiskFlagJobKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Duration POLL = Duration.ofMillis(500);
    private static KafkaClusterTestKit kafka;
    private static JobEnvironment environment;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = InJvmKafka.start();
        environment = InJvmKafka.environment(kafka, "risk-flag-job-test");
        var topics = environment.getTopics();
        InJvmKafka.createTopics(
                kafka,
                Map.of(
                        topics.getCrossings(), 2,
                        topics.getAlerts(), 1,
                        topics.getFlags(), 2,
                        topics.getDeadLetters(), 1,
                        topics.getAudit(), 1));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void crossingsAndGarbageInFlagsAndDeadLettersOutReadCommitted() throws Exception {
        String crossings = environment.getTopics().getCrossings();
        BorderCrossing refusal = TestRecords.crossing("e2", CrossingKind.REFUSAL, TestRecords.T0.plusSeconds(60))
                .build();
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] garbageKey = "F-garbage".getBytes(StandardCharsets.UTF_8);
        RecordMetadata garbageAt;
        try (KafkaProducer<byte[], byte[]> producer = InJvmKafka.producer(kafka)) {
            SingleObjectSerde<BorderCrossing> serde = SingleObjectSerde.of(BorderCrossing.class);
            send(
                    producer,
                    crossings,
                    TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0)
                            .build(),
                    serde);
            send(producer, crossings, refusal, serde);
            send(producer, crossings, refusal, serde);
            garbageAt = producer.send(
                            new ProducerRecord<>(crossings, null, TestRecords.T0.toEpochMilli(), garbageKey, garbage))
                    .get();
            AlertChange alert = TestRecords.objectAlert("A1", TestRecords.T0.minusSeconds(60))
                    .build();
            producer.send(new ProducerRecord<>(
                            environment.getTopics().getAlerts(),
                            null,
                            alert.getEventTime().toEpochMilli(),
                            utf8(alert.getAlertId()),
                            SingleObjectSerde.of(AlertChange.class).encode(alert)))
                    .get();
        }

        // A failure must fail the test, not restart the job forever.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none"));
        env.setParallelism(2);
        env.enableCheckpointing(500);
        JobSetup.configureTypes(env);
        KafkaEndpoints endpoints = KafkaEndpoints.untilEndAtStart(environment);
        RiskFlagJob.builder(RiskSettings.local(ConfigLoader.defaults()))
                .crossings(endpoints.crossings(), crossings)
                .alerts(endpoints.alerts(), environment.getTopics().getAlerts())
                .rules(List.of(RefusalTestStage.stage()))
                .knownBcps(TestRecords.BCPS)
                .flags(endpoints.flags())
                .deadLetters(endpoints.deadLetters())
                .audit(endpoints.audit())
                .build()
                .addTo(env);
        env.execute("kafka test");

        List<ConsumerRecord<byte[], byte[]>> flagRecords =
                readCommitted(environment.getTopics().getFlags());
        List<RiskFlag> flags = decode(RiskFlag.class, flagRecords);
        assertEquals(
                List.of("T1:e2", "T2:A1"),
                flags.stream().map(RiskFlag::getFlagId).sorted().toList());
        for (ConsumerRecord<byte[], byte[]> record : flagRecords) {
            RiskFlag flag = SingleObjectSerde.of(RiskFlag.class).decode(record.value());
            assertEquals(flag.getFlagId(), new String(record.key(), StandardCharsets.UTF_8));
            assertEquals(flag.getEventTime().toEpochMilli(), record.timestamp());
        }
        assertTrue(
                endOffsets(environment.getTopics().getFlags()) > flagRecords.size(),
                "transaction markers show the flags were written in transactions");

        List<DeadLetter> letters =
                decode(DeadLetter.class, readCommitted(environment.getTopics().getDeadLetters()));
        assertEquals(1, letters.size());
        DeadLetter letter = letters.get(0);
        assertEquals("UNDECODABLE", letter.getReasonCode());
        assertEquals(crossings, letter.getSourceTopic());
        assertEquals(garbageAt.partition(), letter.getSourcePartition());
        assertEquals(garbageAt.offset(), letter.getSourceOffset());
        assertArrayEquals(garbage, bytes(letter.getOriginalValue()));
        assertArrayEquals(garbageKey, bytes(letter.getOriginalKey()));

        List<AuditRecord> audit =
                decode(AuditRecord.class, readCommitted(environment.getTopics().getAudit()));
        assertEquals(
                List.of("T1:e2#r0", "T2:A1#r0"),
                audit.stream().map(AuditRecord::getAuditId).sorted().toList());
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            String topic,
            BorderCrossing crossing,
            SingleObjectSerde<BorderCrossing> serde)
            throws Exception {
        producer.send(new ProducerRecord<>(
                        topic,
                        null,
                        crossing.getEventTime().toEpochMilli(),
                        utf8(crossing.getTraveller().getFileId()),
                        serde.encode(crossing)))
                .get();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = CommittedEnd.of(consumer, consumerConfig(), partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    private static long endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static <T extends SpecificRecord> List<T> decode(
            Class<T> type, List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        SingleObjectSerde<T> serde = SingleObjectSerde.of(type);
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            out.add(serde.decode(record.value()));
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
