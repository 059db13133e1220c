package eu.borderflow.stay;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The short-stay rule of the Schengen Borders Code Art. 6(1): at most {@code maxDaysInWindow} days of presence in any
 * {@code windowDays}-day period, "considering the period preceding each day of stay". All days are the BCP's local
 * calendar dates as epoch days; used(d) counts presence in {@code [d - windowDays + 1, d]}.
 *
 * @param maxDaysInWindow days of presence allowed in a window (90)
 * @param windowDays      length of the window, the control day included (180)
 */
public record StayRule(int maxDaysInWindow, int windowDays) implements Serializable {

    /** The regulation's figures: 90 days in any 180-day period. */
    public static final StayRule SCHENGEN = new StayRule(90, 180);

    /** Returned by {@link #latestLawfulExitDay} when no day of stay is lawful. */
    public static final int NO_LAWFUL_DAY = Integer.MIN_VALUE;

    public StayRule {
        // A maximum below the window length guarantees that a continuous stay ends, which the walk relies on.
        if (maxDaysInWindow < 1 || windowDays <= maxDaysInWindow) {
            throw new IllegalArgumentException(
                    "need 0 < max days (" + maxDaysInWindow + ") < window days (" + windowDays + ")");
        }
    }

    /** The rule as configured: {@code rules.yaml} R3 {@code max_days_in_window} and {@code retention.stay_window_days}. */
    public static StayRule fromConfig(ConfigLoader config) {
        JsonNode rules = config.tree("rules");
        JsonNode max = rules.at("/rules/R3/max_days_in_window");
        JsonNode window = rules.at("/retention/stay_window_days");
        if (!max.canConvertToInt() || !window.canConvertToInt()) {
            throw new ConfigException(
                    "rules.yaml needs integers rules.R3.max_days_in_window and " + "retention.stay_window_days");
        }
        try {
            return new StayRule(max.intValue(), window.intValue());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("rules.yaml: " + e.getMessage(), e);
        }
    }

    /** Days of presence in the window ending on {@code day}. */
    public int usedDays(StayHistory stays, int day) {
        return stays.presentDays(windowStart(day), day);
    }

    /** max(0, used(day) - maximum): a stay of exactly the maximum is not an overstay. */
    public int overstayDays(StayHistory stays, int day) {
        return Math.max(0, usedDays(stays, day) - maxDaysInWindow);
    }

    /** Entering on {@code entryDay} would itself make used(entryDay) exceed the maximum (refusal reason F). */
    public boolean refusedOnEntry(StayHistory stays, int entryDay) {
        return usedOnEntry(stays, entryDay) > maxDaysInWindow;
    }

    /**
     * The last day a traveller entering on {@code entryDay} and staying continuously may leave lawfully, or
     * {@link #NO_LAWFUL_DAY}. Presence recorded on or after the entry day is ignored: the stay is assumed continuous
     * from the entry on, so a recorded exit of that same stay does not shorten it.
     * <p>
     * Slides the window one day at a time: each day adds one day of presence and may drop one recorded day from the
     * window's start. used() never decreases along a continuous stay and at most {@code maxDaysInWindow} days pass
     * before it would exceed the maximum, so the walk is short and allocates nothing.
     *
     * @param lastDayAllowed the last day a visa allows ({@link AuthorisedStay#lastDayByVisa}), {@link Integer#MAX_VALUE}
     *                       for none
     */
    public int latestLawfulExitDay(StayHistory stays, int entryDay, int lastDayAllowed) {
        int used = usedOnEntry(stays, entryDay);
        if (used > maxDaysInWindow || lastDayAllowed < entryDay) {
            return NO_LAWFUL_DAY;
        }
        int day = entryDay;
        int stay = 0;
        while (day < lastDayAllowed) {
            int leaving = windowStart(day);
            boolean leavingPresent;
            if (leaving >= entryDay) {
                leavingPresent = true;
            } else {
                while (stay < stays.size() && stays.exitDay(stay) < leaving) {
                    stay++;
                }
                leavingPresent = stay < stays.size() && stays.entryDay(stay) <= leaving;
            }
            int next = used + 1 - (leavingPresent ? 1 : 0);
            if (next > maxDaysInWindow) {
                break;
            }
            used = next;
            day++;
        }
        return day;
    }

    /** {@link #usedDays(StayHistory, int)} on a calendar date. */
    public int usedDays(StayHistory stays, LocalDate day) {
        return usedDays(stays, EpochDays.of(day));
    }

    /** {@link #overstayDays(StayHistory, int)} on a calendar date. */
    public int overstayDays(StayHistory stays, LocalDate day) {
        return overstayDays(stays, EpochDays.of(day));
    }

    /** {@link #refusedOnEntry(StayHistory, int)} on a calendar date. */
    public boolean refusedOnEntry(StayHistory stays, LocalDate entry) {
        return refusedOnEntry(stays, EpochDays.of(entry));
    }

    /** The window's first day, for a window ending on {@code day}. */
    public int windowStart(int day) {
        return day - windowDays + 1;
    }

    /** used(entryDay) if the traveller enters that day: recorded presence before it, plus the entry day. */
    private int usedOnEntry(StayHistory stays, int entryDay) {
        return stays.presentDays(windowStart(entryDay), entryDay - 1) + 1;
    }
}
