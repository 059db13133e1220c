package eu.borderflow.risk.alerts;

import eu.borderflow.risk.rules.JustifiedWatermark;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import java.time.Duration;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * The event-time clock of the crossings for R10: their watermarks, no records. At the end of a bounded input it does
 * not announce the end of time (Long.MAX_VALUE), which would fire every future review reminder at once; it ends on
 * the watermark its crossings justify, the newest event time seen less the out-of-orderness, announced active first
 * (an idle output drops watermarks, and the crossings may have gone idle before their end). So when the alert
 * changelog finishes before or after the crossings, the reminders raised are the same.
 */
public final class CrossingEventClock extends AbstractStreamOperator<AlertChange>
        implements OneInputStreamOperator<BorderCrossing, AlertChange> {

    public static final String UID = "alerts-r10-event-clock";
    private static final long serialVersionUID = 1L;

    private final JustifiedWatermark justified;

    public CrossingEventClock(Duration outOfOrderness) {
        this.justified = new JustifiedWatermark(outOfOrderness);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        justified.initialize(context.getOperatorStateStore(), "crossing-clock-newest");
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        justified.snapshot();
    }

    @Override
    public void processElement(StreamRecord<BorderCrossing> element) {
        justified.see(element.getValue().getEventTime().toEpochMilli());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() != Long.MAX_VALUE) {
            super.processWatermark(mark);
        } else if (justified.seen()) {
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            super.processWatermark(new Watermark(justified.get()));
        }
    }
}
