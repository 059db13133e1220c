package eu.borderflow.stay;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.StayBasis;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The authorised end of a stay: the one definition behind R3 (overstay found at exit), R4 (missing exit) and R6
 * (document expiring before the end of the stay), used by the risk job and by the generator's ground truth. Legal
 * sources and worked examples: docs/RULES.md.
 *
 * <p>For a short stay entered on day {@code e} (the BCP's local calendar date) the authorised end is the earliest of
 * <ul>
 *   <li>the latest lawful exit under the 90/180 rule (Schengen Borders Code Art. 6(1)), counting the short stays
 *       already recorded in the 180-day window ({@link StayRule});</li>
 *   <li>for a visa holder, the visa's last valid day, and the day on which the visa's duration of stay runs out: a
 *       total over the validity with the days already spent under the same visa subtracted ({@link VisaTerms},
 *       {@link VisaDays}); a visa valid for more than six months has no total.</li>
 * </ul>
 * An entry outside the visa's validity has no lawful day at all ({@link #NO_LAWFUL_DAY}). A stay under a long-stay
 * visa or a residence permit is not a short stay: it has no end here ({@link #UNLIMITED}) and is not counted in the
 * 90/180 history.
 *
 * @param rule the 90/180 rule
 */
public record AuthorisedStay(StayRule rule) implements Serializable {

    /** The end of a stay with no lawful day: the entry itself was not authorised. */
    public static final int NO_LAWFUL_DAY = StayRule.NO_LAWFUL_DAY;
    /** The end of a stay no short-stay rule limits (long-stay visa, residence permit). */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    /** The regulation's figures. */
    public static final AuthorisedStay SCHENGEN = new AuthorisedStay(StayRule.SCHENGEN);

    /** The rule as configured (rules.yaml, see {@link StayRule#fromConfig}). */
    public static AuthorisedStay fromConfig(ConfigLoader config) {
        return new AuthorisedStay(StayRule.fromConfig(config));
    }

    /** Stays on this basis count toward 90/180 and have an authorised end; others do not. */
    public static boolean isShortStay(StayBasis basis) {
        return basis == StayBasis.SHORT_STAY;
    }

    /**
     * The authorised end (epoch day) of a stay on {@code basis} entered on {@code entryDay}: {@link #UNLIMITED} for a
     * stay that is not a short stay, else {@link #endDay(StayHistory, int, VisaTerms, int)}.
     */
    public int endDay(StayBasis basis, StayHistory shortStays, int entryDay, VisaTerms visa, int visaDaysUsedBefore) {
        return isShortStay(basis) ? endDay(shortStays, entryDay, visa, visaDaysUsedBefore) : UNLIMITED;
    }

    /**
     * The authorised end (epoch day) of a short stay entered on {@code entryDay}, or {@link #NO_LAWFUL_DAY}.
     *
     * @param shortStays         the traveller's short stays recorded before this one (this one may be included: days
     *                           on or after the entry are ignored, the stay being continuous from it)
     * @param visa               the visa the entry was made on; {@code null} for a visa-exempt traveller
     * @param visaDaysUsedBefore days already spent under that visa before {@code entryDay} ({@link VisaDays#usedBefore})
     */
    public int endDay(StayHistory shortStays, int entryDay, VisaTerms visa, int visaDaysUsedBefore) {
        return endDay(shortStays, entryDay, lastDayByVisa(entryDay, visa, visaDaysUsedBefore));
    }

    /**
     * The authorised end of a short stay entered on {@code entryDay} whose visa allows it until
     * {@code lastDayByVisa} ({@link #lastDayByVisa}; {@link #UNLIMITED} without a visa): the earlier of that day and
     * the latest lawful exit under 90/180, or {@link #NO_LAWFUL_DAY}.
     */
    public int endDay(StayHistory shortStays, int entryDay, int lastDayByVisa) {
        return rule.latestLawfulExitDay(shortStays, entryDay, lastDayByVisa);
    }

    /**
     * The last day the visa itself allows for a stay entered on {@code entryDay}: its last valid day, and the end of
     * its total duration; {@link #UNLIMITED} without a visa, {@link #NO_LAWFUL_DAY} when it allows none.
     */
    public static int lastDayByVisa(int entryDay, VisaTerms visa, int visaDaysUsedBefore) {
        if (visa == null) {
            return UNLIMITED;
        }
        return lastDayByVisa(
                entryDay, visa.validFromDay(), visa.validUntilDay(), visa.durationOfStayDays(), visaDaysUsedBefore);
    }

    /**
     * {@link #lastDayByVisa(int, VisaTerms, int)} on a visa's fields as a record carries them, whatever they hold: a
     * validity that ends before it starts allows no day, and so does a duration of stay below one day.
     */
    public static int lastDayByVisa(
            int entryDay, int validFromDay, int validUntilDay, int durationOfStayDays, int visaDaysUsedBefore) {
        return lastDayByVisa(
                entryDay,
                validFromDay,
                validUntilDay,
                durationOfStayDays,
                visaDaysUsedBefore,
                VisaTerms.durationIsTotal(validFromDay, validUntilDay));
    }

    /**
     * {@link #lastDayByVisa(int, int, int, int, int)} for a caller that knows already whether the visa's duration is a
     * total ({@link VisaTerms#durationIsTotal(int, int)} of its validity).
     */
    public static int lastDayByVisa(
            int entryDay,
            int validFromDay,
            int validUntilDay,
            int durationOfStayDays,
            int visaDaysUsedBefore,
            boolean durationIsTotal) {
        if (entryDay < validFromDay || entryDay > validUntilDay) {
            return NO_LAWFUL_DAY;
        }
        int last = validUntilDay;
        if (durationIsTotal) {
            long remaining = (long) durationOfStayDays - visaDaysUsedBefore;
            if (remaining <= 0) {
                return NO_LAWFUL_DAY;
            }
            last = (int) Math.min(last, entryDay + remaining - 1);
        }
        return last;
    }

    /** R3: an exit on {@code exitDay} after the authorised end, or with more than the maximum days in the window. */
    public boolean overstayAtExit(StayHistory shortStaysWithThisOne, int endDay, int exitDay) {
        return endDay != UNLIMITED
                && (endDay == NO_LAWFUL_DAY
                        || exitDay > endDay
                        || rule.usedDays(shortStaysWithThisOne, exitDay) > rule.maxDaysInWindow());
    }

    /**
     * R4: the local day from whose start the exit is missing: the day after the authorised end, or the entry day when
     * no day was lawful. {@link #UNLIMITED} for a stay with no end.
     */
    public static int missingExitDay(int endDay, int entryDay) {
        if (endDay == UNLIMITED) {
            return UNLIMITED;
        }
        return endDay == NO_LAWFUL_DAY ? entryDay : endDay + 1;
    }

    /**
     * R4's deadline: the start of {@link #missingExitDay} in the entry BCP's time zone plus the grace for late
     * uploads (EES Art. 21), epoch millis; {@link Long#MAX_VALUE} for a stay with no end.
     */
    public static long missingExitDeadline(int endDay, int entryDay, ZoneId zone, Duration grace) {
        int day = missingExitDay(endDay, entryDay);
        if (day == UNLIMITED) {
            return Long.MAX_VALUE;
        }
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant().toEpochMilli() + grace.toMillis();
    }

    /** R6: the travel document expired before the entry day. */
    public static boolean documentExpired(int expiryDay, int entryDay) {
        return expiryDay < entryDay;
    }

    /** R6: the travel document expires before the authorised end; a stay with no lawful day or no end has none. */
    public static boolean documentExpiresBeforeEnd(int expiryDay, int endDay) {
        return endDay != NO_LAWFUL_DAY && endDay != UNLIMITED && expiryDay < endDay;
    }

    /**
     * Everything the rule says for the {@code stay} command: presence and overstay on {@code controlDate}, and
     * whether and how long a traveller entering on {@code entry} (on {@code visa}, or none) may stay.
     */
    public StayAssessment assess(
            StayHistory stays, LocalDate controlDate, LocalDate entry, VisaTerms visa, int visaDaysUsedBefore) {
        int control = EpochDays.of(controlDate);
        int entryDay = EpochDays.of(entry);
        int used = rule.usedDays(stays, control);
        int end = endDay(stays, entryDay, visa, visaDaysUsedBefore);
        boolean lawful = end != NO_LAWFUL_DAY;
        return new StayAssessment(
                controlDate,
                used,
                Math.max(0, used - rule.maxDaysInWindow()),
                entry,
                rule.refusedOnEntry(stays, entryDay),
                lawful ? EpochDays.toDate(end) : null,
                lawful ? end - entryDay + 1 : 0);
    }
}
