package eu.borderflow.picture.window;

import eu.borderflow.schema.Confidence;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.Impact;
import eu.borderflow.schema.IncidentCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of any input as the picture counts it, keyed by border section: a crossing (direction or refusal
 * reasons, nothing about the person), an incident (category, impact, confidence, when it was reported) or a flag
 * (rule, revision, withdrawn). A Flink POJO, so it is serialised without Kryo.
 */
public class SectionEvent {

    /** Which input a record came from. */
    public enum Kind {
        CROSSING,
        INCIDENT,
        FLAG
    }

    private String sectionId;
    private long eventTime;
    private Kind kind;
    /** The input's name (topic or file), which a dead letter names as its source. */
    private String source;
    /** event_id, incident_id or flag_id: how a person finds the record on its input. */
    private String recordId;

    private CrossingKind crossingKind;
    private List<String> refusalReasons = new ArrayList<>();
    private IncidentCategory category;
    private Impact impact;
    private Confidence confidence;
    private long reportedTime;
    private String ruleId;
    private int revision;
    private boolean withdrawn;

    public SectionEvent() {}

    public static SectionEvent crossing(
            String source,
            String sectionId,
            String eventId,
            long eventTime,
            CrossingKind kind,
            List<String> refusalReasons) {
        SectionEvent e = of(Kind.CROSSING, source, sectionId, eventId, eventTime);
        e.crossingKind = kind;
        e.refusalReasons = new ArrayList<>(refusalReasons);
        return e;
    }

    public static SectionEvent incident(
            String source,
            String sectionId,
            String incidentId,
            long detected,
            long reported,
            IncidentCategory category,
            Impact impact,
            Confidence confidence) {
        SectionEvent e = of(Kind.INCIDENT, source, sectionId, incidentId, detected);
        e.reportedTime = reported;
        e.category = category;
        e.impact = impact;
        e.confidence = confidence;
        return e;
    }

    public static SectionEvent flag(
            String source,
            String sectionId,
            String flagId,
            long eventTime,
            String ruleId,
            int revision,
            boolean withdrawn) {
        SectionEvent e = of(Kind.FLAG, source, sectionId, flagId, eventTime);
        e.ruleId = ruleId;
        e.revision = revision;
        e.withdrawn = withdrawn;
        return e;
    }

    private static SectionEvent of(Kind kind, String source, String sectionId, String recordId, long eventTime) {
        SectionEvent e = new SectionEvent();
        e.kind = kind;
        e.source = source;
        e.sectionId = sectionId;
        e.recordId = recordId;
        e.eventTime = eventTime;
        return e;
    }

    public String getSectionId() {
        return sectionId;
    }

    public void setSectionId(String sectionId) {
        this.sectionId = sectionId;
    }

    public long getEventTime() {
        return eventTime;
    }

    public void setEventTime(long eventTime) {
        this.eventTime = eventTime;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public CrossingKind getCrossingKind() {
        return crossingKind;
    }

    public void setCrossingKind(CrossingKind crossingKind) {
        this.crossingKind = crossingKind;
    }

    public List<String> getRefusalReasons() {
        return refusalReasons;
    }

    public void setRefusalReasons(List<String> refusalReasons) {
        this.refusalReasons = refusalReasons;
    }

    public IncidentCategory getCategory() {
        return category;
    }

    public void setCategory(IncidentCategory category) {
        this.category = category;
    }

    public Impact getImpact() {
        return impact;
    }

    public void setImpact(Impact impact) {
        this.impact = impact;
    }

    public Confidence getConfidence() {
        return confidence;
    }

    public void setConfidence(Confidence confidence) {
        this.confidence = confidence;
    }

    public long getReportedTime() {
        return reportedTime;
    }

    public void setReportedTime(long reportedTime) {
        this.reportedTime = reportedTime;
    }

    public String getRuleId() {
        return ruleId;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public int getRevision() {
        return revision;
    }

    public void setRevision(int revision) {
        this.revision = revision;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public void setWithdrawn(boolean withdrawn) {
        this.withdrawn = withdrawn;
    }
}
