package eu.borderflow.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Kafka client properties for the commands that talk to a broker (security.protocol, sasl.*, ssl.*): a properties
 * file like Kafka's own {@code --command-config}, and single properties on the command line, which win.
 */
public final class KafkaClientOptions {

    static final String CONFIG_ENV = "BORDERFLOW_KAFKA_CONFIG";

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            defaultValue = "${env:" + CONFIG_ENV + "}",
            description = "Kafka client properties file, e.g. security.protocol, sasl.mechanism, sasl.jaas.config "
                    + "(default: $" + CONFIG_ENV + ", if set).")
    private Path file;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description = "A Kafka client property; repeatable; wins over --kafka-config.")
    private Map<String, String> properties = new TreeMap<>();

    /** The properties to give every Kafka client of the command. */
    Map<String, String> properties() {
        Map<String, String> all = new TreeMap<>();
        if (file != null) {
            String given = "--kafka-config " + file
                    + (file.toString().equals(System.getenv(CONFIG_ENV)) ? " (from $" + CONFIG_ENV + ")" : "");
            if (!Files.isRegularFile(file)) {
                throw new UserError(given + " is not a file");
            }
            Properties loaded = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                loaded.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError("cannot read " + given + ": " + e.getMessage(), e);
            }
            loaded.stringPropertyNames().forEach(key -> all.put(key, loaded.getProperty(key)));
        }
        all.putAll(properties);
        return all;
    }
}
