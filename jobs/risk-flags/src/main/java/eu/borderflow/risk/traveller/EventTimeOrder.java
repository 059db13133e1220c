package eu.borderflow.risk.traveller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.streaming.api.TimerService;

/**
 * A key's crossings wait in keyed state until event time has passed their own time plus the allowed lateness, so
 * every crossing up to that late is seen, and the key's sequence is evaluated in event-time order (ties by event id,
 * so replays give the same result).
 */
final class EventTimeOrder {

    static final Comparator<Sequenced> ORDER =
            Comparator.comparingLong(Sequenced::getEventTime).thenComparing(Sequenced::getEventId);

    private EventTimeOrder() {}

    /** Removes from {@code buffer} and returns, in event-time order, the crossings due at {@code time}. */
    static <T extends Sequenced> List<T> takeDue(ListState<T> buffer, long time, long latenessMs) throws Exception {
        List<T> due = new ArrayList<>();
        List<T> waiting = new ArrayList<>();
        Iterable<T> buffered = buffer.get();
        if (buffered == null) {
            return due;
        }
        for (T crossing : buffered) {
            (crossing.getEventTime() + latenessMs <= time ? due : waiting).add(crossing);
        }
        if (!due.isEmpty()) {
            if (waiting.isEmpty()) {
                buffer.clear();
            } else {
                buffer.update(waiting);
            }
            due.sort(ORDER);
        }
        return due;
    }

    /** The crossings waiting in {@code buffer} and {@code arrival}, in event-time order, and where the arrival is. */
    record Sequence<T>(List<T> inOrder, int arrival) {

        /** Whether crossings wait after the arrival: a late upload, which may change what they raise. */
        boolean arrivedLate() {
            return arrival < inOrder.size() - 1;
        }
    }

    static <T extends Sequenced> Sequence<T> withWaiting(ListState<T> buffer, T arrival) throws Exception {
        List<T> inOrder = new ArrayList<>();
        Iterable<T> buffered = buffer.get();
        if (buffered != null) {
            buffered.forEach(inOrder::add);
        }
        inOrder.add(arrival);
        inOrder.sort(ORDER);
        int at = 0;
        while (inOrder.get(at) != arrival) {
            at++;
        }
        return new Sequence<>(inOrder, at);
    }

    /**
     * Buffers the arrival of {@code sequence} (read by {@link #withWaiting}) with one timer per key: at the earliest
     * time one of its crossings is due. A later one is taken when that timer fires, which registers the next
     * ({@link #timerForTheRest}); every crossing is still taken at its own due time, and a key holds one timer instead
     * of one per crossing.
     */
    static <T extends Sequenced> void buffer(
            ListState<T> buffer, Sequence<T> sequence, long latenessMs, TimerService timers) throws Exception {
        List<T> inOrder = sequence.inOrder();
        T arrival = inOrder.get(sequence.arrival());
        long due = arrival.getEventTime() + latenessMs;
        // The first waiting crossing in event-time order is the earliest due.
        int first = sequence.arrival() == 0 ? 1 : 0;
        long earliest = first < inOrder.size() ? inOrder.get(first).getEventTime() + latenessMs : Long.MAX_VALUE;
        if (due < earliest) {
            timers.registerEventTimeTimer(due);
        }
        buffer.add(arrival);
    }

    /** After {@link #takeDue}: the timer at which the earliest crossing still waiting is due. */
    static <T extends Sequenced> void timerForTheRest(ListState<T> buffer, long latenessMs, TimerService timers)
            throws Exception {
        long due = earliestDue(buffer, latenessMs);
        if (due != Long.MAX_VALUE) {
            timers.registerEventTimeTimer(due);
        }
    }

    private static <T extends Sequenced> long earliestDue(ListState<T> buffer, long latenessMs) throws Exception {
        long earliest = Long.MAX_VALUE;
        Iterable<T> buffered = buffer.get();
        if (buffered != null) {
            for (T crossing : buffered) {
                earliest = Math.min(earliest, crossing.getEventTime() + latenessMs);
            }
        }
        return earliest;
    }

    static boolean isEmpty(ListState<?> buffer) throws Exception {
        Iterable<?> buffered = buffer.get();
        return buffered == null || !buffered.iterator().hasNext();
    }
}
