package eu.borderflow.job.config;

import eu.borderflow.config.ConfigLoader;
import java.io.Serializable;

/** How long the job keeps state ({@code rules.yaml} section {@code retention}); expired by event-time timers. */
public final class RetentionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private int stayWindowDays;
    private int deletedAlertDays;
    private int documentTrailYears;
    private int overstayYears;

    /**
     * Binds and checks {@code rules.yaml /retention}: state kept for no time, or for less, would erase what a rule
     * still needs, so only deleted alerts may be kept for 0 days.
     */
    public static RetentionConfig load(ConfigLoader config) {
        RetentionConfig retention = config.bind("rules", "/retention", RetentionConfig.class);
        ConfigChecks.atLeast("rules.yaml /retention/stay_window_days", retention.stayWindowDays, 1);
        ConfigChecks.atLeast("rules.yaml /retention/deleted_alert_days", retention.deletedAlertDays, 0);
        ConfigChecks.atLeast("rules.yaml /retention/document_trail_years", retention.documentTrailYears, 1);
        ConfigChecks.atLeast("rules.yaml /retention/overstay_years", retention.overstayYears, 1);
        return retention;
    }

    public int getStayWindowDays() {
        return stayWindowDays;
    }

    public void setStayWindowDays(int stayWindowDays) {
        this.stayWindowDays = stayWindowDays;
    }

    /** How long a document's trail is kept after its last crossing, in the job's event time (EES Art. 34). */
    public int getDocumentTrailYears() {
        return documentTrailYears;
    }

    public void setDocumentTrailYears(int documentTrailYears) {
        this.documentTrailYears = documentTrailYears;
    }

    /** How long an open stay is kept after its authorised end (an overstayer's record, EES Art. 34). */
    public int getOverstayYears() {
        return overstayYears;
    }

    public void setOverstayYears(int overstayYears) {
        this.overstayYears = overstayYears;
    }

    public int getDeletedAlertDays() {
        return deletedAlertDays;
    }

    public void setDeletedAlertDays(int deletedAlertDays) {
        this.deletedAlertDays = deletedAlertDays;
    }
}
