package eu.borderflow.tools.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Brings a broker's topics in line with {@code config/topics.yaml}: creates the missing ones, grows partitions and
 * sets topic configs of existing ones. Idempotent: a second run reports every topic unchanged. Partitions never
 * shrink and replication is not reassigned; both are reported instead. Partitions grow only when asked: a running job
 * reads a new partition once it discovers it (every five minutes), when its watermark has passed what the partition
 * got meanwhile, so those records would be LATE dead letters. Grown while the jobs are stopped with a savepoint, the
 * new partitions are read from their start when the jobs resume.
 */
public final class TopicSetup {

    private final Admin admin;
    private final String bootstrap;
    private final boolean growPartitions;

    public TopicSetup(Admin admin, String bootstrap, boolean growPartitions) {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.growPartitions = growPartitions;
    }

    /** Connects to {@code bootstrap}, applies {@code config} without growing partitions and closes the client. */
    public static List<TopicChange> apply(String bootstrap, TopicsConfig config) {
        return apply(bootstrap, Map.of(), config, false);
    }

    /** The same with Kafka client properties (security settings) for the admin client, growing partitions if asked. */
    public static List<TopicChange> apply(
            String bootstrap, Map<String, String> clientProperties, TopicsConfig config, boolean growPartitions) {
        try (Admin admin = KafkaCalls.admin(bootstrap, clientProperties)) {
            return new TopicSetup(admin, bootstrap, growPartitions).apply(config);
        }
    }

    public List<TopicChange> apply(TopicsConfig config) {
        Set<String> existing = KafkaCalls.await(admin.listTopics().names(), bootstrap, "list topics");
        List<TopicChange> changes = new ArrayList<>();
        for (Map.Entry<String, TopicSpec> topic : config.topics().entrySet()) {
            changes.add(
                    existing.contains(topic.getKey())
                            ? update(topic.getKey(), topic.getValue())
                            : create(topic.getKey(), topic.getValue()));
        }
        return changes;
    }

    private TopicChange create(String topic, TopicSpec spec) {
        NewTopic newTopic =
                new NewTopic(topic, spec.partitions(), (short) spec.replicationFactor()).configs(spec.kafkaConfigs());
        KafkaCalls.await(admin.createTopics(List.of(newTopic)).all(), bootstrap, "create topic " + topic);
        return new TopicChange(topic, TopicChange.Action.CREATED, List.of());
    }

    private TopicChange update(String topic, TopicSpec spec) {
        List<String> notes = new ArrayList<>();
        TopicDescription description = KafkaCalls.await(
                admin.describeTopics(List.of(topic)).topicNameValues().get(topic),
                bootstrap,
                "describe topic " + topic);
        int partitions = description.partitions().size();
        boolean altered = false;
        boolean held = false;
        if (partitions < spec.partitions() && !growPartitions) {
            notes.add("partitions " + partitions + " -> " + spec.partitions() + " held back: a running job would read"
                    + " the new partitions only after its watermark passed what they got meanwhile (LATE dead"
                    + " letters); stop the jobs that read it with a savepoint, run topics --grow-partitions, then"
                    + " deploy them from the savepoint");
            held = true;
        } else if (partitions < spec.partitions()) {
            KafkaCalls.await(
                    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(spec.partitions())))
                            .all(),
                    bootstrap,
                    "add partitions to " + topic);
            notes.add("partitions " + partitions + " -> " + spec.partitions());
            altered = true;
        } else if (partitions > spec.partitions()) {
            notes.add("has " + partitions + " partitions, more than the " + spec.partitions()
                    + " configured; Kafka cannot remove partitions");
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas != spec.replicationFactor()) {
            notes.add("replication factor is " + replicas + ", not " + spec.replicationFactor()
                    + "; reassign partitions to change it");
        }
        Collection<AlterConfigOp> ops = configChanges(topic, spec, notes);
        if (!ops.isEmpty()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            KafkaCalls.await(
                    admin.incrementalAlterConfigs(Map.of(resource, ops)).all(),
                    bootstrap,
                    "alter the configs of " + topic);
            altered = true;
        }
        TopicChange.Action action =
                held ? TopicChange.Action.HELD : altered ? TopicChange.Action.ALTERED : TopicChange.Action.UNCHANGED;
        return new TopicChange(topic, action, List.copyOf(notes));
    }

    private Collection<AlterConfigOp> configChanges(String topic, TopicSpec spec, List<String> notes) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config current = KafkaCalls.await(
                admin.describeConfigs(List.of(resource)).values().get(resource),
                bootstrap,
                "describe the configs of " + topic);
        List<AlterConfigOp> ops = new ArrayList<>();
        spec.kafkaConfigs().forEach((key, wanted) -> {
            ConfigEntry entry = current.get(key);
            String actual = entry == null ? null : entry.value();
            if (!wanted.equals(actual)) {
                ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                notes.add(key + " " + actual + " -> " + wanted);
            }
        });
        return ops;
    }
}
