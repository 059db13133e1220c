package eu.borderflow.risk.rules;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;

/**
 * What every rule's projection of a crossing keeps of it: the EES file, the event, where it happened and how long it
 * may be kept. The superclass of the projections the rules buffer in keyed state, each written by a subclass of
 * {@link CrossingFactsSerializer} (the alert joins' probes by Flink's POJO serializer).
 */
public abstract class CrossingFacts {

    private String fileId;
    private String eventId;
    private CrossingKind kind;
    /** Epoch milliseconds (UTC). */
    private long eventTime;

    private String bcpCode;
    private String sectionId;
    /** Epoch day. */
    private int retentionUntil;

    /** Copies these facts of {@code crossing}. */
    protected void project(BorderCrossing crossing) {
        fileId = crossing.getTraveller().getFileId();
        eventId = crossing.getEventId();
        kind = crossing.getKind();
        eventTime = crossing.getEventTime().toEpochMilli();
        bcpCode = crossing.getBcpCode();
        sectionId = crossing.getSectionId();
        retentionUntil = Math.toIntExact(crossing.getRetentionUntil().toEpochDay());
    }

    /** Copies these facts of {@code other}. */
    protected void copyFacts(CrossingFacts other) {
        fileId = other.fileId;
        eventId = other.eventId;
        kind = other.kind;
        eventTime = other.eventTime;
        bcpCode = other.bcpCode;
        sectionId = other.sectionId;
        retentionUntil = other.retentionUntil;
    }

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public CrossingKind getKind() {
        return kind;
    }

    public void setKind(CrossingKind kind) {
        this.kind = kind;
    }

    public long getEventTime() {
        return eventTime;
    }

    public void setEventTime(long eventTime) {
        this.eventTime = eventTime;
    }

    public String getBcpCode() {
        return bcpCode;
    }

    public void setBcpCode(String bcpCode) {
        this.bcpCode = bcpCode;
    }

    public String getSectionId() {
        return sectionId;
    }

    public void setSectionId(String sectionId) {
        this.sectionId = sectionId;
    }

    public int getRetentionUntil() {
        return retentionUntil;
    }

    public void setRetentionUntil(int retentionUntil) {
        this.retentionUntil = retentionUntil;
    }
}
