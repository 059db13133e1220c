package eu.borderflow.job.environment;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where and how the jobs run: {@code config/environments/<name>.yaml}. The {@code kafka} section is the risk-flag
 * job's; the situational-picture job uses the same broker under the identity of its {@code picture} section.
 */
public final class JobEnvironment implements Serializable {

    public static final String LOCAL = "local";
    public static final String CLUSTER = "cluster";
    private static final long serialVersionUID = 1L;
    private static final String DIRECTORY = "environments/";

    private KafkaSettings kafka;
    private TopicNames topics;
    private RuntimeSettings job;
    private JobIdentity picture;
    private boolean allowDemoKey;

    /**
     * The folder relative paths of the configuration (checkpoint storage) are resolved against, on the client: the
     * launcher's BORDERFLOW_HOME, else the working directory.
     */
    public static Path home() {
        String home = System.getenv("BORDERFLOW_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    public static JobEnvironment load(ConfigLoader config, String name) {
        return config.bind(DIRECTORY + name, "", JobEnvironment.class);
    }

    public KafkaSettings getKafka() {
        return kafka;
    }

    public void setKafka(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    public TopicNames getTopics() {
        return topics;
    }

    public void setTopics(TopicNames topics) {
        this.topics = topics;
    }

    /** Whether the public demo key of privacy.yaml may pseudonymise (the local demo only). */
    public boolean isAllowDemoKey() {
        return allowDemoKey;
    }

    public void setAllowDemoKey(boolean allowDemoKey) {
        this.allowDemoKey = allowDemoKey;
    }

    public RuntimeSettings getJob() {
        return job;
    }

    public void setJob(RuntimeSettings job) {
        this.job = job;
    }

    public JobIdentity getPicture() {
        return picture;
    }

    public void setPicture(JobIdentity picture) {
        this.picture = picture;
    }

    /** The parallelism and fault tolerance of {@code job}, checkpointing into another job's storage. */
    public RuntimeSettings jobAs(JobIdentity identity) {
        return job.withCheckpointStorage(identity.getCheckpointStorage());
    }

    /** The broker settings of {@code kafka} under another job's group and transactional-id prefix. */
    public KafkaSettings kafkaAs(JobIdentity identity) {
        KafkaSettings settings = new KafkaSettings();
        settings.setBootstrapServers(kafka.getBootstrapServers());
        settings.setStartingOffsets(kafka.getStartingOffsets());
        settings.setTransactionTimeout(kafka.getTransactionTimeout());
        settings.setGroupId(identity.getGroupId());
        settings.setTransactionalIdPrefix(identity.getTransactionalIdPrefix());
        return settings;
    }
}
