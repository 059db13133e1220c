package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client of borderflow through the broker's SASL_PLAINTEXT listener (SCRAM-SHA-256) and nothing else:
 * {@code topics}, {@code replay}, {@code flags} and {@code evaluate} with {@code --kafka-config}, and the risk job on
 * the cluster with the same settings as {@code kafka.properties} in its environment. Without the settings, the
 * listener turns a client away.
 */
class KafkaSecurityTest {

    @Test
    void everyClientWorksOverSasl() {
        Scenario scenario = Scenario.overSasl("sasl");
        try {
            Scenario.Outcome refused = Scenario.launcher(
                    "topics", "--bootstrap", scenario.bootstrap, "--config", scenario.configDir.toString());
            assertEquals(1, refused.exitCode(), "without credentials the SASL listener refuses: " + refused.out());

            Scenario.Outcome topics = Scenario.launcher(withKafka(
                    scenario, "topics", "--bootstrap", scenario.bootstrap, "--config", scenario.configDir.toString()));
            assertEquals(0, topics.exitCode(), topics.out());
            assertTrue(topics.out().contains(scenario.topics.getFlags() + ": created"), topics.out());

            String jobId = scenario.deployOrFail();
            scenario.startReplayAtFullSpeed();
            Scenario.Outcome replay = scenario.awaitReplay();
            assertEquals(0, replay.exitCode(), replay.out());
            assertTrue(replay.out().contains("failed 0"), replay.out());
            scenario.assertOutputExactlyAsExpected();
            assertEquals(jobId, scenario.runningJob().id());

            Scenario.Outcome flags = Scenario.launcher(withKafka(
                    scenario,
                    "flags",
                    "--from",
                    scenario.topics.getFlags(),
                    "--bootstrap",
                    scenario.bootstrap,
                    "--last",
                    "1"));
            assertEquals(0, flags.exitCode(), flags.out());
            assertTrue(flags.out().startsWith(scenario.world.expectedFlags.size() + " flag records"), flags.out());

            Scenario.Outcome evaluate = Scenario.launcher(withKafka(
                    scenario,
                    "evaluate",
                    "--truth",
                    scenario.world.dir.toString(),
                    "--flags",
                    scenario.topics.getFlags(),
                    "--bootstrap",
                    scenario.bootstrap,
                    "--rules",
                    "R1,R2,R3,R4,R5,R6,R7,R8,R9,R10",
                    "--min-precision",
                    "1",
                    "--min-recall",
                    "1"));
            assertEquals(0, evaluate.exitCode(), evaluate.out());
        } finally {
            scenario.stopJob();
        }
    }

    private static String[] withKafka(Scenario scenario, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(scenario.kafkaConfigArgs());
        return all.toArray(String[]::new);
    }
}
