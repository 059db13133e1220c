package eu.borderflow.risk.environment;

import java.io.Serializable;

/** The topics the job reads and writes (section {@code topics}; names as in docs/CONTRACTS.md). */
public final class TopicNames implements Serializable {

    private static final long serialVersionUID = 1L;

    private String crossings;
    private String alerts;
    private String flags;
    private String deadLetters;
    private String audit;

    public String getCrossings() {
        return crossings;
    }

    public void setCrossings(String crossings) {
        this.crossings = crossings;
    }

    public String getAlerts() {
        return alerts;
    }

    public void setAlerts(String alerts) {
        this.alerts = alerts;
    }

    public String getFlags() {
        return flags;
    }

    public void setFlags(String flags) {
        this.flags = flags;
    }

    public String getDeadLetters() {
        return deadLetters;
    }

    public void setDeadLetters(String deadLetters) {
        this.deadLetters = deadLetters;
    }

    public String getAudit() {
        return audit;
    }

    public void setAudit(String audit) {
        this.audit = audit;
    }
}
