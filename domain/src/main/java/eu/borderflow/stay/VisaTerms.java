package eu.borderflow.stay;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a short-stay visa says about the length of a stay: its validity and its duration of stay.
 *
 * <p>The duration of stay is a total over the visa's validity, not an allowance per stay: "the stay may be continuous
 * or, depending on the period of validity, spread over several periods" (Visa Code, Regulation (EC) 810/2009, Annex
 * VII point 4). A visa valid for more than six months has no such total: the 90/180 rule alone limits its stays
 * (Regulation (EU) 610/2013, which aligned the visa rules on "90 days in any 180-day period").
 *
 * @param validFromDay       first day of validity, epoch day
 * @param validUntilDay      last day of validity, epoch day, inclusive
 * @param durationOfStayDays days of stay authorised over the whole validity (at least 1)
 */
public record VisaTerms(int validFromDay, int validUntilDay, int durationOfStayDays) implements Serializable {

    /** The validity beyond which the duration is no total (Reg. 610/2013). */
    public static final int TOTAL_DURATION_MAX_VALIDITY_MONTHS = 6;

    public VisaTerms {
        if (validUntilDay < validFromDay) {
            throw new IllegalArgumentException("a visa valid until " + LocalDate.ofEpochDay(validUntilDay)
                    + " cannot start on " + LocalDate.ofEpochDay(validFromDay));
        }
        if (durationOfStayDays < 1) {
            throw new IllegalArgumentException(
                    "a visa's duration of stay must be at least 1 day, was " + durationOfStayDays);
        }
    }

    public static VisaTerms of(LocalDate validFrom, LocalDate validUntil, int durationOfStayDays) {
        return new VisaTerms(EpochDays.of(validFrom), EpochDays.of(validUntil), durationOfStayDays);
    }

    /** True when the entry day lies in the visa's validity. */
    public boolean validOn(int day) {
        return day >= validFromDay && day <= validUntilDay;
    }

    /**
     * True when the duration of stay is a total over the validity: the validity is at most six months, i.e. it ends
     * before the same date six months after its first day.
     */
    public boolean durationIsTotal() {
        return durationIsTotal(validFromDay, validUntilDay);
    }

    /** {@link #durationIsTotal()} of a validity given as epoch days. */
    public static boolean durationIsTotal(int validFromDay, int validUntilDay) {
        LocalDate sixMonthsOn = LocalDate.ofEpochDay(validFromDay).plusMonths(TOTAL_DURATION_MAX_VALIDITY_MONTHS);
        return validUntilDay < sixMonthsOn.toEpochDay();
    }
}
