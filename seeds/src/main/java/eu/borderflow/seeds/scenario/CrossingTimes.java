package eu.borderflow.seeds.scenario;

import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.LocalTimes;
import java.util.SplittableRandom;

/** When planted crossings happen: local times of day drawn from the background's curves, on a BCP's clock. */
public final class CrossingTimes {

    private static final int LAST_SECOND = 86_399;

    private final BcpClock clock;
    private final LocalTimes times;
    private final SplittableRandom rng;

    CrossingTimes(BcpClock clock, LocalTimes times, SplittableRandom rng) {
        this.clock = clock;
        this.times = times;
        this.rng = rng;
    }

    /** An entry's time on local {@code day} at {@code bcp}, from the background's hourly curves. */
    public long entryTime(Bcp bcp, long day) {
        return clock.toMillis(bcp.index(), day, times.secondOfDay(bcp.type(), true, rng), times.millis(rng));
    }

    /**
     * An exit's time on local {@code day} at {@code bcp}, from the curves like the background's: the day's last second
     * when the drawn time is not two hours after {@code after} (and never less than that).
     */
    public long exitTime(Bcp bcp, long day, long after) {
        long t = clock.toMillis(bcp.index(), day, times.secondOfDay(bcp.type(), false, rng), times.millis(rng));
        if (t >= after + LocalTimes.MIN_STAY_MILLIS) {
            return t;
        }
        return Math.max(after + LocalTimes.MIN_STAY_MILLIS, clock.toMillis(bcp.index(), day, LAST_SECOND, 0));
    }

    /** A same-day trip's exit after an entry at {@code entry}, like the background's: two to eight hours later. */
    public long sameDayExit(long entry) {
        return entry + times.sameDayStayMillis(rng);
    }

    /** UTC millis of local {@code secondOfDay} on {@code day} at the BCP. */
    public long at(Bcp bcp, long day, int secondOfDay) {
        return clock.toMillis(bcp.index(), day, secondOfDay, rng.nextInt(1000));
    }

    public long localDay(Bcp bcp, long millis) {
        return clock.localDay(bcp.index(), millis);
    }

    /** An entry's time on a day a same-day exit still fits in, like the background's same-day trips. */
    public long daytime(Bcp bcp, long day) {
        return at(bcp, day, times.sameDayEntrySecond(rng));
    }
}
