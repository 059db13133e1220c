package eu.borderflow.risk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.AlertChange;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ChangelogEndTest {

    @Test
    void recordsAndWatermarksPassTheEndOfTheChangelogGoesIdle() throws Exception {
        AlertChange change = TestRecords.objectAlert("SIS-1", TestRecords.T0).build();
        long at = change.getEventTime().toEpochMilli();
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ChangelogEnd())) {
            harness.open();
            harness.processElement(new StreamRecord<>(change, at));
            harness.processWatermark(new Watermark(at));
            harness.processWatermark(Watermark.MAX_WATERMARK);
            assertEquals(
                    List.of(new StreamRecord<>(change, at), new Watermark(at), WatermarkStatus.IDLE),
                    List.copyOf(harness.getOutput()),
                    "no watermark at the end of time");
        }
    }
}
