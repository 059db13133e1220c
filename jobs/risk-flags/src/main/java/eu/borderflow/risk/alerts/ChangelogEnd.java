package eu.borderflow.risk.alerts;

import eu.borderflow.schema.AlertChange;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * The alert changelog as R10's timers see it: the end of a bounded changelog (watermark Long.MAX_VALUE) is not the end
 * of time but the end of its say on time, so it goes idle instead. Otherwise, whenever the crossings' clock is idle at
 * that moment (a quiet or slow input), the timers would jump to the end of time and every due reminder would be
 * dropped as fired by the end of input: the reminders raised would depend on timing. Records and other watermarks
 * pass unchanged.
 */
public final class ChangelogEnd extends AbstractStreamOperator<AlertChange>
        implements OneInputStreamOperator<AlertChange, AlertChange> {

    public static final String UID = "alerts-r10-changelog-end";
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<AlertChange> element) {
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        } else {
            super.processWatermark(mark);
        }
    }
}
