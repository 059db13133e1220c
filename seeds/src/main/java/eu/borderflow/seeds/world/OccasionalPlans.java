package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.TripLengthBucket;
import java.util.List;

/**
 * Occasional travellers: runs of presence of at most {@link #MAX_RUN_DAYS} local dates separated by at least the
 * calibrated gap (32 days), which keeps every 180-day window at or below 87 days without the calculator. A run is one
 * trip, or trips joined by a quick re-entry at another BCP just after R7's minimum time. Trips respect the visa's
 * validity, entries and total duration (some use the total up exactly) and are not started on a document that could
 * expire during the stay. Some travellers are already inside when the data begins: their entry is not recorded.
 */
final class OccasionalPlans {

    /** The longest run of presence: the proof in reference/calibration.yaml {@code gaps} relies on it. */
    static final int MAX_RUN_DAYS = 28;

    private static final double SAME_EXIT_BCP_SHARE = 0.6;
    /** Trips to another exit BCP are planned at least this many times R7's minimum, unless they are fast on purpose. */
    private static final int TRAVEL_TIME_MARGIN = 2;

    private static final int FAST_EXIT_MAX_DAYS = 2;

    private final TripPlanner p;
    private final Itineraries it;
    private final RandomStream rng;
    private final Weighted tripLength;
    private final List<TripLengthBucket> buckets;
    private final int gapMin;
    private final int gapMax;
    private final double insideShare;
    private final double reentryShare;
    private final double fastExitShare;
    private final double exactTotalShare;

    OccasionalPlans(TripPlanner planner, Calibration calibration) {
        this.p = planner;
        this.it = planner.it;
        this.rng = planner.rng;
        this.buckets = calibration.tripLengths();
        this.tripLength = Weighted.of(buckets, TripLengthBucket::weight);
        this.gapMin = calibration.integer("/gaps/occasional_min_days");
        this.gapMax = calibration.integer("/gaps/occasional_max_days");
        this.reentryShare = calibration.number("/hops/reentry_share");
        this.fastExitShare = calibration.number("/hops/fast_exit_share");
        this.exactTotalShare = calibration.number("/visas/exact_total_share");
        double meanTrip = 0;
        double weights = 0;
        for (TripLengthBucket b : buckets) {
            meanTrip += b.weight() * (b.min() + b.max()) / 2.0;
            weights += b.weight();
        }
        meanTrip /= weights;
        // The share of time an occasional traveller spends inside: the chance of being inside when the data begins.
        this.insideShare = meanTrip / (meanTrip + (gapMin + gapMax) / 2.0);
        if (buckets.stream().anyMatch(b -> b.max() > MAX_RUN_DAYS) || gapMin < 32) {
            throw new IllegalStateException("calibration.yaml: occasional trips of at most " + MAX_RUN_DAYS
                    + " days with gaps of at least 32 keep 90/180 without the calculator");
        }
    }

    void first(int t) {
        if (rng.nextDouble() < insideShare && insideAtStart(t)) {
            return;
        }
        long from = Math.max(p.period.startDay(), it.validFrom[t]);
        long day = p.times.day(from, Math.min(p.period.lastDay(), it.validUntil[t]), rng);
        if (day < from) {
            p.stop(t);
            return;
        }
        plan(t, day, length(), day, -1, 0, 0);
    }

    /** After an exit or a refusal: a quick re-entry elsewhere, or the next trip after a gap. */
    void next(int t, boolean afterExit) {
        if (it.entriesLeft[t] <= 0) {
            p.stop(t);
            return;
        }
        if (afterExit && rng.nextDouble() < reentryShare && reenter(t)) {
            return;
        }
        long day = it.exitDay[t] + rng.nextInt(gapMin, gapMax + 1);
        plan(t, day, length(), day, -1, 0, 0);
    }

    /** A stay entered before the data began, its exit in the first days of the period. */
    private boolean insideAtStart(int t) {
        int length = length();
        if (length < 2) {
            return false;
        }
        long entryDay = p.period.startDay() - 1 - rng.nextInt(length - 1);
        long exitDay = entryDay + length - 1;
        if (!p.visaValidOn(t, entryDay) || exitDay > p.visaLastDay(t, entryDay) || !p.documentAllows(t, entryDay)) {
            return false;
        }
        BorderType type = p.chooser.type(rng);
        int b = p.chooser.bcp(type, rng);
        p.exitOnly(t, entryDay, b, p.at(b, exitDay, type, false), exitDay);
        it.runStart[t] = (int) entryDay;
        return true;
    }

    /** Leaves at one BCP and re-enters at another soon after: R7's minimum time plus a margin. */
    private boolean reenter(int t) {
        int a = it.exitBcp[t];
        BorderType type = p.type(a);
        int b = p.otherBcp(a, type);
        if (b == a) {
            return false;
        }
        long margin = p.margin();
        long entry = it.exitMillis[t] + p.travelTimes.minMillis(a, b) + margin;
        long day = p.localDay(b, entry);
        if (day < it.exitDay[t] || day - it.runStart[t] + 1 > MAX_RUN_DAYS) {
            return false;
        }
        return plan(t, day, length(), it.runStart[t], b, entry, p.nearMiss(margin) ? TruthLabels.FAST : 0);
    }

    /**
     * Plans a trip entered on {@code entryDay} of about {@code wanted} days in a run that began on {@code runStart},
     * entering at {@code fixedBcp} at {@code fixedEntry} when that is set (a re-entry); false when none fits.
     */
    private boolean plan(
            int t, long entryDay, int wanted, long runStart, int fixedBcp, long fixedEntry, int fixedLabels) {
        long day = entryDay;
        if (fixedBcp < 0 && day < it.validFrom[t]) {
            day = it.validFrom[t];
            runStart = day;
        }
        long visaLast = p.visaLastDay(t, day);
        if (day > p.period.lastDay() || !p.visaValidOn(t, day) || visaLast < day || !p.documentAllows(t, day)) {
            if (fixedBcp < 0) {
                p.stop(t);
            }
            return false;
        }
        long room = Math.min(visaLast - day + 1, MAX_RUN_DAYS - (day - runStart));
        // A trip the visa (or the run) cuts short ends anywhere in the room left, not always on its last day.
        int length = wanted <= room ? wanted : 1 + rng.nextInt((int) Math.max(1, room));
        if (length < 1) {
            if (fixedBcp < 0) {
                p.stop(t);
            }
            return false;
        }
        boolean total = it.visaDuration[t] != Itineraries.NO_LIMIT;
        if (total && visaLast - day + 1 <= room && rng.nextDouble() < exactTotalShare) {
            length = (int) (visaLast - day + 1);
        }
        it.runStart[t] = (int) runStart;
        if (fixedBcp >= 0) {
            return reentryTrip(t, fixedBcp, fixedEntry, day, length, fixedLabels);
        }
        if (length <= FAST_EXIT_MAX_DAYS && rng.nextDouble() < fastExitShare && fastTrip(t, day, visaLast, room)) {
            return true;
        }
        long exitDay = day + length - 1;
        BorderType type = p.chooser.type(rng);
        int a = p.chooser.bcp(type, rng);
        long entry;
        int b = a;
        long exit;
        if (length == 1) {
            entry = p.at(a, day, p.times.sameDayEntrySecond(rng));
            exit = entry + p.times.sameDayStayMillis(rng);
        } else {
            entry = p.at(a, day, type, true);
            b = rng.nextDouble() < SAME_EXIT_BCP_SHARE ? a : p.chooser.bcp(type, rng);
            exit = p.at(b, exitDay, type, false);
            if (b != a && exit - entry < TRAVEL_TIME_MARGIN * p.travelTimes.minMillis(a, b)) {
                b = a;
                exit = p.at(b, exitDay, type, false);
            }
            if (exit - entry < TripPlanner.MIN_STAY_MILLIS) {
                exit = p.at(b, exitDay, TripPlanner.SECONDS_PER_DAY - 1);
            }
        }
        int entryLabels = p.visaEntryLabels(t, day) | p.visaEndLabels(t, day, exitDay);
        p.trip(t, a, entry, day, b, exit, exitDay, entryLabels, p.visaEndLabels(t, day, exitDay));
        return true;
    }

    /** A trip of a day or two that leaves by another BCP just after R7's minimum time (a transit). */
    private boolean fastTrip(int t, long day, long visaLast, long room) {
        BorderType type = p.chooser.type(rng);
        int a = p.chooser.bcp(type, rng);
        int b = p.otherBcp(a, type);
        if (b == a) {
            return false;
        }
        long entry = p.at(a, day, type, true);
        long margin = p.margin();
        long exit = entry + p.travelTimes.minMillis(a, b) + margin;
        long exitDay = p.localDay(b, exit);
        if (exitDay < day || exitDay > visaLast || exitDay - day + 1 > Math.min(room, FAST_EXIT_MAX_DAYS)) {
            return false;
        }
        int end = p.visaEndLabels(t, day, exitDay);
        p.trip(
                t,
                a,
                entry,
                day,
                b,
                exit,
                exitDay,
                p.visaEntryLabels(t, day) | end,
                end | (p.nearMiss(margin) ? TruthLabels.FAST : 0));
        return true;
    }

    /** The trip after a quick re-entry at {@code b}: it leaves from there, at least two hours later. */
    private boolean reentryTrip(int t, int b, long entry, long day, int length, int entryLabels) {
        long exitDay = day + length - 1;
        long exit = p.at(b, exitDay, p.type(b), false);
        if (exit - entry < TripPlanner.MIN_STAY_MILLIS) {
            exit = entry + TripPlanner.MIN_STAY_MILLIS + rng.nextLong(TripPlanner.MIN_STAY_MILLIS);
            exitDay = p.localDay(b, exit);
            if (exitDay - it.runStart[t] + 1 > MAX_RUN_DAYS || exitDay > p.visaLastDay(t, day)) {
                return false;
            }
        }
        int end = p.visaEndLabels(t, day, exitDay);
        p.trip(t, b, entry, day, b, exit, exitDay, entryLabels | p.visaEntryLabels(t, day) | end, end);
        return true;
    }

    private int length() {
        TripLengthBucket b = buckets.get(tripLength.pick(rng));
        return b.min() + rng.nextInt(b.max() - b.min() + 1);
    }
}
