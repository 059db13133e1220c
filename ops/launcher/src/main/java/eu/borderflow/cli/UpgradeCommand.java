package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JarDeployment;
import eu.borderflow.cli.flink.JobSummary;
import eu.borderflow.cli.flink.Savepoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upgrade risk|picture}: stop with a savepoint, then run the current jar from it (a new version, or a rescale). */
@Command(
        name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
            "Stops a running job with a savepoint, then runs the current build of its jar from that savepoint, "
                    + "optionally at another parallelism. Nothing is lost or emitted twice: the sinks' "
                    + "transactions and the sources' offsets are part of the savepoint.",
            "Exit codes: 0 running again, 1 unexpected failure, 2 cluster down, job not running, jar rejected, "
                    + "savepoint incompatible (the job then stays stopped; the message names its savepoint), "
                    + "or bad arguments."
        },
        footer = {
            "",
            "Examples:",
            "  ops/borderflow upgrade risk                   a new version of the job",
            "  ops/borderflow upgrade risk --parallelism 4   rescale",
            "  ops/borderflow upgrade picture"
        })
public final class UpgradeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "JOB",
            description = "risk (the risk-flag job) or picture (the situational-picture job).")
    private String jobName;

    @Option(
            names = "--savepoint-dir",
            paramLabel = "DIR",
            description =
                    "Where to write the savepoint " + "(default: the cluster's execution.checkpointing.savepoint-dir).")
    private String savepointDir;

    @Mixin
    private SubmissionOptions submission;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private WaitOptions waitOptions;

    @Override
    public Integer call() {
        DeployableJob job = ClusterOptions.job(jobName);
        Path jar = submission.jar(job);
        submission.parallelism();
        FlinkCluster cluster = clusterOptions.cluster();
        JobSummary running = cluster.activeJob(job.flinkName())
                .orElseThrow(() -> new DeploymentException(job.shortName() + " is not running on "
                        + cluster.rest().url() + "; deploy it with `ops/borderflow deploy " + job.shortName() + "`"));
        if (!"RUNNING".equals(running.state())) {
            throw new DeploymentException(job.shortName() + " (job " + running.id() + ") is " + running.state()
                    + ", not RUNNING: a savepoint needs every task running; wait, or see `ops/borderflow jobs`");
        }
        submission.checkSlots(cluster, job, runningSlots(cluster, running));
        PrintWriter out = spec.commandLine().getOut();
        out.println("upgrade: stopping job " + running.id() + " with a savepoint ...");
        out.flush();
        String savepoint = new Savepoints(cluster, waitOptions.timeout())
                .stopWithSavepoint(running.id(), savepointDir == null ? null : DeployCommand.absolute(savepointDir));
        out.println("upgrade: savepoint " + savepoint);
        out.println("upgrade: submitting " + jar.getFileName() + " from it ...");
        out.flush();
        String jobId;
        try {
            jobId = new JarDeployment(cluster, waitOptions.timeout())
                    .deploy(submission.submission(job, jar, savepoint));
        } catch (DeploymentException e) {
            throw new DeploymentException(e.getMessage() + "\nThe old job is stopped; its state is in savepoint "
                    + savepoint + ". Run the previous jar from it, or fix the new one and run `ops/borderflow deploy "
                    + job.shortName() + " --from-savepoint " + savepoint + "`.");
        }
        out.println("upgrade: " + job.shortName() + " is running again as job " + jobId);
        out.flush();
        return ExitCodes.OK;
    }

    /** Slots the running job holds, which the new one can take once it stopped. */
    private static int runningSlots(FlinkCluster cluster, JobSummary running) {
        return cluster.rest().get("jobs/" + running.id()).path("vertices").findValues("parallelism").stream()
                .mapToInt(n -> n.asInt())
                .max()
                .orElse(0);
    }
}
