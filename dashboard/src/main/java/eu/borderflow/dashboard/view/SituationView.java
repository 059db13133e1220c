package eu.borderflow.dashboard.view;

import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.feed.FeedLog;
import eu.borderflow.reference.SectionTable;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionImpactLevel;
import java.time.Instant;
import java.util.ArrayList;
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

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SituationState state;
    private final SectionView sectionView;
    private final FeedLog feed;
    private long recordsApplied;

    public SituationView(SectionTable table, DashboardSettings.View bounds, FeedLog feed) {
        this.feed = feed;
        this.state = new SituationState(table, bounds, feed);
        this.sectionView = new SectionView(state, bounds.staleAfter());
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
                Map<String, Object> item = SectionView.reference(s);
                item.put("status", sectionView.status(s));
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
                    out.add(sectionView.status(s));
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
            return Optional.of(sectionView.page(s, incidentLimit));
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

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
