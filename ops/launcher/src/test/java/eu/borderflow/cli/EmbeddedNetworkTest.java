package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedded run beyond parallelism 8 (Flink's 64 MB of network buffers) starts, or is refused in one line. */
class EmbeddedNetworkTest {

    @TempDir
    Path dir;

    @Test
    void aKeyedExchangeNeedsABufferPerSubpartitionAndTwoPerChannel() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(4);
        env.fromData(1L, 2L, 3L)
                .keyBy((KeySelector<Long, Long>) v -> v)
                .map(v -> v + 1)
                .sinkTo(new DiscardingSink<>());

        // One sender with 4 subpartitions (+1); 4 receivers with 1 channel each (2, +1). The map chains to the sink.
        assertEquals(
                1 * (4 + 1) + 4 * (1 * 2 + 1),
                EmbeddedNetwork.buffersNeeded(env.getStreamGraph(false).getJobGraph(), env.getParallelism()));
        assertEquals(EmbeddedNetwork.FLINK_LOCAL_DEFAULT, EmbeddedNetwork.memoryFor(env));
    }

    /** At 12 the risk job failed to start with "internal error" and a stack trace: 64 MB hold its exchanges up to 8. */
    @Test
    void theRiskJobRunsAtParallelismTwelveWithTheSameFlagsAsAtOne() throws Exception {
        Path world = TestFiles.world(dir.resolve("world"), 5, 400, 20);

        TestFiles.Run one = run(world, "one", 1);
        TestFiles.Run twelve = run(world, "twelve", 12);

        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, twelve.exitCode(), twelve.err());
        assertEquals(perRule(one), perRule(twelve));
        assertFalse(perRule(one).isEmpty(), one.out());
    }

    @Test
    void aParallelismThisJvmCannotHoldIsRefusedInOneLineBeforeTheJobStarts() throws Exception {
        Path world = TestFiles.world(dir.resolve("world"), 42, 100, 2);

        // Within the max parallelism (128), beyond the test JVM's gigabyte: about 12 GB of buffers.
        TestFiles.Run refused = run(world, "out", 100);

        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(
                refused.err().contains("parallelism 100 needs") && refused.err().contains("lower --parallelism"),
                refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertFalse(refused.err().contains("Exception"), refused.err());
    }

    private TestFiles.Run run(Path world, String out, int parallelism) {
        return TestFiles.run(
                "run",
                "risk",
                "--in",
                world.toString(),
                "--out",
                dir.resolve(out).toString(),
                "--parallelism",
                String.valueOf(parallelism));
    }

    /** The summary's lines of flags per rule ({@code R3 12 0}). */
    private static List<String> perRule(TestFiles.Run run) {
        return run.out()
                .lines()
                .filter(l -> l.strip().matches("R\\d+\\s+\\d+.*"))
                .toList();
    }
}
