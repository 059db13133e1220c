package eu.borderflow.cli;

import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.JobHealth;
import eu.borderflow.cli.flink.JobSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobs}: the cluster's jobs, their last checkpoint and their sources' lag. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the jobs of a Flink cluster, newest first: state, and for active jobs the last completed "
                    + "checkpoint (age, duration, size), failed checkpoints, and the records their Kafka sources "
                    + "have not read yet (source lag).",
            "Exit codes: 0 listed, 2 cluster down or bad arguments."
        })
public final class JobsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--all", description = "Also list finished, cancelled and failed jobs.")
    private boolean all;

    @Mixin
    private ClusterOptions clusterOptions;

    @Override
    public Integer call() {
        FlinkCluster cluster = clusterOptions.cluster();
        JobHealth health = new JobHealth(cluster);
        PrintWriter out = spec.commandLine().getOut();
        List<JobSummary> jobs =
                cluster.jobs().stream().filter(j -> all || j.active()).toList();
        FlinkCluster.Slots slots = cluster.slots();
        out.printf(
                Locale.ROOT,
                "%s: %d TaskManagers, %d of %d slots free%n",
                cluster.rest().url(),
                slots.taskManagers(),
                slots.available(),
                slots.total());
        if (jobs.isEmpty()) {
            out.println(all ? "no jobs" : "no active jobs (--all lists finished ones)");
        }
        long now = System.currentTimeMillis();
        for (JobSummary job : jobs) {
            out.printf(
                    Locale.ROOT,
                    "%s  %-10s %s (started %s)%n",
                    job.id(),
                    job.state(),
                    job.name(),
                    Instant.ofEpochMilli(job.startTime()));
            if (!job.active()) {
                continue;
            }
            JobHealth.Checkpoints checkpoints = health.checkpoints(job.id());
            String last = checkpoints.lastId().isPresent()
                    ? String.format(
                            Locale.ROOT,
                            "#%d %.1f s ago, took %d ms, %d bytes",
                            checkpoints.lastId().getAsLong(),
                            (now - checkpoints.lastAckMillis().getAsLong()) / 1000.0,
                            checkpoints.lastDurationMillis().getAsLong(),
                            checkpoints.lastSizeBytes().getAsLong())
                    : "none yet";
            out.printf(
                    Locale.ROOT,
                    "    last checkpoint: %s; %d completed, %d failed%n",
                    last,
                    checkpoints.completed(),
                    checkpoints.failed());
            var lag = health.sourceLag(job.id());
            out.println("    source lag: " + (lag.isPresent() ? lag.getAsLong() + " records" : "not reported yet"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
