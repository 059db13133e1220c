package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.Calibration;
import java.util.List;

/**
 * What every travel pattern plans with: the traveller's arrays, its random stream (positioned by
 * {@link BackgroundTraffic}), the calendar and the BCPs, and the limits every short stay respects: the visa's validity
 * and total, the document's validity. A plan is a trip (entry and exit) or an exit alone; {@link BackgroundTraffic}
 * makes its crossings when their time comes. Crossings after the period are never made: a stay may run past its end.
 */
final class TripPlanner {

    static final long NONE = Long.MAX_VALUE;
    static final long MIN_STAY_MILLIS = LocalTimes.MIN_STAY_MILLIS;
    static final int SECONDS_PER_DAY = 86_400;

    final Period period;
    final List<Bcp> bcps;
    final BcpClock clock;
    final BcpChooser chooser;
    final LocalTimes times;
    final TravelTimes travelTimes;
    final Itineraries it;
    final long[] nextMillis;
    final RandomStream rng;
    /** The longest short stay: a document must outlast an entry by this many days less one. */
    final int maxStayDays;

    private final double marginMeanMillis;
    private final long nearMissMarginMillis;

    TripPlanner(
            Period period,
            List<Bcp> bcps,
            Calibration calibration,
            BcpClock clock,
            BcpChooser chooser,
            TravelTimes travelTimes,
            Itineraries itineraries,
            long[] nextMillis,
            RandomStream rng,
            int maxStayDays) {
        this.period = period;
        this.bcps = bcps;
        this.clock = clock;
        this.chooser = chooser;
        this.times = new LocalTimes(calibration);
        this.travelTimes = travelTimes;
        this.it = itineraries;
        this.nextMillis = nextMillis;
        this.rng = rng;
        this.maxStayDays = maxStayDays;
        this.marginMeanMillis = calibration.number("/hops/margin_mean_minutes") * Period.MINUTE_MILLIS;
        this.nearMissMarginMillis = calibration.integer("/hops/near_miss_margin_minutes") * Period.MINUTE_MILLIS;
    }

    /** The document outlasts any short stay entered on {@code day} (so no entry on it can concern R6). */
    boolean documentAllows(int t, long day) {
        return it.expiry[t] >= day + maxStayDays - 1;
    }

    /** The visa (if any) is valid on {@code day}. */
    boolean visaValidOn(int t, long day) {
        return day >= it.validFrom[t] && day <= it.validUntil[t];
    }

    /** The last day a stay entered on {@code day} may last under the visa (validity and total). */
    long visaLastDay(int t, long day) {
        return it.lastDayByVisa(t, (int) day);
    }

    /** Labels of a stay's exit on {@code exitDay} that is the visa's limit: its total or its last valid day. */
    int visaEndLabels(int t, long entryDay, long exitDay) {
        if (exitDay != visaLastDay(t, entryDay)) {
            return 0;
        }
        return exitDay == it.validUntil[t] ? TruthLabels.VISA_LAST_DAY : TruthLabels.VISA_TOTAL;
    }

    /** Labels of an entry on {@code day} that sits on a visa's edge: its first valid day, its last entry. */
    int visaEntryLabels(int t, long day) {
        if (day == it.validFrom[t]) {
            return TruthLabels.VISA_FIRST_DAY;
        }
        return it.doubleEntry[t] == 1 && it.entriesLeft[t] == 1 ? TruthLabels.VISA_LAST_ENTRY : 0;
    }

    long at(int bcp, long day, int secondOfDay) {
        return clock.toMillis(bcp, day, secondOfDay, times.millis(rng));
    }

    /** Local time of an entry or exit at a BCP of {@code type}, from the hourly curves. */
    long at(int bcp, long day, BorderType type, boolean entry) {
        return clock.toMillis(bcp, day, times.secondOfDay(type, entry, rng), times.millis(rng));
    }

    long localDay(int bcp, long millis) {
        return clock.localDay(bcp, millis);
    }

    BorderType type(int bcp) {
        return bcps.get(bcp).type();
    }

    /** Time above R7's minimum for a quick movement: exponential, capped at twelve hours. */
    long margin() {
        double draw = -Math.log(1 - rng.nextDouble()) * marginMeanMillis;
        return Math.min(12 * Period.HOUR_MILLIS, Math.round(draw)) + 1;
    }

    boolean nearMiss(long margin) {
        return margin < nearMissMarginMillis;
    }

    /** A BCP other than {@code a}, of {@code type}; {@code a} itself when there is no other. */
    int otherBcp(int a, BorderType type) {
        for (int tries = 0; tries < 4; tries++) {
            int b = chooser.bcp(type, rng);
            if (b != a) {
                return b;
            }
        }
        return a;
    }

    /** Plans a trip: entry at {@code entry} (local day {@code entryDay}), exit at {@code exit} (day {@code exitDay}). */
    void trip(
            int t,
            int entryBcp,
            long entry,
            long entryDay,
            int exitBcp,
            long exit,
            long exitDay,
            int entryLabels,
            int exitLabels) {
        Itineraries i = it;
        i.entryBcp[t] = entryBcp;
        i.entryMillis[t] = entry;
        i.entryDay[t] = (int) entryDay;
        i.exitBcp[t] = exitBcp;
        i.exitMillis[t] = exit;
        i.exitDay[t] = (int) exitDay;
        boolean exitInside = exit < period.endMillis();
        // A stay running past the period: its end is not in the data, so nothing about it is a near-miss there.
        i.entryLabels[t] = (short) (exitInside ? entryLabels : entryLabels & ~TruthLabels.ENTRY_STAY_END);
        i.exitLabels[t] = (short) exitLabels;
        schedule(t, entry);
    }

    /** Plans the exit of a stay entered before the data began (no entry record): the traveller is inside. */
    void exitOnly(int t, long entryDay, int exitBcp, long exit, long exitDay) {
        Itineraries i = it;
        i.inside[t] = true;
        i.entryDay[t] = (int) entryDay;
        i.entryBcp[t] = exitBcp;
        i.exitBcp[t] = exitBcp;
        i.exitMillis[t] = exit;
        i.exitDay[t] = (int) exitDay;
        i.entryLabels[t] = 0;
        i.exitLabels[t] = 0;
        schedule(t, exit);
    }

    /** The next crossing is at {@code millis}; nothing after the period. */
    void schedule(int t, long millis) {
        nextMillis[t] = millis < period.endMillis() ? millis : NONE;
    }

    void stop(int t) {
        nextMillis[t] = NONE;
    }
}
