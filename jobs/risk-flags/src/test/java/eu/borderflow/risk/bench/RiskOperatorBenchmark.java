package eu.borderflow.risk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-crossing cost of the risk-flag job's hot keyed operators, in crossings per second on one thread: a generated
 * world (seed 11, 3,000 travellers, 45 days) replayed in arrival order, with its alert changes and periodic
 * watermarks, through Flink's operator test harnesses with heap state. One invocation replays the next
 * {@value #CHUNK} crossings (and the alert changes and watermarks between them); at the end of the world the operators
 * start again empty (outside the measured time). The baseline is the same kind of keyed harness with an operator that
 * only emits, so ratios show what each operator costs above Flink's own per-record work.
 * <p>
 * The C2 compiler needs a good ten seconds of this before the figures settle, hence the long warm-up.
 * <p>
 * {@code ops/borderflow bench --only RiskOperatorBenchmark}; the flags themselves are checked with {@link FlagDigest}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {
            "-Xmx1g",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED"
        })
public class RiskOperatorBenchmark {

    /** Crossings per invocation: the unit of the scores is crossings per second. */
    static final int CHUNK = 1000;

    /** The world, generated once per fork. */
    @State(Scope.Benchmark)
    public static class World {
        BenchWorld world;
        /** Index of the step after the last crossing of each full chunk. */
        int[] chunkEnds;

        @Setup(Level.Trial)
        public void generate() throws Exception {
            world = BenchWorld.generate(11, 3000, 45);
            List<Integer> ends = new ArrayList<>();
            int crossings = 0;
            for (int i = 0; i < world.steps.size(); i++) {
                if (world.steps.get(i).crossing() != null && ++crossings % CHUNK == 0) {
                    ends.add(i + 1);
                }
            }
            chunkEnds = ends.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** One operator chain fed chunk after chunk. */
    public abstract static class Replay {
        private Pipeline pipeline;
        private int chunk;
        private int from;

        abstract Pipeline create(BenchWorld world) throws Exception;

        @Setup(Level.Invocation)
        public void prepare(World world) throws Exception {
            if (pipeline == null || chunk == world.chunkEnds.length) {
                if (pipeline != null) {
                    pipeline.close();
                }
                pipeline = create(world.world);
                chunk = 0;
                from = 0;
            }
        }

        long next(World world) throws Exception {
            int to = world.chunkEnds[chunk++];
            pipeline.replay(world.world.steps, from, to);
            from = to;
            return pipeline.emitted();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            if (pipeline != null) {
                pipeline.close();
                pipeline = null;
            }
        }
    }

    @State(Scope.Thread)
    public static class Persons extends Replay {
        @Override
        Pipeline create(BenchWorld world) throws Exception {
            return Pipeline.persons(world.config);
        }
    }

    @State(Scope.Thread)
    public static class Documents extends Replay {
        @Override
        Pipeline create(BenchWorld world) throws Exception {
            return Pipeline.documents(world.config);
        }
    }

    @State(Scope.Thread)
    public static class TravellerFiles extends Replay {
        @Override
        Pipeline create(BenchWorld world) throws Exception {
            return Pipeline.travellerFile(world.config);
        }
    }

    @State(Scope.Thread)
    public static class DocumentSequences extends Replay {
        @Override
        Pipeline create(BenchWorld world) throws Exception {
            return Pipeline.documentSequence(world.config);
        }
    }

    @State(Scope.Thread)
    public static class PassThrough extends Replay {
        @Override
        Pipeline create(BenchWorld world) throws Exception {
            return Pipeline.passThrough();
        }
    }

    /** Baseline: a keyed harness (key: file id, heap state) whose operator only emits each crossing. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long baselineKeyedPassThrough(World world, PassThrough replay) throws Exception {
        return replay.next(world);
    }

    /** R2/R9: blocking-key probes, person alert matcher (as-of join), flag assembler; alert changes routed too. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long personAlertMatcher(World world, Persons replay) throws Exception {
        return replay.next(world);
    }

    /** R1: document-token probe and the document alert as-of join; alert changes routed too. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long documentAlertJoin(World world, Documents replay) throws Exception {
        return replay.next(world);
    }

    /** R3/R4/R5: crossing projection and the traveller's EES file (72 h lateness buffer, stays, timers). */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long travellerFileOperator(World world, TravellerFiles replay) throws Exception {
        return replay.next(world);
    }

    /** R7/R8: document projection and the document's trail (72 h lateness buffer, last crossing, biometrics). */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long documentSequenceOperator(World world, DocumentSequences replay) throws Exception {
        return replay.next(world);
    }
}
