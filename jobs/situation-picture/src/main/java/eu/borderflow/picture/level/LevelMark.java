package eu.borderflow.picture.level;

import eu.borderflow.schema.SectionImpactLevel;

/** A supervisor's level change as the job keeps it: when, which, what level, until when (or {@link #PERMANENT}). */
public class LevelMark {

    public static final long PERMANENT = Long.MAX_VALUE;

    private String changeId;
    private long changedAt;
    private SectionImpactLevel level;
    private long until = PERMANENT;

    public LevelMark() {}

    public LevelMark(String changeId, long changedAt, SectionImpactLevel level, long until) {
        this.changeId = changeId;
        this.changedAt = changedAt;
        this.level = level;
        this.until = until;
    }

    public String getChangeId() {
        return changeId;
    }

    public void setChangeId(String changeId) {
        this.changeId = changeId;
    }

    public long getChangedAt() {
        return changedAt;
    }

    public void setChangedAt(long changedAt) {
        this.changedAt = changedAt;
    }

    public SectionImpactLevel getLevel() {
        return level;
    }

    public void setLevel(SectionImpactLevel level) {
        this.level = level;
    }

    public long getUntil() {
        return until;
    }

    public void setUntil(long until) {
        this.until = until;
    }
}
