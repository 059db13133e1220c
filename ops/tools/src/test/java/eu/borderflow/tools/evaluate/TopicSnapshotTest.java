package eu.borderflow.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.CommittedEnd;
import eu.borderflow.tools.testing.TestFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flags read from a topic: committed records only, up to the end offsets at start. */
class TopicSnapshotTest {

    private static final String TOPIC = "risk.flags";
    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void readsCommittedFlagsOnlyAndCountsForeignRecords() throws Exception {
        SingleObjectSerde<RiskFlag> serde = SingleObjectSerde.of(RiskFlag.class);
        RiskFlag committed = TestFlags.flag("R3", "e1", 0, FlagStatus.RAISED, "tA");
        RiskFlag aborted = TestFlags.flag("R3", "e2", 0, FlagStatus.RAISED, "tB");
        try (KafkaProducer<byte[], byte[]> producer = transactional("evaluate-test")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, key(committed), serde.encode(committed)));
            producer.send(new ProducerRecord<>(TOPIC, key(committed), "not a flag".getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, key(aborted), serde.encode(aborted)));
            producer.flush();
            producer.abortTransaction();
        }

        TopicSnapshot<RiskFlag> snapshot = EvaluationInputs.flagTopic(kafka.bootstrapServers(), TOPIC);
        assertEquals(List.of(committed), snapshot.records());
        assertEquals(1, snapshot.undecodable());
    }

    @Test
    void aTransactionStillOpenIsLeftOutAfterTheBoundedWait() throws Exception {
        String topic = "risk.flags.open";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        SingleObjectSerde<RiskFlag> serde = SingleObjectSerde.of(RiskFlag.class);
        RiskFlag committed = TestFlags.flag("R3", "e3", 0, FlagStatus.RAISED, "tC");
        RiskFlag open = TestFlags.flag("R3", "e4", 0, FlagStatus.RAISED, "tD");
        try (KafkaProducer<byte[], byte[]> producer = transactional("evaluate-test-open")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key(committed), serde.encode(committed)));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key(open), serde.encode(open)));
            producer.flush();

            long start = System.nanoTime();
            TopicSnapshot<RiskFlag> snapshot = EvaluationInputs.flagTopic(kafka.bootstrapServers(), topic);
            assertEquals(List.of(committed), snapshot.records());
            assertTrue(
                    System.nanoTime() - start >= CommittedEnd.SETTLE.toNanos(),
                    "waited for the open transaction before leaving it out");
            producer.abortTransaction();
        }
    }

    @Test
    void unknownTopicIsAnInputError() {
        assertThrows(
                EvaluationInputException.class,
                () -> EvaluationInputs.flagTopic(kafka.bootstrapServers(), "no.such.topic"));
    }

    private static KafkaProducer<byte[], byte[]> transactional(String transactionalId) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        transactionalId),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private static byte[] key(RiskFlag flag) {
        return flag.getFlagId().getBytes(StandardCharsets.UTF_8);
    }
}
