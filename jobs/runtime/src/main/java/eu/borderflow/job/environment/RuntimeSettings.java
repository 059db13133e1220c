package eu.borderflow.job.environment;

import eu.borderflow.config.ConfigException;
import eu.borderflow.job.config.ConfigChecks;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;

/**
 * Parallelism and fault tolerance of one environment (section {@code job}): checkpoints (interval, timeout, storage,
 * tolerated failures, retained on cancellation), the restart strategy and the state backend. The job sets all of them
 * from here ({@link #flinkConfiguration()}), so nothing is left to a cluster's defaults.
 */
public final class RuntimeSettings implements Serializable {

    /** Where keyed state lives between checkpoints. */
    public enum StateBackend {
        /** Objects on the JVM heap: fastest, bounded by the TaskManager's memory. */
        HEAP("hashmap"),
        /** RocksDB on local disk, for state larger than memory; checkpoints are incremental. */
        ROCKSDB("rocksdb");

        private final String flinkName;

        StateBackend(String flinkName) {
            this.flinkName = flinkName;
        }
    }

    /** How the job restarts after a failure. */
    public enum RestartStrategy {
        NONE("none"),
        FIXED_DELAY("fixed-delay"),
        EXPONENTIAL_DELAY("exponential-delay");

        private final String flinkName;

        RestartStrategy(String flinkName) {
            this.flinkName = flinkName;
        }
    }

    private static final long serialVersionUID = 1L;

    /** What Flink chose for every checkpoint taken so far (at a parallelism up to 85), so they all restore. */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    /** Flink's upper bound on the key groups. */
    private static final int KEY_GROUPS_LIMIT = 32768;

    private int parallelism;
    /**
     * The key groups keyed state is split into: the most a job can ever be rescaled to from its state. Flink derives
     * it from the first parallelism when it is not set (128 up to 85), so it is set, to Flink's 128.
     */
    private int maxParallelism = DEFAULT_MAX_PARALLELISM;

    private Duration checkpointInterval;
    private Duration checkpointTimeout;
    private Duration minPauseBetweenCheckpoints;
    private int toleratedCheckpointFailures;
    private String checkpointStorage;
    private StateBackend stateBackend = StateBackend.HEAP;
    private boolean incrementalCheckpoints;
    /** RocksDB only: a Bloom filter per file, so a lookup of a key that is not there (most probes) reads no block. */
    private boolean rocksdbBloomFilter = true;

    private RestartStrategy restartStrategy;
    private int restartAttempts;
    private Duration restartDelay;
    private Duration restartMaxDelay;
    private Duration transactionTimeoutMargin;
    /** How long a network buffer may wait to fill before it is sent: each exchange adds up to this much latency. */
    private Duration bufferTimeout;
    /** How often the sources emit watermarks: rules that wait for event time wait for the next one. */
    private Duration watermarkInterval;

    /**
     * Checks the settings against each other and against {@code kafka}: an exactly-once sink's transaction stays open
     * from one checkpoint until the next completes, so its timeout must exceed the checkpoint interval plus the
     * checkpoint timeout by the margin, or the broker aborts transactions the job will still commit. With {@code kafka}
     * null, the job section alone (a run that writes no Kafka transaction).
     *
     * @throws ConfigException with what to change
     */
    public void check(KafkaSettings kafka) {
        if (parallelism < 1) {
            throw new ConfigException("job.parallelism must be at least 1, not " + parallelism);
        }
        if (maxParallelism < 1 || maxParallelism > KEY_GROUPS_LIMIT) {
            throw new ConfigException(
                    "job.max_parallelism must be between 1 and " + KEY_GROUPS_LIMIT + ", not " + maxParallelism);
        }
        if (parallelism > maxParallelism) {
            throw new ConfigException("parallelism " + parallelism + " is above job.max_parallelism " + maxParallelism
                    + ", the key groups the job's state is split into: a job restored from its checkpoints cannot "
                    + "run wider; a new max_parallelism means starting without the state");
        }
        if (checkpointInterval == null
                || checkpointTimeout == null
                || checkpointStorage == null
                || restartStrategy == null
                || transactionTimeoutMargin == null) {
            throw new ConfigException("environment job section: checkpoint_interval, checkpoint_timeout, "
                    + "checkpoint_storage, restart_strategy and transaction_timeout_margin are mandatory");
        }
        if (toleratedCheckpointFailures < 0 || restartAttempts < 0) {
            throw new ConfigException("tolerated_checkpoint_failures and restart_attempts cannot be negative");
        }
        // Flink's least interval; a negative one would turn checkpoints, and so the exactly-once output, off.
        if (checkpointInterval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new ConfigException("job.checkpoint_interval must be at least PT0.01S, not " + checkpointInterval);
        }
        ConfigChecks.positive("job.checkpoint_timeout", checkpointTimeout);
        ConfigChecks.notNegative("job.transaction_timeout_margin", transactionTimeoutMargin);
        if (minPauseBetweenCheckpoints != null) {
            ConfigChecks.notNegative("job.min_pause_between_checkpoints", minPauseBetweenCheckpoints);
        }
        if (restartDelay != null) {
            ConfigChecks.notNegative("job.restart_delay", restartDelay);
        }
        if (restartMaxDelay != null && restartDelay != null && restartMaxDelay.compareTo(restartDelay) < 0) {
            throw new ConfigException(
                    "job.restart_max_delay " + restartMaxDelay + " must be at least job.restart_delay " + restartDelay);
        }
        if (bufferTimeout != null && bufferTimeout.isNegative()) {
            throw new ConfigException("job.buffer_timeout cannot be negative (PT0S sends every record at once)");
        }
        if (watermarkInterval != null && (watermarkInterval.isZero() || watermarkInterval.isNegative())) {
            throw new ConfigException(
                    "job.watermark_interval must be positive: without periodic watermarks event time stands still");
        }
        Duration needed = longestOpenTransaction().plus(transactionTimeoutMargin);
        if (kafka != null && kafka.getTransactionTimeout().compareTo(needed) <= 0) {
            throw new ConfigException("kafka.transaction_timeout " + kafka.getTransactionTimeout() + " must exceed "
                    + "job.checkpoint_interval + (job.tolerated_checkpoint_failures + 1) x job.checkpoint_timeout + "
                    + "job.tolerated_checkpoint_failures x job.min_pause_between_checkpoints + "
                    + "job.transaction_timeout_margin = " + needed + ", or the broker may abort a transaction before a "
                    + "checkpoint commits it: raise it (at most the broker's transaction.max.timeout.ms), or shorten "
                    + "the checkpoint timeout, or tolerate fewer checkpoint failures");
        }
    }

    /**
     * The longest a sink's Kafka transaction can stay open before a checkpoint commits it: it opens at one checkpoint,
     * the next commits it, and each failed or expired checkpoint in between (as many as are tolerated, the one after
     * fails the job, which aborts it and restarts from the last completed checkpoint) adds its timeout and the pause.
     */
    private Duration longestOpenTransaction() {
        Duration pause = minPauseBetweenCheckpoints == null ? Duration.ZERO : minPauseBetweenCheckpoints;
        return checkpointInterval
                .plus(checkpointTimeout.multipliedBy(toleratedCheckpointFailures + 1L))
                .plus(pause.multipliedBy(toleratedCheckpointFailures));
    }

    /** The checkpoint storage as a URI; a relative directory is resolved against {@code base} on the client. */
    public String checkpointUri(Path base) {
        if (checkpointStorage.contains("://")) {
            return checkpointStorage;
        }
        return base.resolve(checkpointStorage)
                .toAbsolutePath()
                .normalize()
                .toUri()
                .toString();
    }

    /** Every fault-tolerance option of the job, for {@code StreamExecutionEnvironment#configure}. */
    public Configuration flinkConfiguration(Path base) {
        Configuration c = new Configuration();
        c.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        c.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        c.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, checkpointTimeout);
        if (minPauseBetweenCheckpoints != null) {
            c.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, minPauseBetweenCheckpoints);
        }
        c.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, toleratedCheckpointFailures);
        c.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointUri(base));
        c.set(StateBackendOptions.STATE_BACKEND, stateBackend.flinkName);
        if (bufferTimeout != null) {
            c.set(ExecutionOptions.BUFFER_TIMEOUT, bufferTimeout);
        }
        if (watermarkInterval != null) {
            c.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, watermarkInterval);
        }
        c.set(
                CheckpointingOptions.INCREMENTAL_CHECKPOINTS,
                stateBackend == StateBackend.ROCKSDB && incrementalCheckpoints);
        if (stateBackend == StateBackend.ROCKSDB) {
            c.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, rocksdbBloomFilter);
        }
        c.set(RestartStrategyOptions.RESTART_STRATEGY, restartStrategy.flinkName);
        switch (restartStrategy) {
            case FIXED_DELAY -> {
                c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
                c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, restartDelay);
            }
            case EXPONENTIAL_DELAY -> {
                c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, restartAttempts);
                c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, restartDelay);
                c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, restartMaxDelay);
            }
            case NONE -> {
                // No restart: a failure ends the job.
            }
        }
        return c;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    public Duration getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    public Duration getCheckpointTimeout() {
        return checkpointTimeout;
    }

    public void setCheckpointTimeout(Duration checkpointTimeout) {
        this.checkpointTimeout = checkpointTimeout;
    }

    public Duration getMinPauseBetweenCheckpoints() {
        return minPauseBetweenCheckpoints;
    }

    public void setMinPauseBetweenCheckpoints(Duration minPauseBetweenCheckpoints) {
        this.minPauseBetweenCheckpoints = minPauseBetweenCheckpoints;
    }

    public int getToleratedCheckpointFailures() {
        return toleratedCheckpointFailures;
    }

    public void setToleratedCheckpointFailures(int toleratedCheckpointFailures) {
        this.toleratedCheckpointFailures = toleratedCheckpointFailures;
    }

    public String getCheckpointStorage() {
        return checkpointStorage;
    }

    public void setCheckpointStorage(String checkpointStorage) {
        this.checkpointStorage = checkpointStorage;
    }

    public StateBackend getStateBackend() {
        return stateBackend;
    }

    public void setStateBackend(StateBackend stateBackend) {
        this.stateBackend = stateBackend;
    }

    public boolean isIncrementalCheckpoints() {
        return incrementalCheckpoints;
    }

    public void setIncrementalCheckpoints(boolean incrementalCheckpoints) {
        this.incrementalCheckpoints = incrementalCheckpoints;
    }

    public boolean isRocksdbBloomFilter() {
        return rocksdbBloomFilter;
    }

    public void setRocksdbBloomFilter(boolean rocksdbBloomFilter) {
        this.rocksdbBloomFilter = rocksdbBloomFilter;
    }

    public RestartStrategy getRestartStrategy() {
        return restartStrategy;
    }

    public void setRestartStrategy(RestartStrategy restartStrategy) {
        this.restartStrategy = restartStrategy;
    }

    public int getRestartAttempts() {
        return restartAttempts;
    }

    public void setRestartAttempts(int restartAttempts) {
        this.restartAttempts = restartAttempts;
    }

    public Duration getRestartDelay() {
        return restartDelay;
    }

    public void setRestartDelay(Duration restartDelay) {
        this.restartDelay = restartDelay;
    }

    public Duration getRestartMaxDelay() {
        return restartMaxDelay;
    }

    public void setRestartMaxDelay(Duration restartMaxDelay) {
        this.restartMaxDelay = restartMaxDelay;
    }

    public Duration getTransactionTimeoutMargin() {
        return transactionTimeoutMargin;
    }

    public void setTransactionTimeoutMargin(Duration transactionTimeoutMargin) {
        this.transactionTimeoutMargin = transactionTimeoutMargin;
    }

    public Duration getBufferTimeout() {
        return bufferTimeout;
    }

    public void setBufferTimeout(Duration bufferTimeout) {
        this.bufferTimeout = bufferTimeout;
    }

    public Duration getWatermarkInterval() {
        return watermarkInterval;
    }

    public void setWatermarkInterval(Duration watermarkInterval) {
        this.watermarkInterval = watermarkInterval;
    }

    /** The same settings with another checkpoint storage (a second job's own folder). */
    public RuntimeSettings withCheckpointStorage(String storage) {
        RuntimeSettings copy = new RuntimeSettings();
        copy.parallelism = parallelism;
        copy.maxParallelism = maxParallelism;
        copy.checkpointInterval = checkpointInterval;
        copy.checkpointTimeout = checkpointTimeout;
        copy.minPauseBetweenCheckpoints = minPauseBetweenCheckpoints;
        copy.toleratedCheckpointFailures = toleratedCheckpointFailures;
        copy.checkpointStorage = storage;
        copy.stateBackend = stateBackend;
        copy.incrementalCheckpoints = incrementalCheckpoints;
        copy.rocksdbBloomFilter = rocksdbBloomFilter;
        copy.restartStrategy = restartStrategy;
        copy.restartAttempts = restartAttempts;
        copy.restartDelay = restartDelay;
        copy.restartMaxDelay = restartMaxDelay;
        copy.transactionTimeoutMargin = transactionTimeoutMargin;
        copy.bufferTimeout = bufferTimeout;
        copy.watermarkInterval = watermarkInterval;
        return copy;
    }
}
