package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.schema.RiskFlag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@code upgrade risk --parallelism 1} mid-stream, then {@code upgrade risk --parallelism 2}: each stops the job with
 * a savepoint and resumes from it. The committed flags and audit records are exactly those expected, and a planted
 * overstay whose entry the old job had checkpointed before the first upgrade and whose exit reached Kafka only after
 * the old job stopped is still flagged: the entry crossed the upgrade in the savepoint. A third upgrade, then the whole
 * world replayed again at once: nothing new is flagged (its copies are LATE or re-sent), though the restored job has
 * no watermark yet.
 */
class UpgradeTest {

    @Test
    void upgradesMidStreamLoseNothingAndKeepState() throws Exception {
        Scenario scenario = Scenario.withTopics("upgrade");
        ReplayWorld.Overstay overstay = scenario.world.overstays().get(0);
        try {
            String jobId = scenario.deployOrFail();
            scenario.startReplay();
            String crossings = scenario.topics.getCrossings();
            List<String> crossingTopic = List.of(crossings);
            String bootstrap = scenario.platform.bootstrap();

            Scenario.await(
                    "the overstay's entry in Kafka",
                    () -> TopicOffsets.total(bootstrap, crossingTopic) > overstay.entryPosition());
            Map<String, Long> offsets = new HashMap<>();
            TopicPartition entryPartition = TopicOffsets.locate(
                            bootstrap, crossings, Set.of(overstay.entryId()), offsets)
                    .get(overstay.entryId());
            long entryOffset = offsets.get(overstay.entryId());
            Scenario.await(
                    "the job to checkpoint the overstay's entry",
                    () -> TopicOffsets.committed(bootstrap, scenario.groupId).getOrDefault(entryPartition, 0L)
                            > entryOffset);
            assertTrue(
                    TopicOffsets.total(bootstrap, crossingTopic) <= overstay.exitPosition(),
                    "premise: the overstay's exit is not in Kafka yet when the upgrade starts");

            AtomicReference<Map<TopicPartition, Long>> endWhenStopped = new AtomicReference<>();
            Scenario.Outcome first = upgrade(scenario, "1", line -> {
                if (line.startsWith("upgrade: savepoint")) {
                    endWhenStopped.set(TopicOffsets.end(bootstrap, crossingTopic));
                }
            });
            assertEquals(0, first.exitCode(), first.out());
            assertEquals(1, parallelism(scenario), "the first upgrade rescaled the job to 1");

            scenario.awaitReplayed(0.7, scenario.runningJob().id());
            Scenario.Outcome second = upgrade(scenario, "2", line -> {});
            assertEquals(0, second.exitCode(), second.out());

            Scenario.Outcome replay = scenario.awaitReplay();
            assertEquals(0, replay.exitCode(), replay.out());
            scenario.assertOutputExactlyAsExpected();

            Map<String, Long> exitOffsets = new HashMap<>();
            TopicPartition exitPartition = TopicOffsets.locate(
                            bootstrap, crossings, Set.of(overstay.exitId()), exitOffsets)
                    .get(overstay.exitId());
            assertTrue(
                    exitOffsets.get(overstay.exitId()) >= endWhenStopped.get().get(exitPartition),
                    "premise: the exit reached Kafka after the old job had stopped");
            List<RiskFlag> flags = scenario.flags();
            assertTrue(
                    flags.stream()
                            .anyMatch(f -> f.getRuleId().equals("R3")
                                    && f.getTriggerEventId().equals(overstay.exitId())),
                    "the overstay that spans the upgrade is flagged");
            assertEquals(2, parallelism(scenario), "the second upgrade rescaled the job to 2");
            assertTrue(!jobId.equals(scenario.runningJob().id()), "the upgrades started new jobs");

            // Flink restores no watermark: right after a restore, the same world replayed again must still be LATE
            // or known as re-sent, not new (before RestoredWatermark it raised its flags a second time).
            Scenario.Outcome third = upgrade(scenario, "2", line -> {});
            assertEquals(0, third.exitCode(), third.out());
            scenario.startReplayAtFullSpeed();
            Scenario.Outcome again = scenario.awaitReplay();
            assertEquals(0, again.exitCode(), again.out());
            Scenario.await(
                    "the second copy of the world in the dead-letter topic",
                    () -> scenario.deadLetters(DeadLetters.LATE).size() > scenario.world.records / 4);
            scenario.assertOutputExactlyAsExpected();
        } finally {
            scenario.stopJob();
        }
    }

    /** The largest parallelism of the running job's tasks. */
    static int parallelism(Scenario scenario) {
        return scenario
                .cluster
                .rest()
                .get("jobs/" + scenario.runningJob().id())
                .path("vertices")
                .findValues("parallelism")
                .stream()
                .mapToInt(n -> n.asInt())
                .max()
                .orElse(0);
    }

    private static Scenario.Outcome upgrade(
            Scenario scenario, String parallelism, java.util.function.Consumer<String> onLine) {
        return Scenario.launcher(
                onLine,
                "upgrade",
                "risk",
                "--parallelism",
                parallelism,
                "--jar",
                Scenario.jar().toString(),
                "--config",
                scenario.configDir.toString(),
                "--cluster",
                scenario.platform.flinkUrl(),
                "--timeout",
                "300");
    }
}
