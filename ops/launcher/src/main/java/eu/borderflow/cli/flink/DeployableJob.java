package eu.borderflow.cli.flink;

import eu.borderflow.config.JobNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A job the launcher deploys to a session cluster: its short name on the command line, the name it runs under in
 * Flink (how the launcher finds it again), its shaded job jar in the build and its entry class.
 */
public enum DeployableJob {
    RISK("risk", JobNames.RISK, "jobs/risk-flags/target", "borderflow-risk-flags-", "eu.borderflow.risk.RiskFlagJob"),
    PICTURE(
            "picture",
            JobNames.PICTURE,
            "jobs/situation-picture/target",
            "borderflow-situation-picture-",
            "eu.borderflow.picture.SituationPictureJob");

    private final String shortName;
    private final String flinkName;
    private final String jarDirectory;
    private final String jarPrefix;
    private final String entryClass;

    DeployableJob(String shortName, String flinkName, String jarDirectory, String jarPrefix, String entryClass) {
        this.shortName = shortName;
        this.flinkName = flinkName;
        this.jarDirectory = jarDirectory;
        this.jarPrefix = jarPrefix;
        this.entryClass = entryClass;
    }

    public String shortName() {
        return shortName;
    }

    public String flinkName() {
        return flinkName;
    }

    public String entryClass() {
        return entryClass;
    }

    /** The job named {@code name} on the command line, if there is one. */
    public static Optional<DeployableJob> named(String name) {
        return Arrays.stream(values())
                .filter(j -> j.shortName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The job that runs in Flink as {@code flinkName}, if it is one of these. */
    public static Optional<DeployableJob> runningAs(String flinkName) {
        return Arrays.stream(values())
                .filter(j -> j.flinkName.equals(flinkName))
                .findFirst();
    }

    public static List<String> shortNames() {
        return Arrays.stream(values()).map(DeployableJob::shortName).toList();
    }

    /** The shaded job jar under {@code home} ({@code <jarDirectory>/<jarPrefix>*-job.jar}), if it was built. */
    public Optional<Path> jar(Path home) {
        Path dir = home.resolve(jarDirectory);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(jarPrefix) && name.endsWith("-job.jar");
                    })
                    .sorted()
                    .reduce((first, second) -> second);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String jarPattern() {
        return jarDirectory + "/" + jarPrefix + "*-job.jar";
    }
}
