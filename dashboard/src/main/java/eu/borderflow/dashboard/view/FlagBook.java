package eu.borderflow.dashboard.view;

import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The flags the dashboard holds (each with its revisions and the reviews seen for it), bounded, oldest first out, and
 * the review queue: flags whose newest revision is not withdrawn and has no review yet, oldest trigger first.
 * Not thread-safe: {@link SituationView} guards it.
 */
final class FlagBook {

    /** One flag: its revisions in order, and the reviews of any revision. */
    static final class Entry {
        final String flagId;
        final List<RiskFlag> revisions = new ArrayList<>(2);
        final List<FlagReview> reviews = new ArrayList<>(1);
        boolean pending;
        long queuedAt;

        Entry(String flagId) {
            this.flagId = flagId;
        }

        RiskFlag latest() {
            return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        }

        /** The newest review of the newest revision, or {@code null}. */
        FlagReview decision() {
            RiskFlag latest = latest();
            FlagReview newest = null;
            for (FlagReview r : reviews) {
                if (latest != null
                        && r.getFlagRevision() >= latest.getRevision()
                        && (newest == null || !r.getDecidedAt().isBefore(newest.getDecidedAt()))) {
                    newest = r;
                }
            }
            return newest;
        }
    }

    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.<Entry>comparingLong(e -> e.queuedAt).thenComparing(e -> e.flagId);

    private final int capacity;
    private final LinkedHashMap<String, Entry> flags = new LinkedHashMap<>();
    private final NavigableSet<Entry> queue = new TreeSet<>(OLDEST_FIRST);
    private final Map<String, Integer> pendingBySection = new HashMap<>();
    private long dropped;

    FlagBook(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a revision; false when it was already held (a re-sent record). */
    boolean add(RiskFlag flag) {
        Entry entry = flags.computeIfAbsent(flag.getFlagId(), Entry::new);
        RiskFlag latest = entry.latest();
        for (RiskFlag held : entry.revisions) {
            if (held.getRevision() == flag.getRevision()) {
                return false;
            }
        }
        unqueue(entry);
        entry.revisions.add(flag);
        if (latest != null && latest.getRevision() > flag.getRevision()) {
            entry.revisions.sort(Comparator.comparingInt(RiskFlag::getRevision));
        }
        requeue(entry);
        bound();
        return true;
    }

    /** Adds a review; false when it was already held. */
    boolean add(FlagReview review) {
        Entry entry = flags.computeIfAbsent(review.getFlagId(), Entry::new);
        for (FlagReview held : entry.reviews) {
            if (held.getReviewId().equals(review.getReviewId())) {
                return false;
            }
        }
        unqueue(entry);
        entry.reviews.add(review);
        requeue(entry);
        bound();
        return true;
    }

    Entry get(String flagId) {
        Entry entry = flags.get(flagId);
        return entry == null || entry.revisions.isEmpty() ? null : entry;
    }

    int pendingCount() {
        return queue.size();
    }

    int pendingIn(String sectionId) {
        return pendingBySection.getOrDefault(sectionId, 0);
    }

    /** Pending flags, oldest trigger first, from {@code offset}, at most {@code limit}. */
    List<Entry> queue(int offset, int limit) {
        List<Entry> out = new ArrayList<>(Math.min(limit, queue.size()));
        Iterator<Entry> it = queue.iterator();
        for (int i = 0; it.hasNext() && out.size() < limit; i++) {
            Entry e = it.next();
            if (i >= offset) {
                out.add(e);
            }
        }
        return out;
    }

    /** Flags of a section, newest trigger first, at most {@code limit}. */
    List<Entry> inSection(String sectionId, int limit) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : flags.values()) {
            RiskFlag latest = e.latest();
            if (latest != null && sectionId.equals(latest.getSectionId())) {
                out.add(e);
            }
        }
        out.sort(Comparator.<Entry>comparingLong(e -> e.latest().getEventTime().toEpochMilli())
                .reversed()
                .thenComparing(e -> e.flagId));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    int size() {
        return flags.size();
    }

    long dropped() {
        return dropped;
    }

    private void unqueue(Entry entry) {
        if (entry.pending) {
            queue.remove(entry);
            entry.pending = false;
            String section = entry.latest().getSectionId();
            if (section != null) {
                pendingBySection.merge(section, -1, (a, b) -> a + b == 0 ? null : a + b);
            }
        }
    }

    private void requeue(Entry entry) {
        RiskFlag latest = entry.latest();
        if (latest == null || latest.getStatus() == FlagStatus.WITHDRAWN || entry.decision() != null) {
            return;
        }
        entry.pending = true;
        entry.queuedAt = latest.getEventTime().toEpochMilli();
        queue.add(entry);
        if (latest.getSectionId() != null) {
            pendingBySection.merge(latest.getSectionId(), 1, Integer::sum);
        }
    }

    private void bound() {
        Iterator<Entry> oldest = flags.values().iterator();
        while (flags.size() > capacity && oldest.hasNext()) {
            Entry entry = oldest.next();
            unqueue(entry);
            oldest.remove();
            dropped++;
        }
    }
}
