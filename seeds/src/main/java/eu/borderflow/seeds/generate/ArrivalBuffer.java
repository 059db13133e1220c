package eu.borderflow.seeds.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Reorders encoded crossings from event-time order into arrival order (ingest time, ties by event id). Crossings enter
 * in event-time order and no crossing arrives before it happens, so everything that arrived before the current event
 * time is final: the queue holds only the records still in flight (late uploads, re-sends), not the whole dataset.
 */
final class ArrivalBuffer {

    /** Receives records in arrival order. */
    interface Sink {
        void accept(ByteBuffer encoded) throws IOException;
    }

    /** A record in flight: its bytes, when it arrives and its event id for ties. */
    private record Pending(byte[] encoded, long arrivalMillis, String eventId) {}

    private static final Comparator<Pending> ARRIVAL =
            Comparator.comparingLong(Pending::arrivalMillis).thenComparing(Pending::eventId);

    private final PriorityQueue<Pending> queue = new PriorityQueue<>(ARRIVAL);
    private final Sink sink;

    ArrivalBuffer(Sink sink) {
        this.sink = sink;
    }

    /** Adds a copy of a record whose ingest time is final. */
    void add(ByteBuffer encoded, long arrivalMillis, String eventId) {
        byte[] copy = Arrays.copyOfRange(
                encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.arrayOffset() + encoded.limit());
        queue.add(new Pending(copy, arrivalMillis, eventId));
    }

    /** True when no record in flight arrives at or before {@code millis}. */
    boolean noneArrivesBy(long millis) {
        return queue.isEmpty() || queue.peek().arrivalMillis > millis;
    }

    /** Emits every record that arrived strictly before {@code eventMillis}. */
    void releaseBefore(long eventMillis) throws IOException {
        while (!queue.isEmpty() && queue.peek().arrivalMillis < eventMillis) {
            emit(queue.poll());
        }
    }

    void flush() throws IOException {
        while (!queue.isEmpty()) {
            emit(queue.poll());
        }
    }

    private void emit(Pending p) throws IOException {
        sink.accept(ByteBuffer.wrap(p.encoded));
    }
}
