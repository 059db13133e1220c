package eu.borderflow.cli.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the launcher makes of Flink's error answers and of the build's jars, without a cluster. */
class FlinkErrorsTest {

    @Test
    void theMostSpecificCauseOfAFlinkErrorIsKept() throws Exception {
        String body = "{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute "
                + "application.\\n\\tat org.apache.flink.Foo.bar(Foo.java:1)\\nCaused by: "
                + "org.apache.flink.client.program.ProgramInvocationException: The main method caused an error\\n"
                + "\\tat x.y(Z.java:2)\\nCaused by: java.io.FileNotFoundException: Cannot find checkpoint or savepoint "
                + "file/directory '/nope'\\n\\tat a.b(C.java:3)\"]}";
        FlinkRestException e =
                new FlinkRestException("jars/1/run answered HTTP 400", 400, new ObjectMapper().readTree(body));
        assertEquals(
                "java.io.FileNotFoundException: Cannot find checkpoint or savepoint file/directory '/nope'", e.cause());
        assertEquals(400, e.status());
    }

    @Test
    void aJobThatRefusesItsConfigurationSaysWhichSettingNotWhatJacksonThrew() throws Exception {
        String body = "{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute "
                + "application.\\nCaused by: org.apache.flink.client.program.ProgramInvocationException: The main "
                + "method caused an error: environments/cluster.yaml /job/checkpoint_interval: Cannot deserialize\\n"
                + "Caused by: eu.borderflow.config.ConfigException: environments/cluster.yaml /job/checkpoint_interval: "
                + "Cannot deserialize\\n\\tat a.b(C.java:3)\\nCaused by: java.time.format.DateTimeParseException: Text "
                + "cannot be parsed to a Duration\"]}";
        FlinkRestException e =
                new FlinkRestException("jars/1/run answered HTTP 400", 400, new ObjectMapper().readTree(body));
        assertEquals("environments/cluster.yaml /job/checkpoint_interval: Cannot deserialize", e.cause());
    }

    @Test
    void aSavepointOfAnotherJobIsNamedAsSuch() {
        JarDeployment.Submission submission = new JarDeployment.Submission(
                Path.of("risk.jar"), "eu.borderflow.risk.RiskFlagJob", java.util.List.of(), null, "/sp/savepoint-1");
        String failure = "java.util.concurrent.CompletionException: java.lang.IllegalStateException: Failed to "
                + "rollback to checkpoint/savepoint file:/sp/savepoint-1. Cannot map checkpoint/savepoint state for "
                + "operator 6cdc5bb954874d922eaee11a8e7b5dd5 to the new program, because the operator is not "
                + "available in the new program. If you want to allow to skip this, you can set the "
                + "--allowNonRestoredState option on the CLI.";
        assertEquals(
                "savepoint /sp/savepoint-1 is not a savepoint of this job: it holds the state of operator "
                        + "6cdc5bb954874d922eaee11a8e7b5dd5, which eu.borderflow.risk.RiskFlagJob does not have (a savepoint "
                        + "of another job, or of a version whose operators were removed). Deploy from a savepoint this job "
                        + "wrote, or without one.",
                JarDeployment.foreignSavepoint(failure, submission).orElseThrow());
        assertTrue(JarDeployment.foreignSavepoint("java.io.FileNotFoundException: no savepoint", submission)
                .isEmpty());
    }

    @Test
    void anErrorWithoutDetailsKeepsItsMessage() {
        assertEquals("jobs answered HTTP 500", new FlinkRestException("jobs answered HTTP 500", 500, null).cause());
    }

    @Test
    void aStackTraceShrinksToItsCauses() {
        String trace = "org.apache.flink.runtime.JobException: Recovery is suppressed\n\tat a.b(C.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: Failed to rollback to checkpoint/savepoint\n\tat d.e(F.java:2)";
        assertEquals(
                "org.apache.flink.runtime.JobException: Recovery is suppressed\n  Caused by: "
                        + "java.lang.IllegalStateException: Failed to rollback to checkpoint/savepoint",
                FlinkCluster.causeLines(trace));
    }

    @Test
    void theJobJarIsTheShadedOneOfTheBuild() throws Exception {
        Path home = Files.createTempDirectory("borderflow-home");
        Path target = Files.createDirectories(home.resolve("jobs/risk-flags/target"));
        assertTrue(DeployableJob.RISK.jar(home).isEmpty(), "nothing built yet");
        Files.writeString(target.resolve("borderflow-risk-flags-0.1.0-SNAPSHOT.jar"), "thin");
        Files.writeString(target.resolve("borderflow-risk-flags-0.1.0-SNAPSHOT-job.jar"), "shaded");
        assertEquals(
                target.resolve("borderflow-risk-flags-0.1.0-SNAPSHOT-job.jar"),
                DeployableJob.RISK.jar(home).get());
        assertEquals(DeployableJob.RISK, DeployableJob.named("RISK").orElseThrow());
        assertTrue(DeployableJob.named("nope").isEmpty());
    }
}
