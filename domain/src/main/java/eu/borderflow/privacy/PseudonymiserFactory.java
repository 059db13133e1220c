package eu.borderflow.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;

import java.nio.charset.StandardCharsets;

/** Builds the {@link Pseudonymiser} from {@code privacy.yaml}; the environment variable overrides the key. */
public final class PseudonymiserFactory {

    /** Holds the real key in any shared deployment, so it never sits in a file. */
    public static final String KEY_ENV = "BORDERFLOW_TOKEN_KEY";

    private PseudonymiserFactory() {
    }

    public static Pseudonymiser fromConfig(ConfigLoader config) {
        JsonNode token = config.tree("privacy").path("token");
        String keyId = token.path("key_id").asText(null);
        String key = System.getenv(KEY_ENV);
        if (key == null || key.isEmpty()) {
            key = token.path("key").asText(null);
        }
        if (keyId == null || key == null) {
            throw new ConfigException("privacy.yaml must set token.key_id and token.key (or " + KEY_ENV + ")");
        }
        return new Pseudonymiser(keyId, key.getBytes(StandardCharsets.UTF_8), token.path("bytes").asInt(16));
    }
}
