package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench job}'s refusals, before it generates a world or starts a broker. */
class BenchJobCommandTest {

    /**
     * 200 travellers need about 163 years for a million crossings (0.0307 crossings per traveller and day): a world
     * from 2025 that reaches into the future, whose records a broker refuses.
     */
    @Test
    void aKafkaWorldReachingIntoTheFutureIsRefusedInOneLine() {
        TestFiles.Run run =
                TestFiles.run("bench-job", "--source", "kafka", "--travellers", "200", "--crossings", "1000000");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("with --source kafka the world must lie in the past"), run.err());
        assertTrue(run.err().contains("162,867 days from 2025-01-06"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aLatencyRateThatIsNoRateIsRefusedInOneLine() {
        for (String rate : new String[] {"0", "-5", "Infinity"}) {
            TestFiles.Run run = TestFiles.run("bench-job", "--source", "kafka", "--latency-rate", rate);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("--latency-rate must be a positive number of events per second"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }
}
