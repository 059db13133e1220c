package eu.borderflow.picture.output;

import static eu.borderflow.picture.testing.Pictures.HOUR;
import static eu.borderflow.picture.testing.Pictures.LATENESS;
import static eu.borderflow.picture.testing.Pictures.SECTION;
import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.day;
import static eu.borderflow.picture.testing.Pictures.hour;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.picture.testing.KeyedState;
import eu.borderflow.schema.PictureUpdate;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revision numbers in Flink's test harness: first 0, each change the next, no change nothing; state. */
class PictureRevisionsTest {

    private static final long TEN = at("2025-01-06T10:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, PictureUpdate, PictureUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new PictureRevisions(LATENESS)), PictureUpdate::getSectionId, Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eachChangedVersionOfAWindowIsTheNextRevision() throws Exception {
        send(
                hour(TEN, 1, 0, TEN),
                day(TEN + HOUR, 1),
                hour(TEN, 1, 0, TEN),
                hour(TEN, 2, 0, TEN),
                hour(TEN, 2, 0, TEN),
                hour(TEN, 3, 0, TEN));
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(
                List.of("HOUR 0 1", "DAY 0 1", "HOUR 1 2", "HOUR 2 3"),
                out.stream()
                        .map(p -> p.getView() + " " + p.getRevision() + " " + p.getIncidents())
                        .toList(),
                "an unchanged version is dropped; the DAY window of the same end is a window of its own");
    }

    @Test
    void theLastRevisionIsKeptWhileTheWindowCanBeRevised() throws Exception {
        send(hour(TEN, 1, 0, TEN), day(TEN + HOUR, 1));
        assertEquals(
                2,
                KeyedState.map(harness, SECTION, PictureRevisions.publishedState())
                        .size());
        harness.processWatermark(TEN + HOUR + LATENESS - 1);
        assertEquals(
                2,
                KeyedState.map(harness, SECTION, PictureRevisions.publishedState())
                        .size());
        harness.processWatermark(TEN + HOUR + LATENESS);
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
    }

    @Test
    void aJumpOfTheWatermarkForgetsEveryWindowItPassedAndNoOther() throws Exception {
        for (int h = 0; h < 3; h++) {
            send(hour(TEN + h * HOUR, 1, 0, TEN), day(TEN + (h + 1) * HOUR, 1));
        }
        harness.processWatermark(TEN + 2 * HOUR + LATENESS);
        assertEquals(
                List.of("DAY/" + (TEN + 3 * HOUR), "HOUR/" + (TEN + 3 * HOUR)),
                KeyedState.map(harness, SECTION, PictureRevisions.publishedState()).keySet().stream()
                        .sorted()
                        .toList(),
                "the windows ending an hour and two after ten are past the lateness; the third is not");
        assertEquals(1, harness.numEventTimeTimers());
    }

    private void send(PictureUpdate... windows) throws Exception {
        for (PictureUpdate w : windows) {
            harness.processElement(w, w.getWindowEnd().toEpochMilli() - 1);
        }
    }
}
