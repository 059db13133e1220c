package eu.borderflow.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a cluster command that changes a job waits for the cluster: a job to start, a savepoint to complete. */
public final class WaitOptions {

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description = "How long to wait for a job to start or a savepoint to complete (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new UserError("--timeout must be at least 1 second");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }
}
