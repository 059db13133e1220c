package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JobSummary;
import eu.borderflow.cli.flink.Savepoints;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stop risk|picture [--savepoint]}: cancels a running job, or stops it with a savepoint to resume from later. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = {
            "Stops a running job: with --savepoint it takes a savepoint first and prints its path (resume with "
                    + "`deploy JOB --from-savepoint PATH`); without, it cancels the job and keeps its checkpoints "
                    + "(`deploy JOB --resume` continues from the newest; a plain deploy starts with empty state from "
                    + "the consumer group's committed offsets).",
            "Exit codes: 0 stopped, 1 unexpected failure, 2 cluster down, job not running, savepoint failed, "
                    + "or bad arguments."
        })
public final class StopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "JOB",
            description = "risk (the risk-flag job) or picture (the situational-picture job).")
    private String jobName;

    @Option(names = "--savepoint", description = "Take a savepoint, then stop.")
    private boolean savepoint;

    @Option(
            names = "--savepoint-dir",
            paramLabel = "DIR",
            description =
                    "Where to write the savepoint " + "(default: the cluster's execution.checkpointing.savepoint-dir).")
    private String savepointDir;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private WaitOptions waitOptions;

    @Override
    public Integer call() {
        DeployableJob job = ClusterOptions.job(jobName);
        FlinkCluster cluster = clusterOptions.cluster();
        JobSummary running = cluster.activeJob(job.flinkName())
                .orElseThrow(() -> new DeploymentException(
                        job.shortName() + " is not running on " + cluster.rest().url()));
        PrintWriter out = spec.commandLine().getOut();
        if (savepoint) {
            String path = new Savepoints(cluster, waitOptions.timeout())
                    .stopWithSavepoint(
                            running.id(), savepointDir == null ? null : DeployCommand.absolute(savepointDir));
            out.println("stop: job " + running.id() + " stopped with savepoint " + path);
        } else {
            cluster.cancel(running.id(), waitOptions.timeout());
            out.println("stop: job " + running.id() + " cancelled; its checkpoints are kept: `ops/borderflow deploy "
                    + job.shortName() + " --resume` continues from the newest, a plain deploy starts with empty state");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
