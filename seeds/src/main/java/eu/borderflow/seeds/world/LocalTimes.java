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
