package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.tools.kafka.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming run and the topics it writes to, on a real broker: it does not start while one is missing, and when
 * its job stops because the embedded TaskManager was lost (what a topic deleted under the job leads to), it says which
 * topic is missing, or that the TaskManager failed, in one line.
 */
class SinkTopicsTest {

    private static TestBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void broker() throws Exception {
        broker = TestBroker.startOrShareExternal();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** In a thread of its own: a run that does not refuse streams until stopped. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void bothRunsRefuseToStartWhileATopicTheyWriteToIsMissing() throws Exception {
        String flags = unique("flags");
        String deadLetters = unique("deadletters");
        String audit = unique("audit");
        String picture = unique("picture");
        Path config =
                configWith(Map.of("flags", flags, "dead_letters", deadLetters, "audit", audit, "picture", picture));

        for (var job : Map.of(
                        "risk", List.of(audit, deadLetters, flags), "picture", List.of(deadLetters, flags, picture))
                .entrySet()) {
            TestFiles.Run refused = TestFiles.run(
                    "run",
                    job.getKey(),
                    "--bootstrap",
                    broker.bootstrap(),
                    "--rest-port",
                    "0",
                    "--metrics-port",
                    "0",
                    "--fresh",
                    "--config",
                    config.toString());

            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(
                    refused.err()
                            .contains("the topics " + String.join(", ", job.getValue()) + " the job writes to do not"
                                    + " exist on " + broker.bootstrap() + ": `ops/borderflow topics` creates them"),
                    refused.err());
            assertFalse(refused.err().contains("\tat "), refused.err());
            assertFalse(refused.out().contains("checkpoints:"), "the job did not start: " + refused.out());
        }
    }

    @Test
    void aJobLeftWithoutTaskManagerIsExplainedByTheTopicThatWentMissing() throws Exception {
        String present = unique("present");
        String gone = unique("gone");
        createTopic(present);
        Exception lost = new JobExecutionException(
                new JobID(), "Job execution failed.", new NoResourceAvailableException("no slots"));

        Exception explained = new SinkTopics(kafka(), List.of(present, gone), "run risk").explain(lost);

        assertInstanceOf(SinkTopics.JobStoppedException.class, explained);
        assertEquals(
                "the job stopped: the topic " + gone + " the job writes to does not exist on " + broker.bootstrap()
                        + " any more (deleted while the job ran?): `ops/borderflow topics` creates it; `run risk`"
                        + " again resumes from its latest checkpoint",
                explained.getMessage());
        assertSame(lost, explained.getCause());
    }

    @Test
    void withEveryTopicThereTheLostTaskManagerIsSaidAndOtherFailuresPassUnchanged() throws Exception {
        String present = unique("present");
        createTopic(present);
        SinkTopics topics = new SinkTopics(kafka(), List.of(present), "run picture");

        Exception lost = topics.explain(new JobExecutionException(
                new JobID(), "Job execution failed.", new NoResourceAvailableException("no slots")));
        assertInstanceOf(SinkTopics.JobStoppedException.class, lost);
        assertTrue(lost.getMessage().startsWith("the job stopped: the embedded TaskManager failed"), lost.getMessage());
        assertTrue(
                lost.getMessage().endsWith("`run picture` again resumes from its latest checkpoint"),
                lost.getMessage());

        Exception other = new JobExecutionException(new JobID(), "Job execution failed.", new IllegalStateException());
        assertSame(other, topics.explain(other));
    }

    private KafkaSettings kafka() {
        KafkaSettings kafka = new KafkaSettings();
        kafka.setBootstrapServers(broker.bootstrap());
        return kafka;
    }

    private void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String unique(String what) {
        return "sink-topics-test." + what + "." + System.nanoTime();
    }

    /** The project's configuration with the local environment's topics {@code topics} renamed. */
    private Path configWith(Map<String, String> topics) throws Exception {
        Path config = dir.resolve("config");
        Path environments = Files.createDirectories(config.resolve("environments"));
        String local = new String(
                getClass()
                        .getResourceAsStream("/borderflow-config/environments/local.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        for (var topic : topics.entrySet()) {
            local = local.replaceFirst(
                    "(?m)^  " + topic.getKey() + ": \\S+$", "  " + topic.getKey() + ": " + topic.getValue());
        }
        Files.writeString(environments.resolve("local.yaml"), local);
        return config;
    }
}
