package eu.borderflow.dashboard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        ObjectNode kafka = (ObjectNode) env.get("kafka");
        kafka.put("bootstrap_servers", bootstrap);
        kafka.put("group_id", name + "-risk");
        kafka.put("transactional_id_prefix", name + "-risk");
        ObjectNode topicNames = (ObjectNode) env.get("topics");
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = topicNames.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            e.setValue(yaml.getNodeFactory().textNode(name + "." + e.getValue().asText()));
        }
        Files.createDirectories(configDir.resolve("environments"));
        yaml.writeValue(configDir.resolve("environments/" + name + ".yaml").toFile(), env);
        TestTopics created = new TestTopics(name, configDir);
        LinkedHashMap<String, TopicSpec> specs = new LinkedHashMap<>();
        TopicsConfig.load(ConfigLoader.defaults()).topics().forEach((topic, spec) -> specs.put(name + "." + topic, spec));
        TopicSetup.apply(bootstrap, new TopicsConfig(specs));
        return created;
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
