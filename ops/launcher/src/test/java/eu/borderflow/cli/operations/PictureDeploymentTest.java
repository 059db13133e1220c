package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.flag.FlagTime;
import eu.borderflow.picture.output.PictureTopic;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.TopicSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Both jobs on one session cluster, deployed with {@code deploy risk} and {@code deploy picture} at parallelism 1,
 * the world replayed at a steady rate, and {@code upgrade picture --parallelism 2} mid-stream: the picture job reads
 * the crossings and incidents and the risk job's flags as they are committed, and what it commits is exact. Every
 * picture revision and R11 flag revision is committed once, revisions 0..n of each window with none missing; the
 * latest revision of every window equals the bounded {@code run picture} over the world's files (a settled picture,
 * revision 0, run with the bounded risk run's flags), its flag counts included except in a window holding a flag the
 * picture dead-lettered as LATE (a bounded run over files never sees one arrive late); the R11 flags are the bounded
 * run's. Afterwards the cluster's
 * Prometheus endpoints serve every metric the situational-picture dashboard uses, the job-not-running alert finds
 * both jobs by name, and the picture job's savepoint given to {@code deploy risk --from-savepoint} is refused with
 * exit code 2 and a clear reason.
 */
class PictureDeploymentTest {

    private static final String PICTURE_JOB_LABEL = "job_name=\"borderflow_situational_picture_job\"";

    @Test
    void bothJobsOnOneClusterAndAPictureUpgradeMidStreamLoseNothing() throws Exception {
        Scenario scenario = Scenario.withTopics("picture");
        CompletableFuture<ReplayPicture> settled = CompletableFuture.supplyAsync(ReplayPicture::get);
        try {
            assertDeployed(scenario.deploy(DeployableJob.RISK, "--parallelism", "1"));
            assertDeployed(scenario.deploy(DeployableJob.PICTURE, "--parallelism", "1"));
            String first = scenario.runningJob(DeployableJob.PICTURE).id();
            assertEquals(1, parallelism(scenario, first));
            Scenario.Outcome jobs = Scenario.launcher("jobs", "--cluster", scenario.platform.flinkUrl());
            assertTrue(
                    jobs.out().contains(DeployableJob.RISK.flinkName())
                            && jobs.out().contains(DeployableJob.PICTURE.flinkName()),
                    "jobs lists both: " + jobs.out());

            scenario.startReplay();
            scenario.awaitReplayed(0.3, first);
            long[] replayedWhenStopped = {-1};
            Scenario.Outcome upgraded = Scenario.launcher(
                    line -> {
                        if (line.startsWith("upgrade: savepoint")) {
                            replayedWhenStopped[0] = scenario.replayed();
                        }
                    },
                    "upgrade",
                    "picture",
                    "--parallelism",
                    "2",
                    "--jar",
                    Scenario.jar(DeployableJob.PICTURE).toString(),
                    "--config",
                    scenario.configDir.toString(),
                    "--cluster",
                    scenario.platform.flinkUrl(),
                    "--timeout",
                    "300");
            assertEquals(0, upgraded.exitCode(), upgraded.out());
            String second = scenario.runningJob(DeployableJob.PICTURE).id();
            assertNotEquals(first, second, "the upgrade started a new job");
            assertEquals(2, parallelism(scenario, second), "the upgrade rescaled the picture job to 2");
            assertTrue(
                    replayedWhenStopped[0] >= 0 && replayedWhenStopped[0] < scenario.world.records,
                    "premise: records reached Kafka after the old picture job stopped (" + replayedWhenStopped[0]
                            + " of " + scenario.world.records + " when it stopped)");

            Scenario.Outcome replay = scenario.awaitReplay();
            assertEquals(0, replay.exitCode(), replay.out());
            ReplayPicture expected = settled.get(10, TimeUnit.MINUTES);
            Scenario.await(
                    "the picture's windows to be committed",
                    () -> missingWindows(scenario, expected).isEmpty(),
                    () -> describeMissing(scenario, expected));
            Scenario.await(
                    "the risk job's flags to be committed",
                    () -> scenario.flags().stream()
                                    .filter(f -> !"R11".equals(f.getRuleId()))
                                    .count()
                            >= scenario.world.expectedFlags.size());
            long completed = scenario.checkpoints(second);
            Scenario.await(
                    "two more checkpoints of the picture job", () -> scenario.checkpoints(second) >= completed + 2);

            assertPictureExactlyOnceAndSettled(scenario, expected);
            assertMetricsServed(scenario, second);
            assertAnotherJobsSavepointIsRefused(scenario);
        } finally {
            scenario.stopJob();
        }
    }

    private static Set<String> missingWindows(Scenario scenario, ReplayPicture expected) {
        Set<String> missing = new TreeSet<>(expected.windows.keySet());
        missing.removeAll(latest(picture(scenario)).keySet());
        return missing;
    }

    /** Which windows are missing, by section: the first and last of each, so a stuck watermark shows. */
    private static String describeMissing(Scenario scenario, ReplayPicture expected) {
        Map<String, List<String>> bySection = new TreeMap<>();
        for (String key : missingWindows(scenario, expected)) {
            bySection
                    .computeIfAbsent(key.substring(0, key.indexOf('/')), s -> new ArrayList<>())
                    .add(key);
        }
        return "; " + bySection.values().stream().mapToInt(List::size).sum() + " of " + expected.windows.size()
                + " windows missing in " + bySection.size() + " sections: "
                + bySection.values().stream()
                        .limit(8)
                        .map(keys -> keys.get(0) + " .. " + keys.get(keys.size() - 1) + " (" + keys.size() + ")")
                        .collect(Collectors.joining(", "))
                + "; "
                + TopicOffsets.openTransactions(
                        scenario.bootstrap, scenario.kafkaProperties, scenario.topics.getPicture())
                + "; " + pictureJobState(scenario);
    }

    /** The picture job's state, checkpoints and the input watermark of each section hour window instance. */
    private static String pictureJobState(Scenario scenario) {
        return scenario.cluster
                .activeJob(DeployableJob.PICTURE.flinkName())
                .map(job -> {
                    var rest = scenario.cluster.rest();
                    var counts = rest.get("jobs/" + job.id() + "/checkpoints").path("counts");
                    String watermarks = "";
                    for (var vertex : rest.get("jobs/" + job.id()).path("vertices")) {
                        if (vertex.path("name").asText().contains("section hour window")) {
                            watermarks = rest.get("jobs/" + job.id() + "/vertices/"
                                            + vertex.path("id").asText() + "/watermarks")
                                    .toString();
                        }
                    }
                    return "picture job " + job.id() + " " + job.state() + ", checkpoints " + counts
                            + ", section hour window watermarks " + watermarks;
                })
                .orElse("no picture job is running");
    }

    private static void assertPictureExactlyOnceAndSettled(Scenario scenario, ReplayPicture expected) {
        List<PictureUpdate> committed = picture(scenario);
        Map<String, Long> copies = committed.stream()
                .collect(
                        Collectors.groupingBy(p -> PictureTopic.key(p) + "#" + p.getRevision(), Collectors.counting()));
        assertEquals(
                List.of(),
                copies.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .limit(5)
                        .toList(),
                "no picture revision committed twice");
        Map<String, PictureUpdate> latest = latest(committed);
        Map<String, Long> versions =
                committed.stream().collect(Collectors.groupingBy(PictureTopic::key, Collectors.counting()));
        for (PictureUpdate window : latest.values()) {
            assertEquals(
                    window.getRevision() + 1,
                    versions.get(PictureTopic.key(window)),
                    "revisions 0.." + window.getRevision() + " of " + PictureTopic.key(window) + ", none missing");
        }
        assertEquals(expected.windows.keySet(), latest.keySet(), "the windows of the bounded run, no other");

        List<RiskFlag> flags = scenario.flags();
        Set<String> lateFlags = lateFlagIds(scenario);
        Map<String, RiskFlag> newestFlags = new TreeMap<>();
        for (RiskFlag flag : flags) {
            newestFlags.merge(flag.getFlagId(), flag, (a, b) -> b.getRevision() > a.getRevision() ? b : a);
        }
        List<String> differing = new ArrayList<>();
        long flagsInWindows = 0;
        int windowsWithFlags = 0;
        for (PictureUpdate window : latest.values()) {
            String key = PictureTopic.key(window);
            PictureUpdate settled = expected.windows.get(key);
            // A window holding a flag the picture dead-lettered as LATE cannot count it; the rest must be settled.
            boolean late = containsFlagOf(window, flags, lateFlags);
            PictureUpdate actual = late ? withoutFlagsAndRevision(window) : withoutRevision(window);
            PictureUpdate wanted = late ? withoutFlagsAndRevision(settled) : withoutRevision(settled);
            if (!actual.equals(wanted)) {
                differing.add(key + ": " + window + " vs settled " + settled);
                continue;
            }
            long pending = window.getFlagsPendingReview();
            flagsInWindows += pending;
            windowsWithFlags += pending > 0 ? 1 : 0;
        }
        assertEquals(
                List.of(), differing.subList(0, Math.min(3, differing.size())), differing.size() + " windows differ");
        assertTrue(
                windowsWithFlags > 10 && flagsInWindows > 20,
                "the picture counted the risk job's flags (" + flagsInWindows + " in " + windowsWithFlags
                        + " windows)");

        List<RiskFlag> r11 =
                flags.stream().filter(f -> "R11".equals(f.getRuleId())).toList();
        assertEquals(
                r11.size(),
                r11.stream()
                        .map(f -> f.getFlagId() + "#" + f.getRevision())
                        .distinct()
                        .count(),
                "no R11 flag revision committed twice");
        assertEquals(
                new TreeSet<>(
                        expected.r11Flags.stream().map(RiskFlag::getFlagId).toList()),
                new TreeSet<>(newestFlags.values().stream()
                        .filter(f -> "R11".equals(f.getRuleId()) && f.getStatus() != FlagStatus.WITHDRAWN)
                        .map(RiskFlag::getFlagId)
                        .toList()),
                "the R11 flags of the bounded run");
    }

    /** The flags of the risk job the picture job dead-lettered as LATE: which revision it kept is not known. */
    private static Set<String> lateFlagIds(Scenario scenario) {
        return scenario.deadLetters("LATE").stream()
                .filter(d -> scenario.topics.getFlags().equals(d.getSourceTopic()))
                .map(d -> String.valueOf(d.getEventId()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static boolean containsFlagOf(PictureUpdate window, List<RiskFlag> flags, Set<String> ids) {
        return flags.stream()
                .anyMatch(f -> ids.contains(f.getFlagId()) && f.getSectionId() != null && inWindow(f, window));
    }

    /** A flag counts in the window of the time its revision was raised (docs/CONTRACTS.md, RiskFlag v2). */
    private static boolean inWindow(RiskFlag flag, PictureUpdate window) {
        Instant raised = FlagTime.raisedAt(flag);
        return flag.getSectionId().equals(window.getSectionId())
                && !raised.isBefore(window.getWindowStart())
                && raised.isBefore(window.getWindowEnd());
    }

    private static PictureUpdate withoutRevision(PictureUpdate window) {
        return PictureUpdate.newBuilder(window).setRevision(0).build();
    }

    private static PictureUpdate withoutFlagsAndRevision(PictureUpdate window) {
        return PictureUpdate.newBuilder(window)
                .setRevision(0)
                .setFlagsByRule(Map.of())
                .setFlagsPendingReview(0)
                .build();
    }

    /**
     * The TaskManager's endpoint serves every metric of the situational-picture dashboard for the picture job, its
     * state entries and R11 counters among them; the JobManager's names both jobs in the metric the job-not-running
     * alert reads.
     */
    private static void assertMetricsServed(Scenario scenario, String jobId) throws Exception {
        String jobManager = TaskManagerFailureTest.metrics(scenario.platform.metricsPort());
        String taskManager = TaskManagerFailureTest.metrics(scenario.platform.metricsPort() + 1);
        assertTrue(
                jobManager
                        .lines()
                        .anyMatch(l -> l.startsWith("flink_jobmanager_job_runningState{")
                                && l.contains(PICTURE_JOB_LABEL)
                                && l.endsWith(" 1.0")),
                "the picture job's runningState");
        assertTrue(
                jobManager
                        .lines()
                        .anyMatch(l -> l.startsWith("flink_jobmanager_job_runningState{")
                                && l.contains("job_name=\"borderflow_risk_flag_job\"")
                                && l.endsWith(" 1.0")),
                "the risk job's");
        List<String> pictureLines = taskManager
                .lines()
                .filter(l -> l.contains("job_id=\"" + jobId + "\""))
                .toList();
        Set<String> served = new TreeSet<>(MetricNames.served(String.join("\n", pictureLines)));
        served.addAll(MetricNames.served(jobManager
                .lines()
                .filter(l -> l.contains("job_id=\"" + jobId + "\""))
                .collect(Collectors.joining("\n"))));
        Set<String> missing =
                new TreeSet<>(MetricNames.referencedBy("ops/grafana/dashboards/situational-picture.json"));
        missing.removeAll(served);
        assertEquals(Set.of(), missing, "the situational-picture dashboard uses only metrics the picture job serves");
        assertTrue(
                pictureLines.stream()
                        .anyMatch(l -> l.startsWith("flink_taskmanager_job_task_operator_stateEntries{")
                                && l.contains("operator_name=\"section_hour_window")
                                && !l.endsWith(" 0.0")),
                "the state entries of the section hour window");
        assertTrue(
                pictureLines.stream()
                        .anyMatch(l -> l.startsWith("flink_taskmanager_job_task_operator_rule_flagsRaised{")
                                && l.contains("rule=\"R11\"")),
                "R11 flags per status");
        assertTrue(
                pictureLines.stream()
                        .anyMatch(l -> l.startsWith("flink_taskmanager_job_task_operator_eventTimeLagMs{")
                                && !l.endsWith(" NaN")),
                "the picture's event-time lag, once a watermark passed");
    }

    /** A savepoint of the picture job is not one of the risk job: deploy says so and exits 2, and nothing runs. */
    private static void assertAnotherJobsSavepointIsRefused(Scenario scenario) {
        Scenario.Outcome stopped = Scenario.launcher(
                "stop", "picture", "--savepoint", "--cluster", scenario.platform.flinkUrl(), "--timeout", "300");
        assertEquals(0, stopped.exitCode(), stopped.out());
        java.util.regex.Matcher path =
                java.util.regex.Pattern.compile("stopped with savepoint (\\S+)").matcher(stopped.out());
        assertTrue(path.find(), stopped.out());
        String savepoint = path.group(1);
        assertTrue(Files.isDirectory(Path.of(savepoint.replaceFirst("^file:", ""))), savepoint);
        Scenario.Outcome cancelled = Scenario.launcher("stop", "risk", "--cluster", scenario.platform.flinkUrl());
        assertEquals(0, cancelled.exitCode(), cancelled.out());

        Scenario.Outcome refused = scenario.deploy(DeployableJob.RISK, "--from-savepoint", savepoint);
        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(
                refused.out().contains("is not a savepoint of this job")
                        && refused.out().contains(savepoint),
                "names the savepoint and why: " + refused.out());
        assertFalse(refused.out().contains("\tat "), "no stack trace: " + refused.out());
        assertTrue(scenario.cluster.activeJob(DeployableJob.RISK.flinkName()).isEmpty(), "nothing runs");
    }

    private static void assertDeployed(Scenario.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome.out());
    }

    private static int parallelism(Scenario scenario, String jobId) {
        return scenario.cluster.rest().get("jobs/" + jobId).path("vertices").findValues("parallelism").stream()
                .mapToInt(n -> n.asInt())
                .max()
                .orElse(0);
    }

    private static List<PictureUpdate> picture(Scenario scenario) {
        return TopicSnapshot.read(
                        scenario.bootstrap, scenario.kafkaProperties, scenario.topics.getPicture(), PictureUpdate.class)
                .records();
    }

    private static Map<String, PictureUpdate> latest(List<PictureUpdate> committed) {
        Map<String, PictureUpdate> latest = new TreeMap<>();
        for (PictureUpdate p : committed) {
            latest.merge(PictureTopic.key(p), p, (a, b) -> b.getRevision() > a.getRevision() ? b : a);
        }
        return latest;
    }
}
