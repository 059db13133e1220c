package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;
import java.util.Arrays;

/**
 * Long stays. Long stayers' short stays are planned with the authorised-stay definition the risk job uses
 * ({@link AuthorisedStay}): 90/180 counting their earlier stays, the visa's validity and total; many end exactly on
 * the last lawful day. Residents stay for months under a long-stay visa or residence permit, which 90/180 does not
 * count. A rare traveller makes one trip on a document that expires on (or just after) the stay's authorised end.
 * Long stayers and residents may already be inside when the period starts; their entry is then in the data, before
 * the period.
 */
final class LongStayPlans {

    /** Earlier stays a long stayer keeps: with gaps of 10 days and stays of 30 or more, a 180-day window holds fewer. */
    private static final int KEPT_STAYS = 4;

    private static final int MAX_TRIES = 8;
    private static final int RETRY_MIN_DAYS = 7;
    private static final int RETRY_MAX_DAYS = 30;
    private static final int RARE_TRIP_MAX_DAYS = 20;
    private static final double SAME_EXIT_BCP_SHARE = 0.6;

    private final TripPlanner p;
    private final Itineraries it;
    private final RandomStream rng;
    private final AuthorisedStay authorisedStay;
    private final int lengthMin;
    private final int gapMin;
    private final int gapMax;
    private final double exactEndShare;
    private final double beforePeriodShare;
    private final int beforePeriodMax;
    private final int residentMin;
    private final int residentMax;
    private final int awayMin;
    private final int awayMax;
    /** Per long stayer: its last {@link #KEPT_STAYS} stays as entry/exit pairs, oldest first, unused ones MIN_VALUE. */
    private int[] stays = new int[0];

    private int longStayers;

    LongStayPlans(TripPlanner planner, Calibration calibration, AuthorisedStay authorisedStay) {
        this.p = planner;
        this.it = planner.it;
        this.rng = planner.rng;
        this.authorisedStay = authorisedStay;
        this.lengthMin = calibration.integer("/long_stays/length_min_days");
        this.gapMin = calibration.integer("/long_stays/gap_min_days");
        this.gapMax = calibration.integer("/long_stays/gap_max_days");
        this.exactEndShare = calibration.number("/long_stays/exact_end_share");
        this.beforePeriodShare = calibration.number("/long_stays/before_period_share");
        this.beforePeriodMax = calibration.integer("/long_stays/before_period_max_days");
        this.residentMin = calibration.integer("/residents/stay_min_days");
        this.residentMax = calibration.integer("/residents/stay_max_days");
        this.awayMin = calibration.integer("/residents/away_min_days");
        this.awayMax = calibration.integer("/residents/away_max_days");
    }

    void firstLongStay(int t) {
        if (longStayers * 2 * KEPT_STAYS == stays.length) {
            int grown = Math.max(16, longStayers * 2) * 2 * KEPT_STAYS;
            int from = stays.length;
            stays = Arrays.copyOf(stays, grown);
            Arrays.fill(stays, from, grown, Integer.MIN_VALUE);
        }
        it.side[t] = longStayers++;
        longStay(t, firstDay());
    }

    /** After a long stayer's exit: keeps the stay, plans the next after a gap. */
    void nextLongStay(int t, boolean present) {
        if (present) {
            int base = it.side[t] * 2 * KEPT_STAYS;
            System.arraycopy(stays, base + 2, stays, base, 2 * KEPT_STAYS - 2);
            stays[base + 2 * KEPT_STAYS - 2] = it.entryDay[t];
            stays[base + 2 * KEPT_STAYS - 1] = it.exitDay[t];
        }
        longStay(t, it.exitDay[t] + rng.nextInt(gapMin, gapMax + 1));
    }

    private long firstDay() {
        return rng.nextDouble() < beforePeriodShare
                ? p.period.startDay() - 1 - rng.nextInt(beforePeriodMax)
                : p.period.startDay() + rng.nextInt(p.period.days());
    }

    /** A short stay from about {@code day}, to its authorised end or a day before it. */
    private void longStay(int t, long day) {
        long entryDay = day;
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            entryDay = Math.max(entryDay, it.validFrom[t]);
            if (entryDay > p.period.lastDay() || !p.visaValidOn(t, entryDay) || !p.documentAllows(t, entryDay)) {
                break;
            }
            int byVisa = it.lastDayByVisa(t, (int) entryDay);
            int end = authorisedStay.endDay(history(t), (int) entryDay, byVisa);
            long shortest = Math.max(entryDay + lengthMin - 1, p.period.startDay());
            if (end != AuthorisedStay.NO_LAWFUL_DAY && end >= shortest) {
                long exitDay =
                        rng.nextDouble() < exactEndShare ? end : shortest + rng.nextInt((int) (end - shortest + 1));
                int labels = exitDay != end
                        ? 0
                        : end == byVisa ? p.visaEndLabels(t, entryDay, exitDay) : TruthLabels.LAST_LAWFUL_DAY;
                stay(t, entryDay, exitDay, p.visaEntryLabels(t, entryDay) | labels, labels);
                return;
            }
            entryDay += rng.nextInt(RETRY_MIN_DAYS, RETRY_MAX_DAYS + 1);
        }
        p.stop(t);
    }

    private StayHistory history(int t) {
        int base = it.side[t] * 2 * KEPT_STAYS;
        int first = base;
        while (first < base + 2 * KEPT_STAYS && stays[first] == Integer.MIN_VALUE) {
            first += 2;
        }
        return StayHistory.ofEpochDayPairs(Arrays.copyOfRange(stays, first, base + 2 * KEPT_STAYS));
    }

    void firstResident(int t) {
        int length = rng.nextInt(residentMin, residentMax + 1);
        boolean inside = rng.nextDouble() < beforePeriodShare;
        long day = inside
                ? p.period.startDay() - rng.nextInt(1, length)
                : p.period.startDay() + rng.nextInt(p.period.days());
        resident(t, day, length);
    }

    void nextResident(int t) {
        resident(t, it.exitDay[t] + rng.nextInt(awayMin, awayMax + 1), rng.nextInt(residentMin, residentMax + 1));
    }

    /** Months under a long-stay visa or residence permit (a long-stay visa's stays end by its last valid day). */
    private void resident(int t, long day, int length) {
        long entryDay = Math.max(day, it.validFrom[t]);
        if (entryDay > p.period.lastDay() || !p.visaValidOn(t, entryDay) || !p.documentAllows(t, entryDay)) {
            p.stop(t);
            return;
        }
        long exitDay = Math.min(entryDay + length - 1, it.validUntil[t]);
        int labels =
                exitDay - entryDay + 1 > authorisedStay.rule().maxDaysInWindow() ? TruthLabels.EXEMPT_LONG_STAY : 0;
        stay(t, entryDay, exitDay, labels, labels);
    }

    /** A rare traveller's one trip: on its planned day, ending by the authorised end its document expires at. */
    void rareTrip(int t, long plannedDay) {
        int byVisa = it.lastDayByVisa(t, (int) plannedDay);
        int end = authorisedStay.endDay(StayHistory.empty(), (int) plannedDay, byVisa);
        if (end == AuthorisedStay.NO_LAWFUL_DAY) {
            p.stop(t);
            return;
        }
        long exitDay = plannedDay + rng.nextInt((int) Math.min(RARE_TRIP_MAX_DAYS, end - plannedDay + 1));
        stay(t, plannedDay, exitDay, TruthLabels.DOCUMENT_AT_END | p.visaEntryLabels(t, plannedDay), 0);
    }

    private void stay(int t, long entryDay, long exitDay, int entryLabels, int exitLabels) {
        BorderType type = p.chooser.type(rng);
        int a = p.chooser.bcp(type, rng);
        int b = rng.nextDouble() < SAME_EXIT_BCP_SHARE ? a : p.chooser.bcp(type, rng);
        long entry = p.at(a, entryDay, type, true);
        long exit = p.at(b, exitDay, type, false);
        if (b != a && exit - entry < 2 * p.travelTimes.minMillis(a, b)) {
            b = a;
            exit = p.at(b, exitDay, type, false);
        }
        if (exit - entry < TripPlanner.MIN_STAY_MILLIS) {
            exit = p.at(b, exitDay, TripPlanner.SECONDS_PER_DAY - 1);
        }
        p.trip(t, a, entry, entryDay, b, exit, exitDay, entryLabels, exitLabels);
    }
}
