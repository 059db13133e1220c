package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Reorders crossings from event-time order into arrival order (ingest time, ties by event id). Crossings enter in
 * event-time order and no crossing arrives before it happens, so everything that arrived before the current event
 * time is final: the queue holds only the records still in flight (late uploads, re-sends), not the whole dataset.
 */
final class ArrivalBuffer {

    /** Receives records in arrival order. */
    interface Sink {
        void accept(BorderCrossing crossing);
    }

    private static final Comparator<BorderCrossing> ARRIVAL = (a, b) -> {
        int byTime = a.getIngestTime().compareTo(b.getIngestTime());
        return byTime != 0 ? byTime : a.getEventId().compareTo(b.getEventId());
    };

    private final PriorityQueue<BorderCrossing> queue = new PriorityQueue<>(ARRIVAL);
    private final Sink sink;

    ArrivalBuffer(Sink sink) {
        this.sink = sink;
    }

    void add(BorderCrossing crossing) {
        queue.add(crossing);
    }

    /** Emits every record that arrived strictly before {@code eventMillis}. */
    void releaseBefore(long eventMillis) {
        while (!queue.isEmpty() && queue.peek().getIngestTime().toEpochMilli() < eventMillis) {
            sink.accept(queue.poll());
        }
    }

    void flush() {
        while (!queue.isEmpty()) {
            sink.accept(queue.poll());
        }
    }
}
