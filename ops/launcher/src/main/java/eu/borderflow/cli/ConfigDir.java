package eu.borderflow.cli;

import eu.borderflow.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --config DIR} option of the commands that read config/: that folder, else {@code $BORDERFLOW_HOME/config}
 * (set by ops/borderflow to the checkout), else the copy built into borderflow.
 */
public final class ConfigDir {

    static final String HOME_ENV = "BORDERFLOW_HOME";
    private static final List<String> CONTENTS =
            List.of("rules.yaml", "topics.yaml", "picture.yaml", "privacy.yaml", "dashboard.yaml", "environments");

    @Option(
            names = "--config",
            paramLabel = "DIR",
            description = "Configuration folder (default: $BORDERFLOW_HOME/config, else the built-in defaults).")
    private Path configDir;

    public ConfigLoader loader() {
        return ConfigLoader.from(folder());
    }

    /** The folder to read, or {@code null} for the built-in defaults. */
    Path folder() {
        if (configDir != null) {
            if (!Files.isDirectory(configDir)) {
                throw new UserError("--config " + configDir + " is not a folder");
            }
            // Each file it lacks comes built in, so a wrong folder would otherwise go unnoticed.
            if (CONTENTS.stream().noneMatch(name -> Files.exists(configDir.resolve(name)))) {
                throw new UserError("--config " + configDir + " holds none of borderflow's configuration ("
                        + String.join(", ", CONTENTS) + "); the files it holds replace the built-in ones");
            }
            return configDir;
        }
        String home = System.getenv(HOME_ENV);
        Path defaultDir = home == null ? null : Path.of(home, "config");
        return defaultDir != null && Files.isDirectory(defaultDir) ? defaultDir : null;
    }
}
