package eu.borderflow.job.environment;

import java.io.Serializable;

/**
 * How a second job on the same broker tells itself apart: its own consumer group, transactional-id prefix and
 * checkpoint storage (a section such as {@code picture} of config/environments/NAME.yaml). Two jobs sharing a
 * transactional-id prefix would fence each other's transactions; sharing a checkpoint folder, one could resume from
 * the other's checkpoint.
 */
public final class JobIdentity implements Serializable {

    private static final long serialVersionUID = 1L;

    private String groupId;
    private String transactionalIdPrefix;
    private String checkpointStorage;

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getTransactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    public void setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public String getCheckpointStorage() {
        return checkpointStorage;
    }

    public void setCheckpointStorage(String checkpointStorage) {
        this.checkpointStorage = checkpointStorage;
    }
}
