package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped mid-stream and started again 30 s later: the job rides it out on its own (same job, no
 * redeployment), and the committed flags and audit records are exactly those expected. While it is down, {@code jobs}
 * says that the sources' lag is only what they last read, as they are connected to no broker; once it is back, not. The replay's producer is given
 * a delivery timeout longer than the outage and one request in flight at a time, so the input itself is complete (with
 * five in flight, a batch retried after the restart was once older than the sequence numbers the broker remembers, and
 * the broker refused it as out of order until it expired).
 */
class BrokerRestartTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String DISCONNECTED = "connected to no Kafka broker now";

    @Test
    void aBrokerRestartLosesNothingAndDuplicatesNothing() throws Exception {
        Scenario scenario = Scenario.withTopics("broker", "PT10S");
        try {
            String jobId = scenario.deployOrFail();
            scenario.startReplay(
                    "delivery.timeout.ms=300000", "max.block.ms=300000", "max.in.flight.requests.per.connection=1");
            scenario.awaitReplayed(0.35, jobId);
            scenario.awaitUncommittedFlags(jobId);
            scenario.platform.brokerDown();
            long down = System.nanoTime();
            awaitJobs(scenario, true, OUTAGE.multipliedBy(2));
            Thread.sleep(Math.max(
                    0,
                    OUTAGE.toMillis()
                            - Duration.ofNanos(System.nanoTime() - down).toMillis()));
            scenario.platform.brokerUp();
            awaitJobs(scenario, false, OUTAGE.multipliedBy(2));

            Scenario.Outcome replay = scenario.awaitReplay();
            assertEquals(0, replay.exitCode(), replay.out());
            scenario.assertOutputExactlyAsExpected();
            assertEquals(jobId, scenario.runningJob().id(), "the same job recovered on its own");
        } finally {
            scenario.stopJob();
        }
    }

    /** Waits until {@code jobs} does (or no longer does) say the sources are connected to no broker. */
    private static void awaitJobs(Scenario scenario, boolean disconnected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Scenario.launcher("jobs", "--cluster", scenario.platform.flinkUrl())
                    .out();
            if (out.contains("source lag:") && out.contains(DISCONNECTED) == disconnected) {
                return;
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("jobs " + (disconnected ? "never said" : "still says") + " \"" + DISCONNECTED
                + "\" after " + limit.toSeconds() + " s: " + out);
    }
}
