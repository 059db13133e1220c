package eu.borderflow.seeds.world;

import eu.borderflow.seeds.reference.Calibration;
import java.util.Arrays;

/**
 * Same-day trips at the traveller's home BCP. Frequent travellers go every 2-9 days (at most 60 days in any 180).
 * Commuters go every day or two, as often as the 90/180 rule lets them: a trip's day is pushed on until the 180-day
 * window ending on it holds at most 90 days of presence (counted on the days recorded, Schengen Borders Code Art.
 * 6(1)), so many of their trips reach exactly 90, the near-misses of R3.
 */
final class SameDayPlans {

    private static final int FIRST_DAY_SPREAD = 3;

    private final TripPlanner p;
    private final Itineraries it;
    private final RandomStream rng;
    private final int frequentMin;
    private final int frequentMax;
    private final int commuterMin;
    private final int commuterMax;
    private final int maxDays;
    private final int windowDays;
    /** Per commuter: its days of presence still in the window, oldest first, in a ring of {@code maxDays} slots. */
    private int[] presence = new int[0];
    /** Per commuter: the ring's first slot and how many days it holds. */
    private int[] head = new int[0];

    private int[] count = new int[0];
    private int commuters;

    SameDayPlans(TripPlanner planner, Calibration calibration, int maxDaysInWindow, int windowDays) {
        this.p = planner;
        this.it = planner.it;
        this.rng = planner.rng;
        this.frequentMin = calibration.integer("/gaps/frequent_min_days");
        this.frequentMax = calibration.integer("/gaps/frequent_max_days");
        this.commuterMin = calibration.integer("/gaps/commuter_min_days");
        this.commuterMax = calibration.integer("/gaps/commuter_max_days");
        this.maxDays = maxDaysInWindow;
        this.windowDays = windowDays;
        if (frequentMin < 2) {
            throw new IllegalStateException("calibration.yaml: frequent travellers' trips at least 2 days apart keep "
                    + "90/180 without the calculator");
        }
    }

    void firstFrequent(int t) {
        trip(t, p.period.startDay() + rng.nextInt(Math.min(p.period.days(), frequentMax)), 0);
    }

    void nextFrequent(int t) {
        trip(t, it.exitDay[t] + rng.nextInt(frequentMin, frequentMax + 1), 0);
    }

    void firstCommuter(int t) {
        if (commuters == head.length) {
            int grown = Math.max(16, commuters * 2);
            head = Arrays.copyOf(head, grown);
            count = Arrays.copyOf(count, grown);
            presence = Arrays.copyOf(presence, grown * maxDays);
        }
        it.side[t] = commuters++;
        commute(t, p.period.startDay() + rng.nextInt(FIRST_DAY_SPREAD));
    }

    /** After a commuter's exit (or refusal) on {@code it.exitDay[t]}: records the day, plans the next. */
    void nextCommuter(int t, boolean present) {
        if (present) {
            record(it.side[t], it.exitDay[t]);
        }
        commute(t, it.exitDay[t] + rng.nextInt(commuterMin, commuterMax + 1));
    }

    private void commute(int t, long day) {
        int s = it.side[t];
        long d = day;
        int used = usedBefore(s, d) + 1;
        while (used > maxDays) {
            d++;
            used = usedBefore(s, d) + 1;
        }
        trip(t, d, used == maxDays ? TruthLabels.AT_NINETY_DAYS : 0);
    }

    /** Days of presence recorded in the window ending on {@code day}, before it; drops days that left it. */
    private int usedBefore(int s, long day) {
        long first = day - windowDays + 1;
        while (count[s] > 0 && presence[s * maxDays + head[s]] < first) {
            head[s] = (head[s] + 1) % maxDays;
            count[s]--;
        }
        return count[s];
    }

    private void record(int s, long day) {
        if (count[s] == maxDays) {
            throw new IllegalStateException("a commuter's plan went over " + maxDays + " days in the window");
        }
        presence[s * maxDays + (head[s] + count[s]) % maxDays] = (int) day;
        count[s]++;
    }

    /** A same-day trip at the home BCP on {@code day}, within the visa's validity and the document's. */
    private void trip(int t, long day, int exitLabels) {
        if (day > p.period.lastDay() || !p.visaValidOn(t, day) || !p.documentAllows(t, day)) {
            p.stop(t);
            return;
        }
        int home = it.homeBcp[t];
        long entry = p.at(home, day, p.times.sameDayEntrySecond(rng));
        long exit = entry + p.times.sameDayStayMillis(rng);
        p.trip(t, home, entry, day, home, exit, day, 0, exitLabels);
    }
}
