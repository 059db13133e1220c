package eu.borderflow.job.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.junit.jupiter.api.Test;

/**
 * The latency settings and RocksDB's Bloom filter of every shipped environment reach Flink's configuration, and
 * nonsense is refused.
 */
class RuntimeSettingsTest {

    private static final ConfigLoader CONFIG = ConfigLoader.defaults();

    @Test
    void everyEnvironmentSetsBufferTimeoutAndWatermarkIntervalForBothJobs() {
        for (String name : new String[] {"local", "cluster", "kubernetes"}) {
            JobEnvironment environment = JobEnvironment.load(CONFIG, name);
            for (RuntimeSettings job :
                    new RuntimeSettings[] {environment.getJob(), environment.jobAs(environment.getPicture())}) {
                Configuration flink = job.flinkConfiguration(Path.of("."));
                assertEquals(Duration.ofMillis(5), flink.get(ExecutionOptions.BUFFER_TIMEOUT), name);
                assertEquals(Duration.ofMillis(20), flink.get(PipelineOptions.AUTO_WATERMARK_INTERVAL), name);
            }
        }
    }

    /** Set, not left to Flink, which would split the state of a job first started at 100 into 256 key groups. */
    @Test
    void everyEnvironmentSetsTheMaxParallelismEveryCheckpointSoFarWasTakenWith() {
        for (String name : new String[] {"local", "cluster", "kubernetes"}) {
            JobEnvironment environment = JobEnvironment.load(CONFIG, name);
            for (RuntimeSettings job :
                    new RuntimeSettings[] {environment.getJob(), environment.jobAs(environment.getPicture())}) {
                assertEquals(128, job.flinkConfiguration(Path.of(".")).get(PipelineOptions.MAX_PARALLELISM), name);
            }
        }
    }

    @Test
    void rocksDbGetsABloomFilterUnlessTheEnvironmentSaysNo() {
        for (String name : new String[] {"local", "cluster", "kubernetes"}) {
            RuntimeSettings job = JobEnvironment.load(CONFIG, name).getJob();
            assertFalse(
                    job.flinkConfiguration(Path.of(".")).contains(RocksDBConfigurableOptions.USE_BLOOM_FILTER),
                    "no RocksDB option for the heap backend: " + name);
            job.setStateBackend(RuntimeSettings.StateBackend.ROCKSDB);
            assertTrue(job.flinkConfiguration(Path.of(".")).get(RocksDBConfigurableOptions.USE_BLOOM_FILTER), name);
            assertTrue(
                    job.withCheckpointStorage("elsewhere")
                            .flinkConfiguration(Path.of("."))
                            .get(RocksDBConfigurableOptions.USE_BLOOM_FILTER),
                    "a second job's copy keeps it: " + name);
            job.setRocksdbBloomFilter(false);
            assertFalse(job.flinkConfiguration(Path.of(".")).get(RocksDBConfigurableOptions.USE_BLOOM_FILTER), name);
        }
    }

    @Test
    void aWatermarkIntervalOfZeroOrANegativeBufferTimeoutIsRefused() {
        RuntimeSettings job = JobEnvironment.load(CONFIG, "local").getJob();
        job.setWatermarkInterval(Duration.ZERO);
        ConfigException zero = assertThrows(ConfigException.class, () -> job.check(null));
        assertTrue(zero.getMessage().contains("watermark_interval must be positive"), zero.getMessage());
        job.setWatermarkInterval(Duration.ofMillis(50));
        job.setBufferTimeout(Duration.ofMillis(-1));
        ConfigException negative = assertThrows(ConfigException.class, () -> job.check(null));
        assertTrue(negative.getMessage().contains("buffer_timeout cannot be negative"), negative.getMessage());
    }

    /** Values that would fail a run with a stack trace, or turn the checkpoints, and so exactly-once, off. */
    @Test
    void aJobSectionTheJobCannotRunWithIsRefusedByName() {
        assertRefused(job -> job.setParallelism(0), "job.parallelism must be at least 1, not 0");
        assertRefused(job -> job.setParallelism(129), "parallelism 129 is above job.max_parallelism 128");
        assertRefused(job -> job.setMaxParallelism(0), "job.max_parallelism must be between 1 and 32768, not 0");
        assertRefused(job -> job.setCheckpointInterval(Duration.ofSeconds(-10)), "job.checkpoint_interval");
        assertRefused(job -> job.setCheckpointTimeout(Duration.ZERO), "job.checkpoint_timeout");
        assertRefused(job -> job.setRestartDelay(Duration.ofSeconds(-1)), "job.restart_delay");
        assertRefused(job -> job.setRestartMaxDelay(Duration.ofMillis(1)), "job.restart_max_delay");
        assertRefused(job -> job.setTransactionTimeoutMargin(Duration.ofMinutes(-1)), "job.transaction_timeout_margin");
        assertRefused(job -> job.setRestartAttempts(-1), "restart_attempts cannot be negative");
    }

    /**
     * A transaction opened at one checkpoint stays open through the tolerated failed or expired ones until the next
     * completes: with local.yaml's 10 s interval, 1 s pause and 3 tolerated failures, a 2-minute timeout keeps it at
     * most 8 min 13 s (plus the 1-minute margin, within the 10-minute transaction timeout), a 5-minute one 20 min 13 s.
     */
    @Test
    void aCheckpointTimeoutThatCouldOutliveTheKafkaTransactionIsRefused() {
        JobEnvironment environment = JobEnvironment.load(CONFIG, "local");
        RuntimeSettings job = environment.getJob();
        job.check(environment.getKafka());
        job.setCheckpointTimeout(Duration.ofMinutes(5));

        ConfigException refused = assertThrows(ConfigException.class, () -> job.check(environment.getKafka()));

        assertTrue(
                refused.getMessage().startsWith("kafka.transaction_timeout PT10M must exceed"), refused.getMessage());
        assertTrue(refused.getMessage().contains("= PT21M13S"), refused.getMessage());
        job.setToleratedCheckpointFailures(0);
        job.check(environment.getKafka());
    }

    private static void assertRefused(Consumer<RuntimeSettings> change, String named) {
        RuntimeSettings job = JobEnvironment.load(CONFIG, "local").getJob();
        job.check(null);
        change.accept(job);
        ConfigException e = assertThrows(ConfigException.class, () -> job.check(null));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
