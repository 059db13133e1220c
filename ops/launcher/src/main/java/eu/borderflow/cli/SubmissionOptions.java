package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JarDeployment;
import eu.borderflow.job.environment.JobEnvironment;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code deploy} and {@code upgrade} submit a job: its parallelism, and the environment and configuration folder
 * its main() binds on the JobManager ({@code --environment NAME --config DIR}).
 */
public final class SubmissionOptions {

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallelism of the job (default: the environment's job.parallelism).")
    private Integer parallelism;

    @Option(names = "--environment", paramLabel = "NAME", defaultValue = JobEnvironment.CLUSTER,
            description = "config/environments/NAME.yaml, bound by the job when it is submitted "
                    + "(default: ${DEFAULT-VALUE}).")
    private String environment;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The job jar to upload "
                    + "(default: the build's, e.g. jobs/risk-flags/target/borderflow-risk-flags-*-job.jar).")
    private Path jarFile;

    @Mixin
    private ConfigDir config;

    /** The jar to upload: --jar, else the job's jar in the build. */
    Path jar(DeployableJob job) {
        if (jarFile == null) {
            return ClusterOptions.jar(job);
        }
        if (!Files.isRegularFile(jarFile)) {
            throw new UserError("--jar " + jarFile + " is not a file");
        }
        return jarFile.toAbsolutePath();
    }

    Integer parallelism() {
        if (parallelism != null && parallelism < 1) {
            throw new UserError("--parallelism must be at least 1");
        }
        return parallelism;
    }

    /**
     * The job's arguments. The configuration folder is passed as an absolute path: the job reads it on the
     * JobManager, which for the local cluster is this machine (a remote cluster needs the folder at the same path, or
     * runs on the defaults built into the jar).
     */
    List<String> programArgs() {
        List<String> args = new ArrayList<>(List.of("--environment", environment));
        Path folder = config.folder();
        if (folder != null) {
            args.add("--config");
            args.add(folder.toAbsolutePath().normalize().toString());
        }
        return args;
    }

    /** Refuses a parallelism the cluster has no slots for, before anything is stopped or submitted. */
    void checkSlots(FlinkCluster cluster, DeployableJob job, int freedSlots) {
        if (parallelism == null) {
            return;
        }
        FlinkCluster.Slots slots = cluster.slots();
        if (parallelism > slots.available() + freedSlots) {
            throw new DeploymentException(job.shortName() + " at parallelism " + parallelism + " needs "
                    + parallelism + " free slots; the cluster has " + (slots.available() + freedSlots) + " of "
                    + slots.total() + " (" + slots.taskManagers() + " TaskManagers); start more with "
                    + "ops/borderflow cluster up --taskmanagers N");
        }
    }

    JarDeployment.Submission submission(DeployableJob job, Path jar, String savepoint) {
        return new JarDeployment.Submission(jar, job.entryClass(), programArgs(), parallelism(), savepoint);
    }
}
