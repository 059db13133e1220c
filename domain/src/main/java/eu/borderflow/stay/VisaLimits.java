package eu.borderflow.stay;

import java.time.LocalDate;

/**
 * What a visa adds to the 90/180 rule for one stay: the last day it is valid and its authorised duration of stay.
 *
 * @param validUntil         last day of validity, inclusive; {@code null} for none (visa-exempt traveller)
 * @param durationOfStayDays days of stay authorised, counted from the entry day inclusive; {@code null} for none
 */
public record VisaLimits(LocalDate validUntil, Integer durationOfStayDays) {

    /** A visa-exempt traveller: only the 90/180 rule limits the stay. */
    public static final VisaLimits NONE = new VisaLimits(null, null);

    public VisaLimits {
        if (durationOfStayDays != null && durationOfStayDays < 1) {
            throw new IllegalArgumentException("a visa's duration of stay must be at least 1 day, was "
                    + durationOfStayDays);
        }
    }

    /** Last lawful day under this visa for a stay entered on {@code entryDay} (epoch days), or {@link Integer#MAX_VALUE}. */
    public int lastDayFor(int entryDay) {
        int last = Integer.MAX_VALUE;
        if (validUntil != null) {
            last = EpochDays.of(validUntil);
        }
        if (durationOfStayDays != null) {
            last = Math.min(last, entryDay + durationOfStayDays - 1);
        }
        return last;
    }
}
