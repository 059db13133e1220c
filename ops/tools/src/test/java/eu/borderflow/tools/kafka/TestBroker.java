package eu.borderflow.tools.kafka;

import eu.borderflow.config.ConfigLoader;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A Kafka broker for tests: a one-node KRaft broker inside the test JVM (about 6 s to start), configured like
 * ops/kafka's broker, or, for tests that can share one, the real broker that {@code ops/borderflow test} starts and
 * names in {@code BORDERFLOW_TEST_BOOTSTRAP}.
 */
public final class TestBroker implements AutoCloseable {

    /** The project's config/ folder, seen from the seeds module. */
    public static final Path CONFIG_DIR = Path.of("..", "config");
    /** Set by ops/test.sh to the real broker it started. */
    public static final String EXTERNAL_BOOTSTRAP_ENV = "BORDERFLOW_TEST_BOOTSTRAP";

    private final KafkaClusterTestKit cluster;
    private final String external;

    private TestBroker(KafkaClusterTestKit cluster, String external) {
        this.cluster = cluster;
        this.external = external;
    }

    /**
     * The real broker of {@code BORDERFLOW_TEST_BOOTSTRAP} when set, else one in this JVM. Tests using it must not
     * assume empty topics: other tests write to the same broker.
     */
    public static TestBroker startOrShareExternal() throws Exception {
        String external = System.getenv(EXTERNAL_BOOTSTRAP_ENV);
        return external == null || external.isBlank() ? start() : new TestBroker(null, external);
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
        return new TestBroker(cluster, null);
    }

    public String bootstrap() {
        return external != null ? external : cluster.bootstrapServers();
    }

    /** Creates the topics of the project's config/topics.yaml. */
    public void createTopics() {
        TopicSetup.apply(bootstrap(), TopicsConfig.load(ConfigLoader.from(CONFIG_DIR)));
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
