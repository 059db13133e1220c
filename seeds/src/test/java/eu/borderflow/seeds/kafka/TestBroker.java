package eu.borderflow.seeds.kafka;

import eu.borderflow.config.ConfigLoader;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Path;

/** A one-node KRaft broker inside the test JVM (about 6 s to start), configured like ops/kafka's broker. */
public final class TestBroker implements AutoCloseable {

    /** The project's config/ folder, seen from the seeds module. */
    public static final Path CONFIG_DIR = Path.of("..", "config");

    private final KafkaClusterTestKit cluster;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static TestBroker start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "false")
                // One node: the internal topics that transactions and consumer groups need must fit on it.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new TestBroker(cluster);
    }

    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics of the project's config/topics.yaml. */
    public void createTopics() {
        TopicSetup.apply(bootstrap(), TopicsConfig.load(ConfigLoader.from(CONFIG_DIR)));
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
