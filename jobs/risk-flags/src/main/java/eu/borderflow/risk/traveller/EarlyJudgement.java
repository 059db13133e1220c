package eu.borderflow.risk.traveller;

import eu.borderflow.schema.RiskFlag;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.util.Collector;

/**
 * Judges crossings on what is known when one arrives ({@link EarlyFlags}): the key's settled state, copied, and the
 * crossings waiting in event-time order. The arrival is judged, and so is every crossing waiting after it, as a late
 * upload can change what they raise. Each crossing is applied as a unit, as its settlement will apply it: one the
 * rules fail on leaves the state as it was and raises nothing early (its settlement makes it a dead letter).
 * <p>
 * What follows a presumed movement raises nothing early: an entry while a stay is open presumes the exit the EES has
 * not recorded (on the entry's day), and a fall-back upload may still bring the real one, which changes the days
 * counted after it. Those crossings are judged when settled, as R4 and R7 wait for a missing movement.
 */
final class EarlyJudgement {

    private EarlyJudgement() {}

    /** How a key's rules apply a crossing to their state. */
    interface Rules<S, T> {

        /** A copy the rules may change; a new state for null (a key seen for the first time). */
        S copy(S state);

        void apply(S state, T crossing, Collector<RiskFlag> out) throws Exception;

        /** Whether applying {@code crossing} to {@code state} presumes a movement not recorded (yet). */
        default boolean presumesAMovement(S state, T crossing) {
            return false;
        }
    }

    /** What one crossing raised when judged early. */
    interface Judged<T> {

        void flags(T crossing, List<RiskFlag> flags) throws Exception;
    }

    /** Applies {@code inOrder} to a copy of {@code settled}, handing each crossing from {@code first} its flags. */
    static <S, T> void judge(S settled, List<T> inOrder, int first, Rules<S, T> rules, Judged<T> judged)
            throws Exception {
        S working = settled;
        boolean presumed = false;
        for (int i = 0; i < inOrder.size(); i++) {
            T crossing = inOrder.get(i);
            presumed |= rules.presumesAMovement(working, crossing);
            S attempt = rules.copy(working);
            List<RiskFlag> flags = new ArrayList<>(1);
            try {
                rules.apply(attempt, crossing, new ListCollector<>(flags));
                working = attempt;
            } catch (RuntimeException e) {
                flags = List.of();
            }
            if (i >= first) {
                judged.flags(crossing, presumed ? List.of() : flags);
            }
        }
    }
}
