package eu.borderflow.picture.level;

import eu.borderflow.picture.PictureSettings;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionLevelChange;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Runs {@link AttributedLevel} on the windows' event time alone: the level changes (input 2) never hold the
 * watermark back. Their topic is empty for days at a time, so its watermark is unknown until the source is declared
 * idle, a minute of processing time after a start, and longer while the job is backpressured. Meanwhile every window
 * emitted stayed held here and in {@link eu.borderflow.picture.output.PictureRevisions}: after an outage that was
 * 750,000 windows, a full TaskManager heap and a picture checkpoint past its timeout. A level change restamps the
 * windows still held, which is all it ever could once its input was idle.
 * <p>
 * Input 2 counts as idle from the start and stays so, and its watermarks are ignored, so a level change arriving while
 * the windows' input is idle cannot move the time to the change's watermark either.
 */
public final class WindowTimeOperator
        extends KeyedCoProcessOperator<String, PictureUpdate, SectionLevelChange, PictureUpdate> {

    private static final long serialVersionUID = 1L;
    private static final int LEVEL_CHANGES = 1;

    public WindowTimeOperator(PictureSettings settings) {
        super(new AttributedLevel(settings));
    }

    @Override
    public void open() throws Exception {
        super.open();
        combinedWatermark.updateStatus(LEVEL_CHANGES, true);
    }

    /** Ignored: where every input is idle, Flink takes the largest watermark any input ever had. */
    @Override
    public void processWatermark2(Watermark mark) {}

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) throws Exception {
        if (index != LEVEL_CHANGES) {
            super.processWatermarkStatus(status, index);
        }
    }
}
