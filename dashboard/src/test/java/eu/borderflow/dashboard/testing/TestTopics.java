package eu.borderflow.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.tools.kafka.TopicSetup;
import eu.borderflow.tools.kafka.TopicSpec;
import eu.borderflow.tools.kafka.TopicsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Topics of their own for one test on a shared broker: an environment {@code config/environments/<name>.yaml} in a
 * temporary config folder, the local environment with every topic name, the group and the transactional ids
 * prefixed by a fresh name, and those topics created with the partitions of config/topics.yaml.
 */
public final class TestTopics {

    private final String name;
    private final Path configDir;
    private final ConfigLoader config;
    private final TopicNames topics;

    private TestTopics(String name, Path configDir) {
        this.name = name;
        this.configDir = configDir;
        this.config = ConfigLoader.from(configDir);
        this.topics = TopicNames.load(config, name);
    }

    public static TestTopics create(String bootstrap, Path dir) throws IOException {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        Path configDir = Files.createDirectories(dir.resolve("config"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode env = (ObjectNode) ConfigLoader.defaults().tree("environments/local");
        ((ObjectNode) env.get("kafka")).put("bootstrap_servers", bootstrap);
        prefix(env, name, false);
        Files.createDirectories(configDir.resolve("environments"));
        yaml.writeValue(configDir.resolve("environments/" + name + ".yaml").toFile(), env);
        TestTopics created = new TestTopics(name, configDir);
        LinkedHashMap<String, TopicSpec> specs = new LinkedHashMap<>();
        TopicsConfig.load(ConfigLoader.defaults())
                .topics()
                .forEach((topic, spec) -> specs.put(name + "." + topic, spec));
        TopicSetup.apply(bootstrap, new TopicsConfig(specs));
        return created;
    }

    /** Every topic name, consumer group and transactional id of the environment (each job's too) gets the prefix. */
    private static void prefix(ObjectNode node, String name, boolean topicNames) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() instanceof ObjectNode child) {
                prefix(child, name, e.getKey().equals("topics"));
            } else if (e.getValue().isTextual()
                    && (topicNames
                            || e.getKey().equals("group_id")
                            || e.getKey().equals("transactional_id_prefix"))) {
                e.setValue(JsonNodeFactory.instance.textNode(
                        name + "." + e.getValue().asText()));
            }
        }
    }

    /** The environment's name, as {@code --environment} or dashboard.yaml's {@code environment} takes it. */
    public String environment() {
        return name;
    }

    public Path configDir() {
        return configDir;
    }

    public ConfigLoader config() {
        return config;
    }

    public TopicNames names() {
        return topics;
    }
}
