package eu.borderflow.tools.kafka;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.util.LinkedHashMap;

/** The whole of {@code config/topics.yaml}: topic name to its spec, in file order. */
public record TopicsConfig(LinkedHashMap<String, TopicSpec> topics) {

    public static TopicsConfig load(ConfigLoader config) {
        TopicsConfig loaded = config.bind("topics", "", TopicsConfig.class);
        if (loaded.topics() == null || loaded.topics().isEmpty()) {
            throw new ConfigException("topics.yaml lists no topics");
        }
        loaded.topics().forEach((name, spec) -> {
            if (spec == null) {
                throw new ConfigException("topics.yaml " + name + ": no settings");
            }
            spec.validate(name);
        });
        return loaded;
    }

    public TopicSpec spec(String topic) {
        TopicSpec spec = topics.get(topic);
        if (spec == null) {
            throw new ConfigException("topics.yaml has no topic " + topic);
        }
        return spec;
    }
}
