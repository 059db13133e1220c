package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JarDeployment;
import eu.borderflow.config.ConfigException;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code deploy} and {@code upgrade} submit a job: its parallelism, and the environment and configuration folder
 * its main() binds on the JobManager ({@code --environment NAME --config DIR}).
 */
public final class SubmissionOptions {

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Parallelism of the job (default: the environment's job.parallelism).")
    private Integer parallelism;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            defaultValue = JobEnvironment.CLUSTER,
            description = "config/environments/NAME.yaml, bound by the job when it is submitted "
                    + "(default: ${DEFAULT-VALUE}).")
    private String environment;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
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
        if (parallelism() != null) {
            // The job sets its parallelism from its environment, which would override the REST API's.
            args.add("--parallelism");
            args.add(String.valueOf(parallelism));
        }
        return args;
    }

    /**
     * Refuses a parallelism the cluster has no slots for, before anything is stopped or submitted: {@code
     * --parallelism}, else the environment's {@code job.parallelism}, which the job runs at.
     */
    void checkSlots(FlinkCluster cluster, DeployableJob job, int freedSlots) {
        int needed = parallelism() != null ? parallelism : environmentParallelism();
        FlinkCluster.Slots slots = cluster.slots();
        if (needed > slots.available() + freedSlots) {
            throw new DeploymentException(job.shortName() + " at parallelism " + needed + " needs "
                    + needed + " free slots; the cluster has " + (slots.available() + freedSlots) + " of "
                    + slots.total() + " (" + slots.taskManagers() + " TaskManagers); start more with "
                    + "ops/borderflow cluster up --taskmanagers N");
        }
    }

    /** The environment's {@code job.parallelism}; 0 when it cannot be read (the job says why when submitted). */
    private int environmentParallelism() {
        try {
            RuntimeSettings job =
                    JobEnvironment.load(config.loader(), environment).getJob();
            return job == null ? 0 : job.getParallelism();
        } catch (ConfigException e) {
            return 0;
        }
    }

    /**
     * The checkpoint storage of {@code job} as its environment names it, resolved the way the job resolves it on the
     * JobManager (relative to BORDERFLOW_HOME): for {@code --resume}, a folder on this machine.
     */
    String checkpointStorage(DeployableJob job) {
        JobEnvironment settings = JobEnvironment.load(config.loader(), environment);
        RuntimeSettings runtime =
                job == DeployableJob.PICTURE ? settings.jobAs(settings.getPicture()) : settings.getJob();
        String storage = runtime.checkpointUri(JobEnvironment.home());
        if (!storage.startsWith("file:")) {
            throw new UserError("--resume looks for checkpoints in a folder on this machine, and " + environment
                    + "'s checkpoint storage is " + storage + ": give its newest <job id>/chk-N with --from-savepoint");
        }
        return storage;
    }

    JarDeployment.Submission submission(DeployableJob job, Path jar, String savepoint) {
        return new JarDeployment.Submission(jar, job.entryClass(), programArgs(), parallelism(), savepoint);
    }
}
