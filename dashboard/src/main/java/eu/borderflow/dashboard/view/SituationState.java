package eu.borderflow.dashboard.view;

import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.feed.FeedEvent;
import eu.borderflow.dashboard.feed.FeedLog;
import eu.borderflow.flag.FlagTime;
import eu.borderflow.reference.SectionRecord;
import eu.borderflow.reference.SectionTable;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dashboard knows of the situation: every section's state, the incidents and flags held (bounded) and the
 * clocks, built from the records it reads in the order it reads them; what is news goes on to the live feed.
 * Not thread-safe: {@link SituationView} guards it.
 */
final class SituationState {

    final Map<String, SectionState> sections = new LinkedHashMap<>();
    final LinkedHashMap<String, Incident> incidents = new LinkedHashMap<>();
    final FlagBook flags;
    private final FeedLog feed;
    private final DashboardSettings.View bounds;
    private long version;
    private Instant eventClock;
    private Instant pictureClock;
    /**
     * The newest window end of the picture as of the last time the input had read every picture record committed
     * (see {@link SituationView#pictureSettled}): a section is stale when it lags this one, not a newest end read from
     * one partition while another's records of the same hour are still on their way.
     */
    private Instant settledPictureClock;

    SituationState(SectionTable table, DashboardSettings.View bounds, FeedLog feed) {
        this.bounds = bounds;
        this.feed = feed;
        this.flags = new FlagBook(bounds.maxFlags());
        for (SectionRecord row : table.rows()) {
            sections.put(row.id(), new SectionState(row.id(), row));
        }
    }

    /** Applies one record; true when a section changed. */
    boolean apply(InputRecord record) {
        Object value = record.value();
        if (value instanceof PictureUpdate p) {
            SectionState s = section(p.getSectionId());
            advanceClock(p.getWindowEnd());
            if (pictureClock == null || p.getWindowEnd().isAfter(pictureClock)) {
                pictureClock = p.getWindowEnd();
            }
            return s.apply(p, bounds.trendHours()) && touch(s);
        }
        if (value instanceof Incident i) {
            advanceClock(i.getEventTime());
            if (incidents.containsKey(i.getIncidentId())) {
                return false;
            }
            incidents.put(i.getIncidentId(), i);
            Iterator<String> oldest = incidents.keySet().iterator();
            while (incidents.size() > bounds.maxIncidents()) {
                oldest.next();
                oldest.remove();
            }
            SectionState s = section(i.getSectionId());
            s.add(i, bounds.incidentsPerSection());
            feed.append(record.origin(), record.offset(), FeedEvent.INCIDENT, Json.write(AvroJson.of(i)));
            return touch(s);
        }
        if (value instanceof RiskFlag f) {
            advanceClock(FlagTime.raisedAt(f));
            if (!flags.add(f)) {
                return false;
            }
            feed.append(
                    record.origin(),
                    record.offset(),
                    FeedEvent.FLAG,
                    Json.write(RecordSummaries.flag(flags.get(f.getFlagId()))));
            return f.getSectionId() != null && touch(section(f.getSectionId()));
        }
        if (value instanceof FlagReview r) {
            if (!flags.add(r)) {
                return false;
            }
            feed.append(record.origin(), record.offset(), FeedEvent.REVIEW, Json.write(RecordSummaries.review(r)));
            FlagBook.Entry entry = flags.get(r.getFlagId());
            String section = entry == null ? null : entry.latest().getSectionId();
            return section != null && touch(section(section));
        }
        if (value instanceof SectionLevelChange c) {
            SectionState s = section(c.getSectionId());
            s.add(c);
            feed.append(record.origin(), record.offset(), FeedEvent.LEVEL, Json.write(RecordSummaries.levelChange(c)));
            return touch(s);
        }
        throw new IllegalArgumentException(
                "the dashboard does not read " + value.getClass().getSimpleName());
    }

    /**
     * Holds every section's picture against the newest window end read, touching every section; false when that end
     * has not moved since the last time.
     */
    boolean settlePicture() {
        if (pictureClock == null || pictureClock.equals(settledPictureClock)) {
            return false;
        }
        settledPictureClock = pictureClock;
        sections.values().forEach(this::touch);
        return true;
    }

    /** The version of the last change to any section: a section changed after a version when its own is higher. */
    long version() {
        return version;
    }

    /** The newest event time seen in any input, or {@code null} before any data. */
    Instant eventClock() {
        return eventClock;
    }

    /** The newest window end of any picture read, or {@code null}. */
    Instant pictureClock() {
        return pictureClock;
    }

    Instant settledPictureClock() {
        return settledPictureClock;
    }

    private SectionState section(String id) {
        return sections.computeIfAbsent(id, k -> new SectionState(k, null));
    }

    private boolean touch(SectionState s) {
        s.version = ++version;
        return true;
    }

    private void advanceClock(Instant t) {
        if (eventClock == null || t.isAfter(eventClock)) {
            eventClock = t;
        }
    }
}
