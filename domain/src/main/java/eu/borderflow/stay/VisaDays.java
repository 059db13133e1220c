package eu.borderflow.stay;

import java.io.Serializable;

/**
 * The days of presence already spent under one visa, each calendar date once: what the visa's total duration of stay
 * ({@link VisaTerms}) is measured against. Stays are added in time order; a stay that starts on the day the previous
 * one ended (leaving and re-entering the same day) does not count that day twice.
 *
 * @param used    days counted
 * @param lastDay the latest day counted, epoch day; {@link Integer#MIN_VALUE} when none
 */
public record VisaDays(int used, int lastDay) implements Serializable {

    /** No day spent under the visa yet. */
    public static final VisaDays NONE = new VisaDays(0, Integer.MIN_VALUE);

    /** These days plus the stay {@code entryDay..exitDay} (inclusive), days already counted left out. */
    public VisaDays plusStay(int entryDay, int exitDay) {
        if (exitDay < entryDay) {
            throw new InvalidStayException(
                    "exit " + EpochDays.toDate(exitDay) + " is before entry " + EpochDays.toDate(entryDay));
        }
        int from = lastDay == Integer.MIN_VALUE ? entryDay : Math.max(entryDay, lastDay + 1);
        int added = Math.max(0, exitDay - from + 1);
        return new VisaDays(used + added, Math.max(lastDay, exitDay));
    }

    /**
     * The days counted before {@code day}: a stay entered on {@code day} may use the visa's total less these. When the
     * last counted stay ended on or after {@code day} (re-entry on the exit day), its days from {@code day} on are
     * not "before".
     */
    public int usedBefore(int day) {
        if (lastDay < day) {
            return used;
        }
        return Math.max(0, used - (lastDay - day + 1));
    }
}
