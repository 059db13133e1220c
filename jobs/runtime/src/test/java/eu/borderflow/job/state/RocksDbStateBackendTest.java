package eu.borderflow.job.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The counting backend around RocksDB with incremental checkpoints (state_backend: ROCKSDB), on a MiniCluster that
 * serves its metrics through Flink's Prometheus reporter as the cluster does: checkpoints complete and are
 * incremental (RocksDB's files in the checkpoints' shared folder), a task failure restores every key's state from
 * the last one (each key's count goes on where the checkpoint left it, none starts again at 1), and the operator's
 * {@code stateEntries} is served, from RocksDB's estimate of its keys.
 */
class RocksDbStateBackendTest {

    private static final int KEYS = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int METRICS_PORT = freePort();
    private static final AtomicInteger COMPLETED_CHECKPOINTS = new AtomicInteger();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    /** {@code attempt key count} of every count emitted. */
    private static final Queue<long[]> COUNTS = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .setConfiguration(prometheus())
            .build());

    @Test
    void checkpointsIncrementallyRestoresAndServesStateEntries() throws Exception {
        // Not in a JUnit temporary folder: a cancelled task's checkpoint thread may still write a file while JUnit
        // deletes that folder, which then fails the test.
        Path checkpoints = Files.createTempDirectory(Files.createDirectories(Path.of("target", "checkpoints")), "run-");
        Configuration config = EntryCountingStateBackendFactory.configure(
                new Configuration(), StateBackendLoader.ROCKSDB_STATE_BACKEND_NAME);
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        // As RuntimeSettings sets it for ROCKSDB; RocksDB's own options file shows whether it arrived through the
        // counting backend's factory.
        config.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        Path rocksDb = Files.createTempDirectory(Files.createDirectories(Path.of("target", "rocksdb")), "run-");
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, rocksDb.toAbsolutePath().toString());
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        // Every RocksDB file into the checkpoint folder, none inlined into the metadata, so they can be seen shared.
        config.set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ZERO);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(300));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        assertEquals(EntryCountingStateBackendFactory.class.getName(), config.get(StateBackendOptions.STATE_BACKEND));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.fromSequence(0, Long.MAX_VALUE)
                .uid("numbers")
                .name("numbers")
                .map(RocksDbStateBackendTest::slowly, Types.LONG)
                .uid("slowly")
                .name("slowly")
                .keyBy(n -> n % KEYS, Types.LONG)
                .process(new CountPerKey(), Types.LONG)
                .uid("count-per-key")
                .name("count per key")
                .sinkTo(new DiscardingSink<>())
                .uid("discard")
                .name("discard");
        JobClient job = env.executeAsync("rocksdb state backend test");
        try {
            await("a task failure after three completed checkpoints", FAILED::get);
            await(
                    "counts after the restore",
                    () -> COUNTS.stream().filter(c -> c[0] == 1).count() >= 3L * KEYS);
            assertEquals(JobStatus.RUNNING, job.getJobStatus().get());

            Map<Long, Long> lastBefore =
                    COUNTS.stream().filter(c -> c[0] == 0).collect(Collectors.toMap(c -> c[1], c -> c[2], Math::max));
            Map<Long, Long> firstAfter =
                    COUNTS.stream().filter(c -> c[0] == 1).collect(Collectors.toMap(c -> c[1], c -> c[2], Math::min));
            assertEquals(KEYS, lastBefore.size(), "every key counted before the failure");
            assertEquals(lastBefore.keySet(), firstAfter.keySet());
            for (long key = 0; key < KEYS; key++) {
                long restored = firstAfter.get(key) - 1;
                assertTrue(
                        restored >= 1 && restored <= lastBefore.get(key),
                        "key " + key + " went on from its checkpointed count " + restored + " (last count before the "
                                + "failure: " + lastBefore.get(key) + ")");
            }

            await(
                    "incremental checkpoints keeping RocksDB's files in the shared folder",
                    () -> filesUnder(checkpoints).stream()
                            .anyMatch(f -> checkpoints.relativize(f).toString().matches(".*/shared/.+")));
            await(
                    "RocksDB's options naming a Bloom filter for the state's column family",
                    () -> bloomFilteredTables(rocksDb));
            await("stateEntries of the counting operator, at least one per key", () -> {
                OptionalDouble entries = stateEntries();
                return entries.isPresent() && entries.getAsDouble() >= KEYS;
            });
        } finally {
            job.cancel().get();
            // The cancel is acknowledged before the tasks have ended: wait for the job's end.
            job.getJobExecutionResult().handle((result, failure) -> null).get();
        }
    }

    /**
     * The files under {@code dir} as far as they could be listed: the running job writes and renames checkpoint and
     * RocksDB files meanwhile, so one that vanishes ends this look (empty), and the caller looks again.
     */
    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Whether an options file RocksDB wrote under {@code localDir} gives the state's column family a Bloom filter. */
    private static boolean bloomFilteredTables(Path localDir) {
        List<Path> options = filesUnder(localDir).stream()
                .filter(f -> f.getFileName().toString().startsWith("OPTIONS-"))
                .toList();
        for (Path file : options) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                // RocksDB replaced this options file by a newer one; that one is read next time.
                continue;
            }
            int start = text.indexOf("[TableOptions/BlockBasedTable \"count\"]");
            if (start < 0) {
                continue;
            }
            int end = text.indexOf("\n[", start);
            if (text.substring(start, end < 0 ? text.length() : end).contains("filter_policy=bloomfilter")) {
                return true;
            }
        }
        return false;
    }

    /** Counts per key in RocksDB; fails once, after three checkpoints completed, to be restored. */
    static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> implements CheckpointListener {
        private transient ValueState<Long> count;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws IOException {
            if (COMPLETED_CHECKPOINTS.get() >= 3 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("planned failure");
            }
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            COUNTS.add(new long[] {getRuntimeContext().getTaskInfo().getAttemptNumber(), ctx.getCurrentKey(), next});
            out.collect(next);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED_CHECKPOINTS.incrementAndGet();
        }
    }

    /** About a thousand numbers a second, so checkpoints fall between them. */
    private static Long slowly(Long n) throws InterruptedException {
        Thread.sleep(1);
        return n;
    }

    private static OptionalDouble stateEntries() {
        try {
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + METRICS_PORT + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return metrics.lines()
                    .filter(l -> l.startsWith("flink_taskmanager_job_task_operator_stateEntries{")
                            && l.contains("operator_name=\"count_per_key\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .max();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    private static Configuration prometheus() {
        Configuration config = new Configuration();
        config.setString("metrics.reporter.prom.factory.class", PrometheusReporterFactory.class.getName());
        config.setString("metrics.reporter.prom.port", String.valueOf(METRICS_PORT));
        return config;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
