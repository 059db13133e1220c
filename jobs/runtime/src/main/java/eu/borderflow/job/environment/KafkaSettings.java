package eu.borderflow.job.environment;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The broker and consumer/producer settings of one environment (section {@code kafka}). */
public final class KafkaSettings implements Serializable {

    /** Where a job without restored state starts reading. */
    public enum StartingOffsets {
        EARLIEST,
        LATEST,
        COMMITTED
    }

    private static final long serialVersionUID = 1L;

    private String bootstrapServers;
    private String groupId;
    private StartingOffsets startingOffsets;
    private String transactionalIdPrefix;
    private Duration transactionTimeout;
    private TreeMap<String, String> properties = new TreeMap<>();

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public StartingOffsets getStartingOffsets() {
        return startingOffsets;
    }

    public void setStartingOffsets(StartingOffsets startingOffsets) {
        this.startingOffsets = startingOffsets;
    }

    public String getTransactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    public void setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public Duration getTransactionTimeout() {
        return transactionTimeout;
    }

    public void setTransactionTimeout(Duration transactionTimeout) {
        this.transactionTimeout = transactionTimeout;
    }

    /**
     * Client properties for every Kafka client of the job, e.g. {@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}; applied before the job's own settings (bootstrap, group, isolation, transactions), which win.
     */
    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties == null ? new TreeMap<>() : new TreeMap<>(properties);
    }
}
