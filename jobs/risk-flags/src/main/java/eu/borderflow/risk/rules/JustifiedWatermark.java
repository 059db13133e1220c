package eu.borderflow.risk.rules;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The watermark the crossings an operator instance saw justify: the newest event time less the out-of-orderness
 * (CONTRACTS.md, time-dependent rules at the end of a bounded input). The newest event time is kept in operator
 * list state; after a rescale it is the newest of the restored values.
 */
public final class JustifiedWatermark implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long outOfOrdernessMs;
    private transient long newest;
    private transient ListState<Long> state;

    public JustifiedWatermark(Duration outOfOrderness) {
        this.outOfOrdernessMs = outOfOrderness.toMillis();
    }

    /** Restores the newest event time from the operator state named {@code stateName}. */
    public void initialize(OperatorStateStore store, String stateName) throws Exception {
        state = store.getListState(new ListStateDescriptor<>(stateName, Types.LONG));
        newest = Long.MIN_VALUE;
        for (Long restored : state.get()) {
            newest = Math.max(newest, restored);
        }
    }

    public void snapshot() throws Exception {
        state.update(List.of(newest));
    }

    public void see(long eventTime) {
        newest = Math.max(newest, eventTime);
    }

    /** Whether any event time has been seen (or restored). */
    public boolean seen() {
        return newest != Long.MIN_VALUE;
    }

    /** The newest event time less the out-of-orderness, as Flink's bounded-out-of-orderness watermarks have it. */
    public long get() {
        return newest - outOfOrdernessMs - 1;
    }
}
