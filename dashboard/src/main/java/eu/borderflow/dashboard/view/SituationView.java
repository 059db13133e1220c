package eu.borderflow.dashboard.view;

import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.feed.FeedLog;
import eu.borderflow.reference.SectionRecord;
import eu.borderflow.reference.SectionTable;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The dashboard's bounded in-memory view of the situation ({@link SituationState}, built from the records it reads in
 * the order it reads them) and the answers the web app asks for. One writer (the input thread, batch by batch) and many
 * readers (HTTP requests and live-feed streams) share it under a read-write lock. Answers are JSON-ready maps whose
 * field names are the Avro contracts' (docs/CONTRACTS.md).
 */
public final class SituationView {

    private static final int SECTION_FLAGS = 50;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SituationState state;
    private final FeedLog feed;
    private final DashboardSettings.View bounds;
    private long recordsApplied;

    public SituationView(SectionTable table, DashboardSettings.View bounds, FeedLog feed) {
        this.bounds = bounds;
        this.feed = feed;
        this.state = new SituationState(table, bounds, feed);
    }

    public FeedLog feed() {
        return feed;
    }

    /** Applies a batch in order: one write lock, one wake-up of the streams. */
    public void apply(List<InputRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        boolean sectionsChanged = false;
        lock.writeLock().lock();
        try {
            for (InputRecord record : batch) {
                sectionsChanged |= state.apply(record);
                recordsApplied++;
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (sectionsChanged) {
            feed.changed();
        }
    }

    /**
     * The input has read every picture record committed so far (no lag on any partition of the picture): the newest
     * window end read is the one every section's picture is held against ({@code view.stale_after}). When it moves,
     * every section's status is sent again.
     */
    public void pictureSettled() {
        lock.writeLock().lock();
        try {
            if (!state.settlePicture()) {
                return;
            }
        } finally {
            lock.writeLock().unlock();
        }
        feed.changed();
    }

    /** The newest event time seen in any input, or {@code null} before any data. */
    public Instant eventClock() {
        lock.readLock().lock();
        try {
            return state.eventClock();
        } finally {
            lock.readLock().unlock();
        }
    }

    public long recordsApplied() {
        lock.readLock().lock();
        try {
            return recordsApplied;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Everything a page needs to start: the sections, the queue's head, the feed's tail, and the feed position. */
    public Map<String, Object> snapshot(int feedTail, int queueHead) {
        lock.readLock().lock();
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("position", feed.position().format());
            out.put("event_clock", millis(state.eventClock()));
            out.put("picture_clock", millis(state.pictureClock()));
            List<Map<String, Object>> all = new ArrayList<>();
            for (SectionState s : state.sections.values()) {
                Map<String, Object> item = reference(s);
                item.put("status", status(s));
                all.add(item);
            }
            out.put("sections", all);
            out.put("queue", queue(0, queueHead));
            out.put("feed", feed.tail(feedTail));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Sections changed after {@code sinceVersion}, and the version to ask from next time. */
    public record SectionChanges(List<Map<String, Object>> statuses, long version) {}

    public SectionChanges sectionsSince(long sinceVersion) {
        lock.readLock().lock();
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (SectionState s : state.sections.values()) {
                if (s.version > sinceVersion) {
                    out.add(status(s));
                }
            }
            return new SectionChanges(out, state.version());
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<Map<String, Object>> section(String id, int incidentLimit) {
        lock.readLock().lock();
        try {
            SectionState s = state.sections.get(id);
            if (s == null) {
                return Optional.empty();
            }
            Map<String, Object> out = reference(s);
            out.put("status", status(s));
            out.put("hour", s.hour == null ? null : AvroJson.of(s.hour));
            out.put("day", s.day == null ? null : AvroJson.of(s.day));
            out.put("trend", trend(s));
            List<Object> recent = new ArrayList<>();
            Iterator<Incident> newestFirst = s.incidents.descendingIterator();
            while (newestFirst.hasNext() && recent.size() < incidentLimit) {
                recent.add(AvroJson.of(newestFirst.next()));
            }
            out.put("incidents", recent);
            PictureUpdate newest = s.pressure();
            out.put("overdue", newest == null ? List.of() : incidentsById(newest.getOverdueReportIds()));
            out.put("why", why(s));
            List<Object> sectionFlags = new ArrayList<>();
            state.flags.inSection(id, SECTION_FLAGS).forEach(e -> sectionFlags.add(RecordSummaries.flag(e)));
            out.put("flags", sectionFlags);
            return Optional.of(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A flag's detail: every revision in full, and its reviews. */
    public Optional<Map<String, Object>> flag(String flagId) {
        lock.readLock().lock();
        try {
            FlagBook.Entry entry = state.flags.get(flagId);
            if (entry == null) {
                return Optional.empty();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("flag", AvroJson.of(entry.latest()));
            List<Object> revisions = new ArrayList<>();
            entry.revisions.forEach(r -> revisions.add(AvroJson.of(r)));
            out.put("revisions", revisions);
            List<Object> reviews = new ArrayList<>();
            entry.reviews.forEach(r -> reviews.add(AvroJson.of(r)));
            out.put("reviews", reviews);
            out.put("pending", entry.pending);
            return Optional.of(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The newest revision of a flag, or {@code null} when the dashboard does not hold it. */
    public RiskFlag latestRevision(String flagId) {
        lock.readLock().lock();
        try {
            FlagBook.Entry entry = state.flags.get(flagId);
            return entry == null ? null : entry.latest();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the newest revision of a flag has a review. */
    public boolean isReviewed(String flagId) {
        lock.readLock().lock();
        try {
            FlagBook.Entry entry = state.flags.get(flagId);
            return entry != null && entry.decision() != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The attributed level a section shows now, or {@code null} for a section the dashboard does not know. */
    public SectionImpactLevel shownLevel(String sectionId) {
        lock.readLock().lock();
        try {
            SectionState s = state.sections.get(sectionId);
            return s == null ? null : ShownLevel.of(s, state.eventClock()).value();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Map<String, Object> queue(int offset, int limit) {
        lock.readLock().lock();
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", state.flags.pendingCount());
            List<Object> items = new ArrayList<>();
            state.flags.queue(offset, limit).forEach(e -> items.add(RecordSummaries.flag(e)));
            out.put("flags", items);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Sizes for the metrics: flags held, pending, incidents held. */
    public record Sizes(int flags, int pending, int incidents, long flagsDropped) {}

    public Sizes sizes() {
        lock.readLock().lock();
        try {
            return new Sizes(
                    state.flags.size(), state.flags.pendingCount(), state.incidents.size(), state.flags.dropped());
        } finally {
            lock.readLock().unlock();
        }
    }

    private static Map<String, Object> reference(SectionState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        SectionRecord r = s.reference;
        out.put("name", r == null ? s.id : r.name());
        out.put("type", r == null ? null : r.type().name());
        out.put("reference_level", r == null ? null : r.impactLevel().name());
        List<double[]> points = new ArrayList<>();
        if (r != null) {
            r.geometry().forEach(p -> points.add(new double[] {p.latitude(), p.longitude()}));
        }
        out.put("geometry", points);
        return out;
    }

    private Map<String, Object> status(SectionState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        ShownLevel.of(s, state.eventClock()).into(out);
        PictureUpdate p = s.pressure();
        String freshness;
        String note;
        if (p == null) {
            freshness = Freshness.UNKNOWN.name();
            note = "no picture yet";
        } else if (p.getFreshness() == Freshness.UNKNOWN) {
            freshness = Freshness.UNKNOWN.name();
            note = p.getLastDataTime() == null ? "no data" : "no data since " + p.getLastDataTime();
        } else if (state.settledPictureClock() != null
                && p.getWindowEnd().plus(bounds.staleAfter()).isBefore(state.settledPictureClock())) {
            freshness = Freshness.UNKNOWN.name();
            note = "no picture since " + p.getWindowEnd();
        } else {
            freshness = Freshness.FRESH.name();
            note = null;
        }
        out.put("freshness", freshness);
        out.put("freshness_note", note);
        out.put("window_end", p == null ? null : p.getWindowEnd().toEpochMilli());
        out.put("pressure_events", p == null ? null : p.getPressureEvents());
        out.put("pressure_ratio", p == null ? null : p.getPressureRatio());
        out.put("pressure_ratio_threshold", p == null ? null : p.getPressureRatioThreshold());
        out.put("pressure_min_events", p == null ? null : p.getPressureMinEvents());
        out.put("review_suggested", p != null && p.getReviewSuggested());
        out.put("incidents_24h", s.day == null ? null : s.day.getIncidents());
        out.put("overdue_reports", p == null ? null : p.getOverdueReports());
        out.put("pending_flags", state.flags.pendingIn(s.id));
        return out;
    }

    private Map<String, Object> why(SectionState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        ShownLevel.of(s, state.eventClock()).into(out);
        out.put(
                "reference_level",
                s.reference == null ? null : s.reference.impactLevel().name());
        SectionLevelChange change = s.latestChange();
        out.put("level_change", change == null ? null : RecordSummaries.levelChange(change));
        PictureUpdate p = s.pressure();
        out.put("view", p == null ? null : p.getView().name());
        out.put("window_start", p == null ? null : p.getWindowStart().toEpochMilli());
        out.put("window_end", p == null ? null : p.getWindowEnd().toEpochMilli());
        out.put("revision", p == null ? null : p.getRevision());
        out.put("pressure_events", p == null ? null : p.getPressureEvents());
        out.put("pressure_min_events", p == null ? null : p.getPressureMinEvents());
        out.put("baseline", p == null ? null : p.getBaseline());
        out.put("pressure_ratio", p == null ? null : p.getPressureRatio());
        out.put("pressure_ratio_threshold", p == null ? null : p.getPressureRatioThreshold());
        out.put("review_suggested", p != null && p.getReviewSuggested());
        out.put("contributing", p == null ? List.of() : incidentsById(p.getContributingIncidentIds()));
        return out;
    }

    private Map<String, Object> trend(SectionState s) {
        int n = s.trend.size();
        long[] t = new long[n];
        long[] crossings = new long[n];
        long[] refusals = new long[n];
        long[] incidentCounts = new long[n];
        long[] pressure = new long[n];
        double[] baseline = new double[n];
        int i = 0;
        for (PictureUpdate p : s.trend.values()) {
            t[i] = p.getWindowStart().toEpochMilli();
            crossings[i] = p.getCrossings();
            refusals[i] = p.getRefusals();
            incidentCounts[i] = p.getIncidents();
            pressure[i] = p.getPressureEvents();
            baseline[i] = p.getBaseline();
            i++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window_start", t);
        out.put("crossings", crossings);
        out.put("refusals", refusals);
        out.put("incidents", incidentCounts);
        out.put("pressure_events", pressure);
        out.put("baseline", baseline);
        return out;
    }

    private List<Object> incidentsById(List<String> ids) {
        List<Object> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Incident incident = state.incidents.get(id);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("incident_id", id);
            item.put("incident", incident == null ? null : AvroJson.of(incident));
            out.add(item);
        }
        return out;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
