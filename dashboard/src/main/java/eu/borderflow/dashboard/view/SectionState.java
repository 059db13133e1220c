package eu.borderflow.dashboard.view;

import eu.borderflow.reference.SectionRecord;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the dashboard knows of one border section: its reference row (null for a section the reference data does not
 * list), the newest picture of each view, the hourly trend, recent incidents and supervisors' level changes.
 * Not thread-safe: {@link SituationView} guards it.
 */
final class SectionState {

    /** Supervisors' changes kept for "why this level". */
    static final int LEVEL_HISTORY = 20;

    final String id;
    final SectionRecord reference;
    PictureUpdate hour;
    PictureUpdate day;
    final NavigableMap<Long, PictureUpdate> trend = new TreeMap<>();
    final Deque<Incident> incidents = new ArrayDeque<>();
    final Deque<SectionLevelChange> levelChanges = new ArrayDeque<>();
    long version;

    SectionState(String id, SectionRecord reference) {
        this.id = id;
        this.reference = reference;
    }

    /** Keeps the update when it is the newest of its view (later window, or a higher revision of the same window). */
    boolean apply(PictureUpdate update, int trendHours) {
        boolean newer;
        if (update.getView() == PictureView.DAY) {
            newer = isNewer(update, day);
            if (newer) {
                day = update;
            }
        } else {
            newer = isNewer(update, hour);
            if (newer) {
                hour = update;
            }
            long start = update.getWindowStart().toEpochMilli();
            PictureUpdate held = trend.get(start);
            if (held == null || held.getRevision() < update.getRevision()) {
                trend.put(start, update);
                newer = true;
            }
            while (trend.size() > trendHours) {
                trend.pollFirstEntry();
            }
        }
        return newer;
    }

    /** The picture with the R11 figures: the 24-hour view when there is one at least as new as the hour's. */
    PictureUpdate pressure() {
        if (day != null && (hour == null || !day.getWindowEnd().isBefore(hour.getWindowEnd()))) {
            return day;
        }
        return hour;
    }

    /** The newest window end of any view, or {@code null}. */
    Instant newestWindowEnd() {
        PictureUpdate p = pressure();
        return p == null ? null : p.getWindowEnd();
    }

    void add(Incident incident, int bound) {
        incidents.addLast(incident);
        while (incidents.size() > bound) {
            incidents.removeFirst();
        }
    }

    void add(SectionLevelChange change) {
        levelChanges.addLast(change);
        while (levelChanges.size() > LEVEL_HISTORY) {
            levelChanges.removeFirst();
        }
    }

    /** The newest change by its time, or {@code null}. */
    SectionLevelChange latestChange() {
        SectionLevelChange newest = null;
        for (SectionLevelChange c : levelChanges) {
            if (newest == null || !c.getChangedAt().isBefore(newest.getChangedAt())) {
                newest = c;
            }
        }
        return newest;
    }

    private static boolean isNewer(PictureUpdate update, PictureUpdate held) {
        if (held == null) {
            return true;
        }
        int byEnd = update.getWindowEnd().compareTo(held.getWindowEnd());
        return byEnd > 0 || byEnd == 0 && update.getRevision() > held.getRevision();
    }
}
