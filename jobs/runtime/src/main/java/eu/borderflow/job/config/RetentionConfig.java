package eu.borderflow.job.config;

import eu.borderflow.config.ConfigLoader;

import java.io.Serializable;

/** How long the job keeps state ({@code rules.yaml} section {@code retention}); expired by event-time timers. */
public final class RetentionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private int stayWindowDays;
    private int dedupDays;
    private int deletedAlertDays;

    public static RetentionConfig load(ConfigLoader config) {
        return config.bind("rules", "/retention", RetentionConfig.class);
    }

    public int getStayWindowDays() {
        return stayWindowDays;
    }

    public void setStayWindowDays(int stayWindowDays) {
        this.stayWindowDays = stayWindowDays;
    }

    public int getDedupDays() {
        return dedupDays;
    }

    public void setDedupDays(int dedupDays) {
        this.dedupDays = dedupDays;
    }

    public int getDeletedAlertDays() {
        return deletedAlertDays;
    }

    public void setDeletedAlertDays(int deletedAlertDays) {
        this.deletedAlertDays = deletedAlertDays;
    }
}
