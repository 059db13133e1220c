package eu.borderflow.dashboard.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The live feed's recent events, bounded, in the order this dashboard read them, and the wake-up of the streams that
 * wait for them. A client that reconnects with a {@link FeedPosition} gets every held event it has not seen; if some
 * were already dropped from the bound, it is told to reload instead ({@link Resume#complete()} false), so a reconnect
 * never silently misses anything. A change of the sections' state (not a feed event) also wakes the streams.
 */
public final class FeedLog {

    private final int capacity;
    private final ArrayDeque<FeedEvent> events = new ArrayDeque<>();
    /** Per origin, the offsets below this are no longer held (events were dropped from the bound). */
    private final Map<Origin, Long> droppedBelow = new HashMap<>();

    private FeedPosition position = FeedPosition.START;
    private long nextSeq;
    private long version;
    private boolean closed;

    public FeedLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** A client's catch-up: the events it missed, and the sequence number to wait from next. */
    public record Resume(boolean complete, List<FeedEvent> missed, long nextSeq) {}

    /** What a waiting stream gets: new events (from its sequence number on), whether it fell behind the bound. */
    public record Batch(List<FeedEvent> events, boolean fellBehind, long version, boolean closed) {}

    public synchronized FeedEvent append(Origin origin, long offset, String type, String json) {
        position = position.after(origin, offset);
        FeedEvent event = new FeedEvent(nextSeq++, origin, offset, type, position.format(), json);
        events.addLast(event);
        while (events.size() > capacity) {
            FeedEvent dropped = events.removeFirst();
            droppedBelow.merge(dropped.origin(), dropped.offset() + 1, Math::max);
        }
        notifyAll();
        return event;
    }

    /** Wakes the streams for a change that is not a feed event (a section's picture). */
    public synchronized void changed() {
        version++;
        notifyAll();
    }

    public synchronized long version() {
        return version;
    }

    public synchronized FeedPosition position() {
        return position;
    }

    /** The sequence number the next event will get: a stream that starts now waits from here. */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** The newest {@code n} events, oldest first. */
    public synchronized List<FeedEvent> tail(int n) {
        List<FeedEvent> out = new ArrayList<>(Math.min(n, events.size()));
        int skip = Math.max(0, events.size() - n);
        for (FeedEvent e : events) {
            if (skip-- <= 0) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The held events a client at {@code from} has not seen, in feed order. Incomplete when events it has not seen
     * were dropped: of an origin it knows, below its next offset's successors, or of an origin it does not know.
     */
    public synchronized Resume resume(FeedPosition from) {
        for (Map.Entry<Origin, Long> dropped : droppedBelow.entrySet()) {
            if (from.next(dropped.getKey()) < dropped.getValue()) {
                return new Resume(false, List.of(), nextSeq);
            }
        }
        List<FeedEvent> missed = new ArrayList<>();
        for (FeedEvent e : events) {
            if (!from.hasSeen(e.origin(), e.offset())) {
                missed.add(e);
            }
        }
        return new Resume(true, missed, nextSeq);
    }

    /**
     * Waits up to {@code timeoutMillis} for events from sequence number {@code fromSeq} on, or, when
     * {@code knownVersion} is not negative, for a change of the version; returns at once if there are some already.
     */
    public synchronized Batch await(long fromSeq, long knownVersion, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!closed && fromSeq >= nextSeq && (knownVersion < 0 || knownVersion == version)) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        long first = events.isEmpty() ? nextSeq : events.peekFirst().seq();
        if (fromSeq < first) {
            return new Batch(List.of(), true, version, closed);
        }
        List<FeedEvent> out = new ArrayList<>();
        for (Iterator<FeedEvent> newestFirst = events.descendingIterator(); newestFirst.hasNext(); ) {
            FeedEvent e = newestFirst.next();
            if (e.seq() < fromSeq) {
                break;
            }
            out.add(e);
        }
        Collections.reverse(out);
        return new Batch(out, false, version, closed);
    }

    /** Wakes every waiting stream for good (the dashboard stops). */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
