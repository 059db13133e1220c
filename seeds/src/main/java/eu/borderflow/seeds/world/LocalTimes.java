package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Calibration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.random.RandomGenerator;

/** Draws days and local times of day from the calibrated weekly and hourly curves. */
public final class LocalTimes {

    private static final int SECONDS_PER_HOUR = 3600;
    private static final int MILLIS_PER_SECOND = 1000;
    /** The shortest stay of a trip (two hours), and a same-day trip's window of entries and longest stay. */
    public static final long MIN_STAY_MILLIS = 2 * Period.HOUR_MILLIS;

    private static final int SAME_DAY_FIRST_SECOND = 6 * SECONDS_PER_HOUR;
    private static final int SAME_DAY_SPAN_SECONDS = 8 * SECONDS_PER_HOUR;
    private static final long SAME_DAY_MAX_STAY_MILLIS = 8 * Period.HOUR_MILLIS;

    private final Weighted airEntry;
    private final Weighted airExit;
    private final Weighted land;
    private final Weighted sea;
    private final double[] weekly;
    private final double weeklyMax;

    public LocalTimes(Calibration calibration) {
        airEntry = new Weighted(calibration.hourly("AIR_ENTRY"));
        airExit = new Weighted(calibration.hourly("AIR_EXIT"));
        land = new Weighted(calibration.hourly("LAND"));
        sea = new Weighted(calibration.hourly("SEA"));
        weekly = calibration.weekly();
        double max = 0;
        for (double w : weekly) {
            max = Math.max(max, w);
        }
        weeklyMax = max;
    }

    /** A local second of the day for a crossing of this kind at a BCP of this type. */
    public int secondOfDay(BorderType type, boolean entry, RandomGenerator rng) {
        Weighted curve = switch (type) {
            case AIR -> entry ? airEntry : airExit;
            case LAND -> land;
            case SEA -> sea;
        };
        return curve.pick(rng) * SECONDS_PER_HOUR + rng.nextInt(SECONDS_PER_HOUR);
    }

    /** A same-day trip's local second of entry: between 06:00 and 14:00, so its exit is on the same day. */
    public int sameDayEntrySecond(RandomGenerator rng) {
        return SAME_DAY_FIRST_SECOND + rng.nextInt(SAME_DAY_SPAN_SECONDS);
    }

    /** How long a same-day trip lasts: two to eight hours. */
    public long sameDayStayMillis(RandomGenerator rng) {
        return MIN_STAY_MILLIS + rng.nextLong(SAME_DAY_MAX_STAY_MILLIS - MIN_STAY_MILLIS);
    }

    public int millis(RandomGenerator rng) {
        return rng.nextInt(MILLIS_PER_SECOND);
    }

    /** A day in [first, last] (epoch days) drawn by the weekly curve; -1 when the range is empty. */
    public long day(long first, long last, RandomGenerator rng) {
        if (last < first) {
            return -1;
        }
        while (true) {
            long d = first + rng.nextLong(last - first + 1);
            DayOfWeek dow = LocalDate.ofEpochDay(d).getDayOfWeek();
            if (rng.nextDouble() * weeklyMax < weekly[dow.getValue() - 1]) {
                return d;
            }
        }
    }
}
