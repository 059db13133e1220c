package eu.borderflow.picture.window;

import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.LevelSource;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.SectionImpactLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one section saw in one hour, as kept in state: counts of crossings and refusals, the incidents detected in the
 * hour (by id, so a re-sent report counts once), the reports received in it past their deadline, and the newest
 * revision of each flag raised in it (a revision raised in another hour counts there). A Flink POJO.
 */
public class HourBucket {

    /** No record in the hour. */
    public static final long NO_DATA = Long.MIN_VALUE;

    private long start;
    private long crossings;
    private Map<String, Long> crossingsByDirection = new HashMap<>();
    private long refusals;
    private Map<String, Long> refusalsByReason = new HashMap<>();
    /** Incident id to detection time. */
    private Map<String, Long> incidents = new HashMap<>();

    private Map<String, Long> incidentsByCategory = new HashMap<>();
    private Map<String, Long> incidentsByImpact = new HashMap<>();
    private Map<String, Long> incidentsByConfidence = new HashMap<>();
    /** Incident id to detection time, of reports received in this hour after their deadline. */
    private Map<String, Long> overdue = new HashMap<>();

    private Map<String, FlagMark> flags = new HashMap<>();
    private long newestDataTime = NO_DATA;

    public HourBucket() {}

    public HourBucket(long start) {
        this.start = start;
    }

    /** Counts a record detected in this hour; false when it changes nothing (a re-sent incident or flag revision). */
    public boolean count(SectionEvent e) {
        boolean changed = switch (e.getKind()) {
            case CROSSING -> countCrossing(e);
            case INCIDENT -> countIncident(e);
            case FLAG -> countFlag(e);
        };
        if (changed) {
            newestDataTime = Math.max(newestDataTime, e.getEventTime());
        }
        return changed;
    }

    private boolean countCrossing(SectionEvent e) {
        switch (e.getCrossingKind()) {
            case REFUSAL -> {
                refusals++;
                e.getRefusalReasons().forEach(reason -> add(refusalsByReason, reason));
            }
            case ENTRY, EXIT -> {
                crossings++;
                add(crossingsByDirection, e.getCrossingKind().name());
            }
        }
        return true;
    }

    private boolean countIncident(SectionEvent e) {
        if (incidents.putIfAbsent(e.getRecordId(), e.getEventTime()) != null) {
            return false;
        }
        add(incidentsByCategory, e.getCategory().name());
        add(incidentsByImpact, e.getImpact().name());
        add(incidentsByConfidence, e.getConfidence().name());
        return true;
    }

    private boolean countFlag(SectionEvent e) {
        FlagMark seen = flags.get(e.getRecordId());
        if (seen != null && seen.getRevision() >= e.getRevision()) {
            return false;
        }
        flags.put(e.getRecordId(), new FlagMark(e.getRuleId(), e.getRevision(), e.isWithdrawn()));
        return true;
    }

    /** Notes a report received in this hour after its deadline; false when it was noted already. */
    public boolean countOverdue(SectionEvent incident) {
        return overdue.putIfAbsent(incident.getRecordId(), incident.getEventTime()) == null;
    }

    /**
     * The hour as a picture record: its counts, its incidents (newest first, at most {@code maxIncidents}) as
     * contributing ids, its overdue report ids and the newest event time in it as last_data_time. Freshness, the
     * attributed level and R11's figures are filled in later, for the section as of the hour's end.
     */
    public PictureUpdate toRecord(String sectionId, SectionImpactLevel referenceLevel, int maxIncidents) {
        Map<String, Long> flagsByRule = new TreeMap<>();
        long pending = 0;
        for (FlagMark mark : flags.values()) {
            if (!mark.isWithdrawn()) {
                add(flagsByRule, mark.getRuleId());
                pending++;
            }
        }
        return PictureUpdate.newBuilder()
                .setSectionId(sectionId)
                .setView(PictureView.HOUR)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + PictureWindows.HOUR_MILLIS))
                .setRevision(0)
                .setAttributedLevel(referenceLevel)
                .setAttributedLevelSource(LevelSource.REFERENCE)
                .setFreshness(Freshness.FRESH)
                .setLastDataTime(newestDataTime == NO_DATA ? null : Instant.ofEpochMilli(newestDataTime))
                .setCrossings(crossings)
                .setCrossingsByDirection(new TreeMap<>(crossingsByDirection))
                .setRefusals(refusals)
                .setRefusalsByReason(new TreeMap<>(refusalsByReason))
                .setIncidents(incidents.size())
                .setIncidentsByCategory(new TreeMap<>(incidentsByCategory))
                .setIncidentsByImpact(new TreeMap<>(incidentsByImpact))
                .setIncidentsByConfidence(new TreeMap<>(incidentsByConfidence))
                .setFlagsByRule(flagsByRule)
                .setFlagsPendingReview(pending)
                .setOverdueReports(overdue.size())
                .setOverdueReportIds(newestFirst(overdue, Integer.MAX_VALUE))
                .setPressureEvents(0)
                .setBaseline(0)
                .setPressureRatio(0)
                .setReviewSuggested(false)
                .setContributingIncidentIds(newestFirst(incidents, maxIncidents))
                .build();
    }

    /** Ids by time, newest first, then by id. */
    static List<String> newestFirst(Map<String, Long> timesById, int max) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(timesById.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.size() && i < max; i++) {
            ids.add(entries.get(i).getKey());
        }
        return ids;
    }

    private static void add(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    public long getStart() {
        return start;
    }

    public void setStart(long start) {
        this.start = start;
    }

    public long getCrossings() {
        return crossings;
    }

    public void setCrossings(long crossings) {
        this.crossings = crossings;
    }

    public Map<String, Long> getCrossingsByDirection() {
        return crossingsByDirection;
    }

    public void setCrossingsByDirection(Map<String, Long> crossingsByDirection) {
        this.crossingsByDirection = crossingsByDirection;
    }

    public long getRefusals() {
        return refusals;
    }

    public void setRefusals(long refusals) {
        this.refusals = refusals;
    }

    public Map<String, Long> getRefusalsByReason() {
        return refusalsByReason;
    }

    public void setRefusalsByReason(Map<String, Long> refusalsByReason) {
        this.refusalsByReason = refusalsByReason;
    }

    public Map<String, Long> getIncidents() {
        return incidents;
    }

    public void setIncidents(Map<String, Long> incidents) {
        this.incidents = incidents;
    }

    public Map<String, Long> getIncidentsByCategory() {
        return incidentsByCategory;
    }

    public void setIncidentsByCategory(Map<String, Long> incidentsByCategory) {
        this.incidentsByCategory = incidentsByCategory;
    }

    public Map<String, Long> getIncidentsByImpact() {
        return incidentsByImpact;
    }

    public void setIncidentsByImpact(Map<String, Long> incidentsByImpact) {
        this.incidentsByImpact = incidentsByImpact;
    }

    public Map<String, Long> getIncidentsByConfidence() {
        return incidentsByConfidence;
    }

    public void setIncidentsByConfidence(Map<String, Long> incidentsByConfidence) {
        this.incidentsByConfidence = incidentsByConfidence;
    }

    public Map<String, Long> getOverdue() {
        return overdue;
    }

    public void setOverdue(Map<String, Long> overdue) {
        this.overdue = overdue;
    }

    public Map<String, FlagMark> getFlags() {
        return flags;
    }

    public void setFlags(Map<String, FlagMark> flags) {
        this.flags = flags;
    }

    public long getNewestDataTime() {
        return newestDataTime;
    }

    public void setNewestDataTime(long newestDataTime) {
        this.newestDataTime = newestDataTime;
    }
}
