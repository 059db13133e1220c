package eu.borderflow.job.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
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
}
