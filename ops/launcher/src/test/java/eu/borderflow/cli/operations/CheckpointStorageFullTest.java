package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.borderflow.cli.SmallFileSystem;
import eu.borderflow.cli.flink.JobHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job's checkpoint storage fills up mid-stream (a tmpfs of its own, filled to the last byte: "No space left on
 * device"). Checkpoints fail, the job restarts from its last completed checkpoint after the tolerated failures, and
 * when its restarts are used up it fails. {@code jobs} shows each stage: the failing checkpoints and the restarts
 * while it runs, then the failed job with its failure and {@code deploy risk --resume}. Once space is freed, the
 * resumed job's committed flags and audit records are exactly those of a bounded run over the same world. An
 * {@code upgrade} whose savepoint cannot be written then says why and leaves that job running. Space freed the wrong
 * way, by deleting a file of the newest checkpoint, makes {@code deploy --resume} fail fast, naming the missing file.
 */
class CheckpointStorageFullTest {

    private static final String STORAGE_SIZE = "32m";

    @Test
    void aFullCheckpointStorageFailsTheJobVisiblyAndAResumeLosesNothing() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small file system needs root");
        Scenario scenario = Scenario.withTopics("storage-full", "PT5S");
        scenario.jobSetting("restart_attempts", 1);
        Path storage = Files.createDirectories(scenario.checkpointFolder);
        SmallFileSystem.mount(storage, STORAGE_SIZE);
        try {
            String jobId = scenario.deployOrFail();
            scenario.startReplay();
            scenario.awaitReplayed(0.3, jobId);
            Path filler = SmallFileSystem.fill(storage.resolve("filler"));

            JobHealth health = new JobHealth(scenario.cluster);
            // Flink counts the restart before its exception history records the failure; wait for both.
            Scenario.await("the job to restart after its checkpoints failed and record why", () -> {
                JobHealth.Failures failures = health.failures(jobId);
                return failures.restarts().orElse(0) >= 1 && failures.newest().isPresent();
            });
            String running = jobs(scenario);
            assertTrue(running.contains("checkpoints failing: #"), running);
            assertTrue(running.contains("Decline checkpoint"), "where to find why: " + running);
            assertTrue(running.contains("restarts: 1, the newest failure"), running);
            assertTrue(running.contains("tolerable failure threshold"), running);

            Scenario.await(
                    "the job to fail when its restarts are used up",
                    () -> "FAILED".equals(scenario.cluster.job(jobId).state()));
            String failed = jobs(scenario);
            assertTrue(failed.contains(jobId + "  FAILED"), "a failed job nothing replaced is listed: " + failed);
            assertTrue(failed.contains("    failed after 1 restarts "), failed);
            assertTrue(failed.contains("tolerable failure threshold"), "the cause, not how Flink gave up: " + failed);
            assertTrue(failed.contains("ops/borderflow deploy risk --resume"), failed);

            Files.delete(filler);
            Scenario.Outcome resumed = scenario.deploy("--resume");
            assertEquals(0, resumed.exitCode(), resumed.out());
            assertTrue(resumed.out().contains(jobId + "/chk-"), "from the failed job's checkpoint: " + resumed.out());
            assertNotEquals(jobId, scenario.runningJob().id());
            assertFalse(jobs(scenario).contains(jobId), "the resumed job replaces the failed one in the list");

            Scenario.Outcome replay = scenario.awaitReplay();
            assertEquals(0, replay.exitCode(), replay.out());
            scenario.assertOutputExactlyAsExpected();

            String resumedId = scenario.runningJob().id();
            filler = SmallFileSystem.fill(storage.resolve("filler"));
            Scenario.Outcome upgrade = Scenario.launcher(
                    "upgrade",
                    "risk",
                    "--config",
                    scenario.configDir.toString(),
                    "--cluster",
                    scenario.platform.flinkUrl(),
                    "--jar",
                    Scenario.jar().toString(),
                    "--savepoint-dir",
                    storage.resolve("savepoints").toString());
            Files.delete(filler);
            assertEquals(2, upgrade.exitCode(), upgrade.out());
            assertTrue(upgrade.out().contains("failed; the job keeps running"), upgrade.out());
            assertTrue(upgrade.out().contains("No space left on device"), "the cause, named: " + upgrade.out());
            assertEquals(resumedId, scenario.runningJob().id(), "an upgrade without its savepoint keeps the job");

            Scenario.Outcome stopped = Scenario.launcher("stop", "risk", "--cluster", scenario.platform.flinkUrl());
            assertEquals(0, stopped.exitCode(), stopped.out());
            Path stateFile = newestCheckpointFile(storage.resolve("risk").resolve(resumedId));
            Files.delete(stateFile);
            scenario.jobSetting("restart_attempts", 20);
            Scenario.Outcome damaged = scenario.deploy("--resume");
            assertEquals(2, damaged.exitCode(), damaged.out());
            assertTrue(
                    damaged.out().matches("(?s).*failed \\d+ times while starting.*"),
                    "without waiting out the timeout: " + damaged.out());
            assertTrue(damaged.out().contains(stateFile + " (No such file or directory)"), damaged.out());
            assertTrue(damaged.out().contains("`ops/borderflow stop risk` cancels it"), damaged.out());
        } finally {
            scenario.stopJob();
            SmallFileSystem.unmount(storage);
        }
    }

    /** A state file of the job's newest checkpoint (not its metadata), which a restore needs. */
    private static Path newestCheckpointFile(Path jobFolder) throws IOException {
        Path newest;
        try (Stream<Path> checkpoints = Files.list(jobFolder)) {
            newest = checkpoints
                    .filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .max(Comparator.comparingLong(
                            p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no checkpoint in " + jobFolder));
        }
        try (Stream<Path> files = Files.list(newest)) {
            return files.filter(f -> !f.getFileName().toString().equals("_metadata"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("every state of " + newest + " is inline in its metadata"));
        }
    }

    private static String jobs(Scenario scenario) {
        Scenario.Outcome jobs = Scenario.launcher("jobs", "--cluster", scenario.platform.flinkUrl());
        assertEquals(0, jobs.exitCode(), jobs.out());
        return jobs.out();
    }
}
