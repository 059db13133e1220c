package eu.borderflow.stay;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One traveller's stays as calendar dates (the BCP's local dates), kept as sorted epoch-day pairs
 * {@code [entry0, exit0, entry1, exit1, ...]} in one int array, so a streaming job can hold it in keyed state cheaply.
 * Immutable: {@link #add} and {@link #retainFrom} return a new history.
 * <p>
 * Both the entry day and the exit day are days of presence; a stay may start on the day the previous one ended
 * (leaving and re-entering the same day), and that day is counted once. The last stay may be open (no exit yet):
 * the traveller is then present up to any day asked about.
 */
public final class StayHistory {

    /** The exit day of an open stay. */
    public static final int OPEN = Integer.MAX_VALUE;

    private static final StayHistory EMPTY = new StayHistory(new int[0]);

    /** Sorted by (entry, exit); consecutive stays share at most one day, so exits never decrease either. */
    private final int[] days;

    private StayHistory(int[] days) {
        this.days = days;
    }

    public static StayHistory empty() {
        return EMPTY;
    }

    /**
     * A history from the pairs {@link #toEpochDayPairs()} gave (e.g. restored from state).
     *
     * @throws InvalidStayException if the pairs are not in order or the stays are impossible together
     */
    public static StayHistory ofEpochDayPairs(int[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("entry/exit pairs expected, got " + pairs.length + " days");
        }
        int[] copy = pairs.clone();
        for (int i = 0; i < copy.length; i += 2) {
            checkOrder(copy[i], copy[i + 1]);
            if (i >= 2) {
                checkNoOverlap(copy[i - 2], copy[i - 1], copy[i], copy[i + 1]);
            }
        }
        return copy.length == 0 ? EMPTY : new StayHistory(copy);
    }

    /** The stays as {@code [entry0, exit0, ...]} epoch days (a copy); an open stay's exit is {@link #OPEN}. */
    public int[] toEpochDayPairs() {
        return days.clone();
    }

    /**
     * This history plus a stay; stays may be added in any order (fall-back uploads arrive late).
     *
     * @param exit {@code null} for a stay still open
     * @throws InvalidStayException if the exit is before the entry, or the stay shares more than an exit/re-entry
     *                              day with another stay (an open stay overlaps every later one)
     */
    public StayHistory add(LocalDate entry, LocalDate exit) {
        if (entry == null) {
            throw new InvalidStayException("a stay needs an entry date");
        }
        return add(EpochDays.of(entry), exit == null ? OPEN : EpochDays.of(exit));
    }

    /** {@link #add(LocalDate, LocalDate)} on epoch days; {@code exitDay} is {@link #OPEN} for an open stay. */
    public StayHistory add(int entryDay, int exitDay) {
        checkOrder(entryDay, exitDay);
        int at = size();
        while (at > 0 && compare(entryDay(at - 1), exitDay(at - 1), entryDay, exitDay) > 0) {
            at--;
        }
        if (at > 0) {
            checkNoOverlap(entryDay(at - 1), exitDay(at - 1), entryDay, exitDay);
        }
        if (at < size()) {
            checkNoOverlap(entryDay, exitDay, entryDay(at), exitDay(at));
        }
        int[] next = new int[days.length + 2];
        System.arraycopy(days, 0, next, 0, 2 * at);
        next[2 * at] = entryDay;
        next[2 * at + 1] = exitDay;
        System.arraycopy(days, 2 * at, next, 2 * at + 2, days.length - 2 * at);
        return new StayHistory(next);
    }

    /**
     * This history with its open stay closed on {@code exit}.
     *
     * @throws InvalidStayException if no stay is open or the exit is before its entry
     */
    public StayHistory withExit(LocalDate exit) {
        return withExit(EpochDays.of(exit));
    }

    /** {@link #withExit(LocalDate)} on an epoch day. */
    public StayHistory withExit(int exitDay) {
        if (!hasOpenStay()) {
            throw new InvalidStayException("exit " + EpochDays.toDate(exitDay) + " without an open stay");
        }
        checkOrder(entryDay(size() - 1), exitDay);
        int[] next = days.clone();
        next[next.length - 1] = exitDay;
        return new StayHistory(next);
    }

    /**
     * This history without the stays that ended before {@code firstDay}: what keyed state must retain to answer the
     * 90/180 rule for windows starting on or after that day. A stay that straddles it is kept whole.
     */
    public StayHistory retainFrom(LocalDate firstDay) {
        return retainFrom(EpochDays.of(firstDay));
    }

    /** {@link #retainFrom(LocalDate)} on an epoch day. */
    public StayHistory retainFrom(int firstDay) {
        int drop = 0;
        while (drop < size() && exitDay(drop) < firstDay) {
            drop++;
        }
        if (drop == 0) {
            return this;
        }
        return drop == size() ? EMPTY : new StayHistory(Arrays.copyOfRange(days, 2 * drop, days.length));
    }

    /** Days of presence in {@code [fromDay, toDay]} (epoch days, inclusive), each calendar day counted once. */
    public int presentDays(int fromDay, int toDay) {
        int count = 0;
        int countedUpTo = fromDay - 1;
        for (int i = 0; i < size(); i++) {
            int entry = entryDay(i);
            if (entry > toDay) {
                break;
            }
            int start = Math.max(entry, countedUpTo + 1);
            int end = Math.min(exitDay(i), toDay);
            if (end >= start) {
                count += end - start + 1;
                countedUpTo = end;
            }
        }
        return count;
    }

    public int size() {
        return days.length / 2;
    }

    public int entryDay(int stay) {
        return days[2 * stay];
    }

    /** The exit day of stay {@code stay}, or {@link #OPEN}. */
    public int exitDay(int stay) {
        return days[2 * stay + 1];
    }

    public boolean hasOpenStay() {
        return days.length > 0 && days[days.length - 1] == OPEN;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StayHistory that && Arrays.equals(days, that.days);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(days);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("StayHistory[");
        for (int i = 0; i < size(); i++) {
            text.append(i == 0 ? "" : ", ").append(describe(entryDay(i), exitDay(i)));
        }
        return text.append(']').toString();
    }

    private static int compare(int entryA, int exitA, int entryB, int exitB) {
        int byEntry = Integer.compare(entryA, entryB);
        return byEntry != 0 ? byEntry : Integer.compare(exitA, exitB);
    }

    private static void checkOrder(int entryDay, int exitDay) {
        if (exitDay < entryDay) {
            throw new InvalidStayException(
                    "exit " + EpochDays.toDate(exitDay) + " is before entry " + EpochDays.toDate(entryDay));
        }
    }

    /** The later stay may start on the earlier one's exit day (same-day exit and re-entry), not before. */
    private static void checkNoOverlap(int entryA, int exitA, int entryB, int exitB) {
        if (entryB < exitA) {
            throw new InvalidStayException("stays " + describe(entryA, exitA) + " and " + describe(entryB, exitB)
                    + " overlap by more than a shared exit/re-entry day");
        }
    }

    private static String describe(int entryDay, int exitDay) {
        return EpochDays.toDate(entryDay) + ".."
                + (exitDay == OPEN ? "" : EpochDays.toDate(exitDay).toString());
    }
}
