package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
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

/** {@code jobs}: the cluster's jobs, their checkpoints, restarts and failures, and their sources' lag. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the jobs of a Flink cluster, newest first: state, and for active jobs the last completed "
                    + "checkpoint (age, duration, size), failed checkpoints (and the newest failure while they "
                    + "fail), restarts with the newest failure, and the records their Kafka sources have not read "
                    + "yet (source lag). A failed job is listed with its failure while no job of its name is active.",
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
        List<JobSummary> known = cluster.jobs();
        List<JobSummary> jobs = known.stream()
                .filter(j -> all || j.active() || unreplacedFailure(j, known))
                .toList();
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
            if (job.active()) {
                printCheckpoints(out, health.checkpoints(job.id()), now);
            }
            if (job.active() || job.failed()) {
                printFailures(out, job, health.failures(job.id()), now);
            }
            if (unreplacedFailure(job, known)) {
                DeployableJob.runningAs(job.name())
                        .ifPresent(d -> out.printf(
                                Locale.ROOT,
                                "    not running: fix the cause, then `ops/borderflow deploy %s --resume` continues from its "
                                        + "newest checkpoint (ops/RUNBOOK.md, \"A job is not running\")%n",
                                d.shortName()));
            }
            if (job.active()) {
                printSourceLag(out, job, health.sourceLag(job.id()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A failed job whose name no active (or newer) job carries: nothing does its work now. */
    private static boolean unreplacedFailure(JobSummary job, List<JobSummary> known) {
        return job.failed()
                && known.stream()
                        .filter(other ->
                                other.name().equals(job.name()) && !other.id().equals(job.id()))
                        .noneMatch(other -> other.active() || other.startTime() > job.startTime());
    }

    private static void printCheckpoints(PrintWriter out, JobHealth.Checkpoints checkpoints, long now) {
        String last = checkpoints.lastId().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "#%d %.1f s ago, took %d ms, %d bytes",
                        checkpoints.lastId().getAsLong(),
                        seconds(now, checkpoints.lastAckMillis().getAsLong()),
                        checkpoints.lastDurationMillis().getAsLong(),
                        checkpoints.lastSizeBytes().getAsLong())
                : "none yet";
        out.printf(
                Locale.ROOT,
                "    last checkpoint: %s; %d completed, %d failed%n",
                last,
                checkpoints.completed(),
                checkpoints.failed());
        if (checkpoints.failing()) {
            out.printf(
                    Locale.ROOT,
                    "    checkpoints failing: #%d %.1f s ago: %s (why: \"Decline checkpoint %d\" in the JobManager's log; "
                            + "ops/RUNBOOK.md, \"Checkpoints failing or stalled\")%n",
                    checkpoints.lastFailedId().getAsLong(),
                    seconds(now, checkpoints.lastFailedMillis().getAsLong()),
                    checkpoints.lastFailureMessage().orElse("no reason given"),
                    checkpoints.lastFailedId().getAsLong());
        }
    }

    /** Restarts and the newest failure's cause; for a failed job, the failure that ended it. */
    private static void printFailures(PrintWriter out, JobSummary job, JobHealth.Failures failures, long now) {
        long restarts = failures.restarts().orElse(0);
        String newest = failures.newest()
                .map(f -> String.format(Locale.ROOT, " %.1f s ago: %s", seconds(now, f.atMillis()), f.innermostCause()))
                .orElse("");
        if (job.failed()) {
            out.println("    failed after " + restarts + " restarts" + newest);
        } else if (restarts > 0) {
            out.println("    restarts: " + restarts + (newest.isEmpty() ? "" : ", the newest failure" + newest));
        }
    }

    private static void printSourceLag(PrintWriter out, JobSummary job, JobHealth.SourceLag lag) {
        String records = lag.records().isPresent() ? lag.records().getAsLong() + " records" : "not reported yet";
        if (!job.running()) {
            // The REST API keeps the last values of subtasks that no longer run: what waits in Kafka grows meanwhile.
            out.println("    source lag: "
                    + (lag.records().isPresent() ? records + " when last read" : "not reported")
                    + "; the sources do not run while the job is " + job.state());
        } else if (lag.disconnected()) {
            out.println(
                    "    source lag: " + records + " when last read; the sources are connected to no Kafka broker now "
                            + "(`ops/borderflow kafka status`; ops/RUNBOOK.md, \"The broker stopped\")");
        } else {
            out.println("    source lag: " + records);
        }
    }

    private static double seconds(long now, long then) {
        return (now - then) / 1000.0;
    }
}
