package eu.borderflow.risk.testing;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A one-node Kafka (KRaft, combined broker and controller) inside the test's JVM, set up for transactions. */
public final class InJvmKafka {

    private InJvmKafka() {}

    /** Started and ready; topics are created by the test, none automatically. */
    public static KafkaClusterTestKit start() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    /** The local environment pointed at {@code kafka}, its sinks' transactional ids starting with {@code prefix}. */
    public static JobEnvironment environment(KafkaClusterTestKit kafka, String prefix) {
        JobEnvironment environment = JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.LOCAL);
        environment.getKafka().setBootstrapServers(kafka.bootstrapServers());
        environment.getKafka().setTransactionalIdPrefix(prefix);
        return environment;
    }

    /** Creates the topics with the given numbers of partitions. */
    public static void createTopics(KafkaClusterTestKit kafka, Map<String, Integer> partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<NewTopic> topics = partitions.entrySet().stream()
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1))
                    .toList();
            admin.createTopics(topics).all().get();
        }
    }

    public static KafkaProducer<byte[], byte[]> producer(KafkaClusterTestKit kafka) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** A consumer of the first partition of {@code topic}, from its beginning, reading what is not committed too. */
    public static KafkaConsumer<byte[], byte[]> fromStart(KafkaClusterTestKit kafka, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
