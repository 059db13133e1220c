package eu.borderflow.dashboard.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedPositionTest {

    private static final Origin INCIDENTS_0 = new Origin("eurosur.incidents", 0);
    private static final Origin INCIDENTS_1 = new Origin("eurosur.incidents", 1);
    private static final Origin FLAGS_3 = new Origin("risk.flags", 3);
    private static final Origin FLAGS_10 = new Origin("risk.flags", 10);

    @Test
    void theIdNamesEveryPartitionsNextOffsetSortedByTopicAndPartition() {
        FeedPosition p = FeedPosition.START
                .after(FLAGS_10, 4)
                .after(INCIDENTS_1, 97)
                .after(FLAGS_3, 0)
                .after(INCIDENTS_0, 119);
        assertEquals("eurosur.incidents:0:120,eurosur.incidents:1:98,risk.flags:3:1,risk.flags:10:5", p.format());
        assertEquals(p, FeedPosition.parse(p.format()).orElseThrow());
        assertEquals(Map.of(INCIDENTS_0, 120L, INCIDENTS_1, 98L, FLAGS_3, 1L, FLAGS_10, 5L), p.offsets());
    }

    @Test
    void aPositionHasSeenWhatLiesBelowItsNextOffsetPerPartitionOnly() {
        FeedPosition p =
                FeedPosition.parse("eurosur.incidents:0:120,risk.flags:3:1").orElseThrow();
        assertTrue(p.hasSeen(INCIDENTS_0, 119));
        assertFalse(p.hasSeen(INCIDENTS_0, 120));
        assertTrue(p.hasSeen(FLAGS_3, 0));
        assertFalse(p.hasSeen(FLAGS_3, 1));
        assertFalse(p.hasSeen(INCIDENTS_1, 0), "a partition it does not name was not read at all");
        assertFalse(p.hasSeen(FLAGS_10, 0));
    }

    @Test
    void positionsOnlyMoveForward() {
        FeedPosition p = FeedPosition.START.after(FLAGS_3, 9);
        assertEquals(p, p.after(FLAGS_3, 4), "an older record does not move a partition back");
        assertEquals(10, p.next(FLAGS_3));
        assertEquals(0, p.next(INCIDENTS_0));
    }

    @Test
    void theEmptyIdIsTheStartAndMalformedIdsAreRefused() {
        assertEquals(FeedPosition.START, FeedPosition.parse("").orElseThrow());
        for (String bad : List.of(
                "risk.flags:0",
                "risk.flags:a:1",
                "risk.flags:0:-1",
                "risk.flags:0:1,",
                "risk flags:0:1",
                "risk.flags:0:1,risk.flags:0:2",
                "risk.flags:0:99999999999999999999",
                "x".repeat(FeedPosition.MAX_LENGTH + 1))) {
            assertTrue(FeedPosition.parse(bad).isEmpty(), bad);
        }
        assertTrue(FeedPosition.parse(null).isEmpty());
    }
}
