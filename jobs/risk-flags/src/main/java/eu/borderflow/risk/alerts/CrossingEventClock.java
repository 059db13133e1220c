package eu.borderflow.risk.alerts;

import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.time.Duration;
import java.util.List;

/**
 * The event-time clock of the crossings for R10: their watermarks, no records. At the end of a bounded input it does
 * not announce the end of time (Long.MAX_VALUE), which would fire every future review reminder at once; it ends on
 * the watermark its crossings justify, the newest event time seen less the out-of-orderness. So when the alert
 * changelog finishes before or after the crossings, the reminders raised are the same.
 */
public final class CrossingEventClock extends AbstractStreamOperator<AlertChange>
        implements OneInputStreamOperator<BorderCrossing, AlertChange> {

    private static final long serialVersionUID = 1L;

    private final long outOfOrdernessMs;
    private transient long newest;
    private transient ListState<Long> newestState;

    public CrossingEventClock(Duration outOfOrderness) {
        this.outOfOrdernessMs = outOfOrderness.toMillis();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        newestState = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>("crossing-clock-newest", Types.LONG));
        newest = Long.MIN_VALUE;
        for (Long restored : newestState.get()) {
            newest = Math.max(newest, restored);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        newestState.update(List.of(newest));
    }

    @Override
    public void processElement(StreamRecord<BorderCrossing> element) {
        newest = Math.max(newest, element.getValue().getEventTime().toEpochMilli());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() != Long.MAX_VALUE) {
            super.processWatermark(mark);
        } else if (newest != Long.MIN_VALUE) {
            super.processWatermark(new Watermark(newest - outOfOrdernessMs - 1));
        }
    }
}
