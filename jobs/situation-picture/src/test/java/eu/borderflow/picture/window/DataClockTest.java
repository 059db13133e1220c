package eu.borderflow.picture.window;

import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The data clock emits the full hour the data reached, less the out-of-orderness, only when it moves on. */
class DataClockTest {

    @Test
    void emitsEachNewFullHourTheDataReachedOnce() throws Exception {
        try (OneInputStreamOperatorTestHarness<SectionEvent, Long> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DataClock(5 * 60_000))) {
            for (String t : List.of("10:03", "10:04", "10:06", "10:59", "10:20", "12:30", "11:10")) {
                SectionEvent e = entry("e" + t, "2025-01-06T" + t + ":00Z");
                harness.processElement(e, e.getEventTime());
            }
            assertEquals(
                    List.of(at("2025-01-06T09:00:00Z"), at("2025-01-06T10:00:00Z"), at("2025-01-06T12:00:00Z")),
                    harness.extractOutputValues());
        }
    }
}
