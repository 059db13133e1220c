package eu.borderflow.seeds.world;

import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Calibration;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Short-stay (C) and long-stay (D) visas as reference/calibration.yaml {@code visas} spreads them: multiple-entry
 * visas valid for years (no total duration, Reg. 610/2013) or for at most six months (a total), single- and
 * double-entry visas valid for weeks with a total duration of stay.
 */
final class VisaIssuer {

    static final int MULTIPLE_ENTRIES = 0;
    /** The longest short stay, and a D visa's duration (a year). */
    private static final int MAX_SHORT_STAY_DAYS = 90;

    private static final int LONG_STAY_DAYS = 365;
    private static final int DAYS_PER_YEAR = 365;
    /** Six months less a day: the longest validity whose duration is still a total (VisaTerms). */
    private static final int SHORT_VALIDITY_CAP_DAYS = 180;

    private final Period period;
    private final IdFactory ids;
    private final List<String> memberStates;
    private final double multipleShare;
    private final double singleShare;
    private final double longValidityShare;
    private final int longValidityYearsMax;
    private final int shortValidityMin;
    private final int shortValidityMax;
    private final int durationMin;
    private final int durationMax;

    VisaIssuer(Period period, IdFactory ids, List<String> memberStates, Calibration calibration) {
        this.period = period;
        this.ids = ids;
        this.memberStates = memberStates;
        this.multipleShare = calibration.number("/visas/multiple_entry_share");
        this.singleShare = calibration.number("/visas/single_entry_share");
        this.longValidityShare = calibration.number("/visas/long_validity_share");
        this.longValidityYearsMax = calibration.integer("/visas/long_validity_years_max");
        this.shortValidityMin = calibration.integer("/visas/short_validity_min_days");
        this.shortValidityMax =
                Math.min(SHORT_VALIDITY_CAP_DAYS - 1, calibration.integer("/visas/short_validity_max_days"));
        this.durationMin = calibration.integer("/visas/duration_min_days");
        this.durationMax = Math.min(MAX_SHORT_STAY_DAYS, calibration.integer("/visas/duration_max_days"));
    }

    /** A C visa of the calibrated mix whose validity overlaps the period. */
    Visa shortStay(long index, RandomGenerator rng) {
        double r = rng.nextDouble();
        if (r < multipleShare) {
            return rng.nextDouble() < longValidityShare
                    ? multipleForYears(index, rng)
                    : limited(index, MULTIPLE_ENTRIES, rng);
        }
        return limited(index, r < multipleShare + singleShare ? 1 : 2, rng);
    }

    /** A multiple-entry C visa valid for one to five years, covering the period's start (no total duration). */
    Visa multipleForYears(long index, RandomGenerator rng) {
        int validity = DAYS_PER_YEAR * rng.nextInt(1, longValidityYearsMax + 1);
        long from = period.startDay() - rng.nextInt(Math.max(1, validity - period.days()));
        return visa(index, "C", MULTIPLE_ENTRIES, MAX_SHORT_STAY_DAYS, from, from + validity - 1, rng);
    }

    /** A C visa valid at most six months with a total duration of stay, overlapping the period. */
    private Visa limited(long index, int entries, RandomGenerator rng) {
        int validity = rng.nextInt(shortValidityMin, shortValidityMax + 1);
        long from = period.startDay() - validity + 1 + rng.nextInt(validity - 1 + period.days());
        return visa(index, "C", entries, duration(validity, rng), from, from + validity - 1, rng);
    }

    /** A C visa valid at most six months, from a few days before {@code entryDay}. */
    Visa around(long index, long entryDay, RandomGenerator rng) {
        int validity = rng.nextInt(shortValidityMin, shortValidityMax + 1);
        long from = entryDay - rng.nextInt(Math.min(validity, shortValidityMin));
        int entries = rng.nextDouble() < multipleShare ? MULTIPLE_ENTRIES : 1 + rng.nextInt(2);
        return visa(index, "C", entries, duration(validity, rng), from, from + validity - 1, rng);
    }

    /** A D visa valid for a year from {@code firstDay}: multiple entries, a year's stay. */
    Visa longStay(long index, long firstDay, RandomGenerator rng) {
        return visa(index, "D", MULTIPLE_ENTRIES, LONG_STAY_DAYS, firstDay, firstDay + LONG_STAY_DAYS - 1, rng);
    }

    private int duration(int validity, RandomGenerator rng) {
        return Math.min(validity, rng.nextInt(durationMin, durationMax + 1));
    }

    private Visa visa(long index, String type, int entries, int duration, long from, long until, RandomGenerator rng) {
        String issuer = memberStates.get(rng.nextInt(memberStates.size()));
        return new Visa(
                ids.stickerNumber(issuer, index),
                type,
                entries,
                duration,
                LocalDate.ofEpochDay(from),
                LocalDate.ofEpochDay(until));
    }
}
