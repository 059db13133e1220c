package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JarDeployment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deploy risk|picture}: uploads the job's jar to a session cluster and runs it, through the REST API. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Uploads a job's shaded jar to a Flink session cluster and runs it, optionally from a savepoint; waits "
                    + "until every task runs, or until the job has failed three times while starting.",
            "Exit codes: 0 running, 1 unexpected failure, 2 cluster down, jar rejected, savepoint incompatible, "
                    + "no checkpoint to resume from, job already running, job failing to start (with the cause), "
                    + "or bad arguments."
        },
        footer = {
            "",
            "Examples:",
            "  ops/borderflow deploy risk",
            "  ops/borderflow deploy picture",
            "  ops/borderflow deploy risk --parallelism 2 \\",
            "      --from-savepoint var/cluster/savepoints/savepoint-1a2b3c-...",
            "  ops/borderflow deploy risk --resume      # after the JobManager was lost: its state carries over"
        })
public final class DeployCommand implements Callable<Integer> {

    /** A URI scheme of two or more characters, so a Windows drive letter is not one. */
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "JOB",
            description = "risk (the risk-flag job) or picture (the situational-picture job).")
    private String jobName;

    @Option(
            names = "--from-savepoint",
            paramLabel = "PATH",
            description = "Start from this savepoint or retained checkpoint.")
    private String savepoint;

    @Option(
            names = "--resume",
            description = "Start from the job's newest completed checkpoint in its checkpoint storage (the "
                    + "environment's job.checkpoint_storage, or picture.checkpoint_storage): after a JobManager "
                    + "restart, which a session cluster without high availability survives without its jobs, or a "
                    + "job that failed for good.")
    private boolean resume;

    @Mixin
    private SubmissionOptions submission;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private WaitOptions waitOptions;

    @Override
    public Integer call() {
        DeployableJob job = ClusterOptions.job(jobName);
        if (resume && savepoint != null) {
            throw new UserError("give --resume or --from-savepoint, not both");
        }
        Path jar = submission.jar(job);
        // Checked before the cluster is asked, so that a cluster that is down does not hide them.
        submission.parallelism();
        Duration timeout = waitOptions.timeout();
        FlinkCluster cluster = clusterOptions.cluster();
        cluster.activeJob(job.flinkName()).ifPresent(running -> {
            throw new DeploymentException(job.shortName() + " is already running as job " + running.id() + " ("
                    + running.state() + "); upgrade it with `ops/borderflow upgrade " + job.shortName()
                    + "` or stop it with `ops/borderflow stop " + job.shortName() + "`");
        });
        submission.checkSlots(cluster, job, 0);
        PrintWriter out = spec.commandLine().getOut();
        String savepointPath = savepoint == null ? null : absolute(savepoint);
        if (resume) {
            Path checkpoint =
                    ResumePoint.find(job.shortName(), submission.checkpointStorage(job), cluster.savepointDirectory());
            savepointPath = checkpoint.toString();
            out.println("deploy: resuming from the newest completed checkpoint, " + checkpoint + " (completed "
                    + LatestCheckpoint.completedAt(checkpoint) + ")");
        }
        out.println("deploy: submitting " + jar.getFileName() + " to "
                + cluster.rest().url() + (savepointPath == null ? "" : " from savepoint " + savepointPath) + " ...");
        out.flush();
        JarDeployment.Submission run = submission.submission(job, jar, savepointPath);
        String jobId = new JarDeployment(cluster, timeout).deploy(run);
        out.println("deploy: " + job.shortName() + " is running as job " + jobId + " ("
                + cluster.rest().url() + "/#/job/running/" + jobId + ")");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * A local path the JobManager can open; URIs such as file:/..., file:// or s3:// (what `stop --savepoint`
     * prints) pass as they are.
     */
    static String absolute(String path) {
        return URI_SCHEME.matcher(path).lookingAt()
                ? path
                : Path.of(path).toAbsolutePath().normalize().toString();
    }
}
