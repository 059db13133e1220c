package eu.borderflow.dashboard.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FeedLogTest {

    private static final Origin A0 = new Origin("eurosur.incidents", 0);
    private static final Origin A1 = new Origin("eurosur.incidents", 1);
    private static final Origin F0 = new Origin("risk.flags", 0);
    private static final Origin F2 = new Origin("risk.flags", 2);

    /** Records of four partitions interleaved as a consumer returns them, offsets with gaps (transaction markers). */
    private static List<FeedEvent> fill(FeedLog log) {
        List<FeedEvent> all = new ArrayList<>();
        Origin[] origins = {A0, F0, A1, F2, A0, A0, F2, A1, F0, F2};
        long[] offsets = {0, 0, 0, 5, 1, 2, 7, 1, 2, 9};
        for (int i = 0; i < origins.length; i++) {
            all.add(log.append(origins[i], offsets[i], "incident", "{\"n\":" + i + "}"));
        }
        return all;
    }

    @Test
    void aClientResumingFromAnyEventsIdGetsExactlyTheEventsAfterIt() {
        FeedLog log = new FeedLog(100);
        List<FeedEvent> all = fill(log);
        for (int k = 0; k < all.size(); k++) {
            FeedPosition seen = FeedPosition.parse(all.get(k).id()).orElseThrow();
            FeedLog.Resume resume = log.resume(seen);
            assertTrue(resume.complete());
            assertEquals(all.subList(k + 1, all.size()), resume.missed(), "after event " + k);
            assertEquals(log.nextSeq(), resume.nextSeq());
        }
        assertEquals(all, log.resume(FeedPosition.START).missed());
        assertEquals(List.of(), log.resume(log.position()).missed());
    }

    @Test
    void aPositionFromAnotherReadingOrderStillMissesNothing() {
        FeedLog log = new FeedLog(100);
        List<FeedEvent> all = fill(log);
        // A dashboard restarted and read the partitions in another order: the client saw F2 up to 7 and A0 up to 0.
        FeedPosition seen =
                FeedPosition.parse("eurosur.incidents:0:1,risk.flags:2:8").orElseThrow();
        List<FeedEvent> missed = log.resume(seen).missed();
        List<FeedEvent> expected = all.stream()
                .filter(e -> !(e.origin().equals(A0) && e.offset() < 1)
                        && !(e.origin().equals(F2) && e.offset() < 8))
                .toList();
        assertEquals(expected, missed);
    }

    @Test
    void whenUnseenEventsWereDroppedFromTheBoundTheClientIsToldToReload() {
        FeedLog log = new FeedLog(4);
        List<FeedEvent> all = fill(log);
        assertEquals(all.subList(6, 10), log.tail(10));
        FeedPosition early = FeedPosition.parse(all.get(2).id()).orElseThrow();
        assertFalse(log.resume(early).complete(), "events 3-5 are gone");
        assertFalse(log.resume(FeedPosition.START).complete());
        FeedPosition recent = FeedPosition.parse(all.get(6).id()).orElseThrow();
        FeedLog.Resume resume = log.resume(recent);
        assertTrue(resume.complete());
        assertEquals(all.subList(7, 10), resume.missed());
    }

    @Test
    void aWaitingStreamWakesOnAnEventOrAChangeAndFallsBehindPastTheBound() throws Exception {
        FeedLog log = new FeedLog(3);
        long from = log.nextSeq();
        CompletableFuture<FeedLog.Batch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return log.await(from, -1, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FeedEvent first = log.append(F0, 3, "flag", "{}");
        FeedLog.Batch batch = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(first), batch.events());

        long version = log.version();
        CompletableFuture<FeedLog.Batch> forChange = CompletableFuture.supplyAsync(() -> {
            try {
                return log.await(first.seq() + 1, version, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        log.changed();
        FeedLog.Batch changed = forChange.get(30, TimeUnit.SECONDS);
        assertTrue(changed.events().isEmpty());
        assertEquals(version + 1, changed.version());

        for (int i = 4; i < 10; i++) {
            log.append(F0, i, "flag", "{}");
        }
        assertTrue(log.await(first.seq() + 1, -1, 0).fellBehind());
        log.close();
        assertTrue(log.await(log.nextSeq(), -1, 60_000).closed());
    }
}
