package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configurations for tests: the shipped defaults with one rule switched off. */
final class Configs {

    private Configs() {}

    static ConfigLoader withRuleOff(Path dir, String ruleId) throws IOException {
        String rules;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/borderflow-config/rules.yaml")) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String on = "  " + ruleId + ":\n    enabled: true";
        if (!rules.contains(on)) {
            throw new IllegalStateException("rules.yaml has no switch for " + ruleId);
        }
        Files.writeString(dir.resolve("rules.yaml"), rules.replace(on, "  " + ruleId + ":\n    enabled: false"));
        return ConfigLoader.from(dir);
    }
}
