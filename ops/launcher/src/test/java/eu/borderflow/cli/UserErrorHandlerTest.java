package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderflow.cli.flink.FlinkRestException;
import eu.borderflow.tools.kafka.BrokerUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What a command prints when it fails: one line for what the user or the cluster can act on, a trace for a bug. */
class UserErrorHandlerTest {

    @Test
    void aFlinkRefusalIsOneLineWithFlinksCause() throws Exception {
        String body = "{\"errors\":[\"org.apache.flink.runtime.rest.NotFoundException: Job 42 not found\\n"
                + "\\tat org.apache.flink.Foo.bar(Foo.java:1)\"]}";
        FlinkRestException refused =
                new FlinkRestException("jobs/42 answered HTTP 404", 404, new ObjectMapper().readTree(body));
        String err = failing(refused, 1);
        assertEquals(
                "stop: the Flink cluster refused: jobs/42 answered HTTP 404:"
                        + " org.apache.flink.runtime.rest.NotFoundException: Job 42 not found",
                err.strip());
    }

    @Test
    void anUnreachableBrokerIsOneLine() {
        String err = failing(new BrokerUnavailableException("cannot reach Kafka at 127.0.0.1:1 within 30 s", null), 1);
        assertEquals("stop: cannot reach Kafka at 127.0.0.1:1 within 30 s", err.strip());
    }

    @Test
    void aBugKeepsItsStackTrace() {
        String err = failing(new IllegalStateException("a bug"), 1);
        assertTrue(err.startsWith("stop: internal error, please report it"), err);
        assertTrue(err.contains("\tat "), err);
    }

    @Test
    void aUserErrorIsOneLineAndExitsTwo() {
        String err = failing(new UserError("--out is not a folder"), 2);
        assertEquals("stop: --out is not a folder", err.strip());
        assertFalse(err.contains("\tat "), err);
    }

    private static String failing(RuntimeException thrown, int exitCode) {
        @Command(name = "stop")
        class Failing implements Callable<Integer> {
            @Override
            public Integer call() {
                throw thrown;
            }
        }
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Failing())
                .setExecutionExceptionHandler(new UserErrorHandler())
                .setErr(new PrintWriter(err, true));
        assertEquals(exitCode, cli.execute());
        return err.toString();
    }
}
