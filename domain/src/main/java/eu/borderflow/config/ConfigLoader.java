package eu.borderflow.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the YAML files of {@code config/}. A user's config directory wins; otherwise the defaults packed into the jar
 * (the same files, under {@code borderflow-config/}) are used, so every command and job works out of the box.
 */
public final class ConfigLoader implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String CLASSPATH_ROOT = "/borderflow-config/";

    private final String directory;

    private ConfigLoader(String directory) {
        this.directory = directory;
    }

    /** Defaults from the jar only. */
    public static ConfigLoader defaults() {
        return new ConfigLoader(null);
    }

    /** Files in {@code dir} override the jar's defaults file by file; {@code null} means defaults only. */
    public static ConfigLoader from(Path dir) {
        return new ConfigLoader(dir == null ? null : dir.toAbsolutePath().toString());
    }

    /** The whole file {@code name} (e.g. "rules" for rules.yaml) as a tree. */
    public JsonNode tree(String name) {
        String file = name + ".yaml";
        try {
            if (directory != null && Files.isRegularFile(Path.of(directory, file))) {
                return mapper().readTree(Path.of(directory, file).toFile());
            }
            try (InputStream in = ConfigLoader.class.getResourceAsStream(CLASSPATH_ROOT + file)) {
                if (in == null) {
                    throw new ConfigException("no configuration file " + file
                            + (directory == null ? "" : " in " + directory) + " and no default in the jar");
                }
                return mapper().readTree(in);
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot parse " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Binds the section at {@code pointer} (JSON pointer, e.g. "/rules/R3") of file {@code name} to {@code type};
     * YAML keys are snake_case, Java properties camelCase.
     */
    public <T> T bind(String name, String pointer, Class<T> type) {
        JsonNode node = tree(name).at(pointer);
        if (node.isMissingNode()) {
            throw new ConfigException(name + ".yaml has no section " + pointer);
        }
        try {
            return mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ".yaml " + pointer + setting(e) + ": " + reason(e), e);
        }
    }

    /**
     * Binds {@code node}, a section read earlier with {@link #tree}, to {@code type} with the same naming rules;
     * {@code where} names the section in an error.
     */
    public static <T> T bind(JsonNode node, String where, Class<T> type) {
        if (node == null || node.isMissingNode()) {
            throw new ConfigException("no section " + where);
        }
        try {
            return mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + setting(e) + ": " + reason(e), e);
        }
    }

    /** The path of the setting a binding failed on, as a JSON pointer below the section bound ("/job/parallelism"). */
    private static String setting(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            path.append('/')
                    .append(step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex()));
        }
        return path.toString();
    }

    /** Jackson's reason, and for a duration the format it wants: "30 seconds" is the usual mistake. */
    private static String reason(JsonProcessingException e) {
        boolean duration = e instanceof InvalidFormatException format && format.getTargetType() == Duration.class;
        return e.getOriginalMessage() + (duration ? " (a duration is ISO-8601: PT30S, PT5M, PT72H, P3D)" : "");
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }
}
