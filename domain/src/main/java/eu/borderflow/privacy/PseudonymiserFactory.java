package eu.borderflow.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@link Pseudonymiser} from {@code privacy.yaml}; the environment variable {@value #KEY_ENV} overrides the
 * key. The key shipped in the jar's {@code privacy.yaml} is a public demo key: a job outside the local demo
 * environment refuses it ({@link #forJob}).
 */
public final class PseudonymiserFactory {

    /** Holds the real key in any shared deployment, so it never sits in a file. */
    public static final String KEY_ENV = "BORDERFLOW_TOKEN_KEY";

    private static final int DEFAULT_TOKEN_BYTES = 16;

    private PseudonymiserFactory() {}

    /** The tools' pseudonymiser (generate, evaluate): the environment's key, else the configured one. */
    public static Pseudonymiser fromConfig(ConfigLoader config) {
        return build(config, System.getenv(KEY_ENV), true);
    }

    /**
     * A job's pseudonymiser, built once on the client when the job is submitted. {@code key} is the value of
     * {@value #KEY_ENV} (null when unset). Without the demo key allowed, a key must be given: through {@code key}, or
     * in a user's {@code privacy.yaml} that differs from the shipped demo key.
     */
    public static Pseudonymiser forJob(ConfigLoader config, String key, boolean demoKeyAllowed) {
        return build(config, key, demoKeyAllowed);
    }

    private static Pseudonymiser build(ConfigLoader config, String environmentKey, boolean demoKeyAllowed) {
        JsonNode token = config.tree("privacy").path("token");
        // Set but empty is a mistake (`$(cat FILE)` of a missing file), never a wish for privacy.yaml's key: that
        // would make tokens, and so flags and state, under another key without a word.
        if (environmentKey != null && environmentKey.isEmpty()) {
            throw new ConfigException(KEY_ENV + " is set but empty: set it to the key (at least 16 bytes), or unset it"
                    + " (unset " + KEY_ENV + ") to use privacy.yaml's token.key");
        }
        String key = environmentKey;
        if (key == null) {
            key = token.path("key").asText(null);
            String demoKey = ConfigLoader.defaults()
                    .tree("privacy")
                    .path("token")
                    .path("key")
                    .asText(null);
            if (!demoKeyAllowed && (key == null || key.equals(demoKey))) {
                throw new ConfigException("no pseudonymisation key: outside the local demo environment set "
                        + KEY_ENV + " (at least 16 bytes) when the job is submitted; the demo key in privacy.yaml "
                        + "is public and is refused");
            }
        }
        if (key == null || key.isEmpty()) {
            throw new ConfigException("privacy.yaml must set token.key (or " + KEY_ENV + ")");
        }
        String source = key.equals(environmentKey) ? KEY_ENV : "privacy.yaml token.key";
        if (key.isBlank()) {
            throw new ConfigException(source + " holds only white space; a key is at least 16 bytes of secret");
        }
        try {
            return new Pseudonymiser(
                    key.getBytes(StandardCharsets.UTF_8), token.path("bytes").asInt(DEFAULT_TOKEN_BYTES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("pseudonymisation key from " + source + ": " + e.getMessage(), e);
        }
    }
}
