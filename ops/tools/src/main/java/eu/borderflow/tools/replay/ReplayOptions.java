package eu.borderflow.tools.replay;

import eu.borderflow.config.TopicNames;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What to replay and how, and into which topics; made by {@link #builder}. {@code status} receives the start line
 * and, when {@code progress} is on, the progress bar; {@code metricsPort} 0 picks a free port; {@code heartbeats} is
 * the interval of the alert changelog's heartbeats ({@link AlertHeartbeatSender}), zero for none; {@code keepAlive},
 * how often a paced replay that waits for its next record repeats its last heartbeat.
 */
public record ReplayOptions(
        Path in,
        Pacing pacing,
        String bootstrap,
        TopicNames topics,
        int metricsPort,
        PrintWriter status,
        boolean progress,
        Map<String, String> kafkaProperties,
        Duration heartbeats,
        Duration keepAlive) {

    /**
     * The default heartbeat interval: as often as the jobs emit watermarks (environments' {@code
     * watermark_interval}), so a heartbeat adds no more to a flag's wait than a watermark does.
     */
    public static final long DEFAULT_HEARTBEAT_MILLIS = 20;

    /** The same, as a duration. */
    public static final Duration DEFAULT_HEARTBEATS = Duration.ofMillis(DEFAULT_HEARTBEAT_MILLIS);

    /** How many keep-alives a paced replay sends within the jobs' source idleness: a few may be late or lost. */
    private static final int KEEP_ALIVES_PER_IDLENESS = 6;

    /** The keep-alive for rules.yaml's default /time/source_idleness, a minute. */
    public static final Duration DEFAULT_KEEP_ALIVE = keepAliveWithin(Duration.ofMinutes(1));

    /**
     * How often a paced replay that waits repeats its last heartbeat so that a job whose time.source_idleness is
     * {@code idleness} never counts the alert changelog's partitions idle while it waits: a partition back from idle
     * holds its source's watermark for time.source_resume_hold (2 s), which an alert hit would wait for.
     */
    public static Duration keepAliveWithin(Duration idleness) {
        Duration keepAlive = idleness.dividedBy(KEEP_ALIVES_PER_IDLENESS);
        return keepAlive.isZero() ? Duration.ofMillis(1) : keepAlive;
    }

    public ReplayOptions {
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (heartbeats.isNegative()) {
            throw new IllegalArgumentException("the heartbeat interval must not be negative, was " + heartbeats);
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("the keep-alive interval must be positive, was " + keepAlive);
        }
    }

    /** Options for replaying the dataset in {@code in} into the broker at {@code bootstrap}, with every default. */
    public static Builder builder(Path in, String bootstrap, TopicNames topics) {
        return new Builder(in, bootstrap, topics);
    }

    /**
     * Builds {@link ReplayOptions}: as fast as the broker takes them, no status, no progress, no metrics port chosen,
     * a plaintext broker, the default heartbeats and keep-alive, unless set.
     */
    public static final class Builder {
        private final Path in;
        private final String bootstrap;
        private final TopicNames topics;
        private Pacing pacing = Pacing.max();
        private int metricsPort;
        private PrintWriter status = new PrintWriter(Writer.nullWriter());
        private boolean progress;
        private Map<String, String> kafkaProperties = Map.of();
        private Duration heartbeats = DEFAULT_HEARTBEATS;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;

        private Builder(Path in, String bootstrap, TopicNames topics) {
            this.in = in;
            this.bootstrap = bootstrap;
            this.topics = topics;
        }

        public Builder pacing(Pacing pacing) {
            this.pacing = pacing;
            return this;
        }

        /** The port of the replay's own metrics; 0 picks a free one. */
        public Builder metricsPort(int metricsPort) {
            this.metricsPort = metricsPort;
            return this;
        }

        /** Where the start line goes, and the progress bar with {@link #progress}. */
        public Builder status(PrintWriter status) {
            this.status = status;
            return this;
        }

        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /** Kafka client properties for the producer (TLS, SASL), over the replay's own. */
        public Builder kafkaProperties(Map<String, String> kafkaProperties) {
            this.kafkaProperties = kafkaProperties;
            return this;
        }

        /** The interval of the alert changelog's heartbeats; zero for none. */
        public Builder heartbeats(Duration heartbeats) {
            this.heartbeats = heartbeats;
            return this;
        }

        /** How often a paced replay that waits for its next record repeats its last heartbeat. */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        public ReplayOptions build() {
            return new ReplayOptions(
                    in,
                    pacing,
                    bootstrap,
                    topics,
                    metricsPort,
                    status,
                    progress,
                    kafkaProperties,
                    heartbeats,
                    keepAlive);
        }
    }
}
