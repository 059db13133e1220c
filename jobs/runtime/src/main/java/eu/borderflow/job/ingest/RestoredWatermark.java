package eu.borderflow.job.ingest;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * The watermark an admission operator had reached at its last checkpoint, kept across a restore. Flink does not
 * checkpoint watermarks: after an upgrade or a lost TaskManager every operator's watermark starts again from nothing,
 * and only new records move it. A world replayed into the job at that moment would then be neither LATE nor known as
 * re-sent (ids are remembered for the lateness only), and would raise its flags a second time. Admission judges
 * lateness against the larger of its current watermark and this one instead. It notes the watermark wherever it
 * judges a record and wherever a timer forgets what it admitted, so whatever was forgotten is LATE after a restore.
 * Kept as union list state, so after a rescale every subtask takes the highest of all.
 */
public final class RestoredWatermark implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String stateName;
    private transient long highest;
    private transient ListState<Long> state;

    /** {@code stateName}: the operator state's name, fixed for savepoints. */
    public RestoredWatermark(String stateName) {
        this.stateName = stateName;
    }

    public void initialize(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>(stateName, Types.LONG));
        highest = Long.MIN_VALUE;
        for (Long watermark : state.get()) {
            highest = Math.max(highest, watermark);
        }
    }

    /** The watermark to judge lateness against: the operator's {@code current} one, or the restored one if higher. */
    public long apply(long current) {
        highest = Math.max(highest, current);
        return highest;
    }

    public void snapshot() throws Exception {
        state.update(List.of(highest));
    }
}
