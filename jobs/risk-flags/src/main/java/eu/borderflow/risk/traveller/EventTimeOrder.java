package eu.borderflow.risk.traveller;

import org.apache.flink.api.common.state.ListState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A key's crossings wait in keyed state until event time has passed their own time plus the allowed lateness, so
 * every crossing up to that late is seen, and the key's sequence is evaluated in event-time order (ties by event id,
 * so replays give the same result).
 */
final class EventTimeOrder {

    static final Comparator<Sequenced> ORDER =
            Comparator.comparingLong(Sequenced::getEventTime).thenComparing(Sequenced::getEventId);

    private EventTimeOrder() {
    }

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

    static boolean isEmpty(ListState<?> buffer) throws Exception {
        Iterable<?> buffered = buffer.get();
        return buffered == null || !buffered.iterator().hasNext();
    }
}
