package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.world.Traveller;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Reorders crossings from event-time order into arrival order (ingest time, ties by event id). Crossings enter in
 * event-time order and no crossing arrives before it happens, so everything that arrived before the current event
 * time is final: the queue holds only the records still in flight (late uploads, re-sends), not the whole dataset.
 */
final class ArrivalBuffer {

    /** Receives records in arrival order, each with the background traveller it belongs to (null if none). */
    interface Sink {
        void accept(BorderCrossing crossing, Traveller traveller);
    }

    /** A record in flight, with the background traveller whose shared objects it holds (null for scripted ones). */
    private record Pending(BorderCrossing crossing, Traveller traveller, long arrivalMillis) {
    }

    private static final Comparator<Pending> ARRIVAL = (a, b) -> {
        int byTime = Long.compare(a.arrivalMillis, b.arrivalMillis);
        return byTime != 0 ? byTime : a.crossing.getEventId().compareTo(b.crossing.getEventId());
    };

    private final PriorityQueue<Pending> queue = new PriorityQueue<>(ARRIVAL);
    private final Sink sink;

    ArrivalBuffer(Sink sink) {
        this.sink = sink;
    }

    /** Adds a record whose ingest time is final. */
    void add(BorderCrossing crossing, Traveller traveller) {
        queue.add(new Pending(crossing, traveller, crossing.getIngestTime().toEpochMilli()));
    }

    /** Emits every record that arrived strictly before {@code eventMillis}. */
    void releaseBefore(long eventMillis) {
        while (!queue.isEmpty() && queue.peek().arrivalMillis < eventMillis) {
            emit(queue.poll());
        }
    }

    void flush() {
        while (!queue.isEmpty()) {
            emit(queue.poll());
        }
    }

    private void emit(Pending p) {
        sink.accept(p.crossing, p.traveller);
    }
}
