package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JarDeployment;
import java.io.PrintWriter;
import java.nio.file.Path;
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
                    + "until every task runs.",
            "Exit codes: 0 running, 1 unexpected failure, 2 cluster down, jar rejected, savepoint incompatible, "
                    + "job already running, or bad arguments."
        },
        footer = {
            "",
            "Examples:",
            "  ops/borderflow deploy risk",
            "  ops/borderflow deploy picture",
            "  ops/borderflow deploy risk --parallelism 2 \\",
            "      --from-savepoint var/cluster/savepoints/savepoint-1a2b3c-..."
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

    @Mixin
    private SubmissionOptions submission;

    @Mixin
    private ClusterOptions clusterOptions;

    @Override
    public Integer call() {
        DeployableJob job = ClusterOptions.job(jobName);
        Path jar = submission.jar(job);
        String savepointPath = savepoint == null ? null : absolute(savepoint);
        FlinkCluster cluster = clusterOptions.cluster();
        cluster.activeJob(job.flinkName()).ifPresent(running -> {
            throw new DeploymentException(job.shortName() + " is already running as job " + running.id() + " ("
                    + running.state() + "); upgrade it with `ops/borderflow upgrade " + job.shortName()
                    + "` or stop it with `ops/borderflow stop " + job.shortName() + "`");
        });
        submission.checkSlots(cluster, job, 0);
        PrintWriter out = spec.commandLine().getOut();
        out.println("deploy: submitting " + jar.getFileName() + " to "
                + cluster.rest().url() + (savepointPath == null ? "" : " from savepoint " + savepointPath) + " ...");
        out.flush();
        JarDeployment.Submission run = submission.submission(job, jar, savepointPath);
        String jobId = new JarDeployment(cluster, clusterOptions.timeout()).deploy(run);
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
