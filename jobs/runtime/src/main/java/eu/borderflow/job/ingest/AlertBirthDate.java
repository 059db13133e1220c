package eu.borderflow.job.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * An alert's {@code person.date_of_birth} in the forms the alert contract allows (AlertPerson.avsc): {@code YYYY}
 * when only the year is known, {@code YYYY-MM} when the day is not, {@code YYYY-MM-DD}. A full date must be a calendar
 * date as written or with day and month swapped (a swap an issuing state recorded: R2 tolerates it). The one parser
 * of that field: validation and the R2 matcher both use it.
 *
 * @param year  the year
 * @param month 1-12, or 0 when unknown; with {@code day}, as written (possibly swapped)
 * @param day   1-31, or 0 when unknown
 */
public record AlertBirthDate(int year, int month, int day) {

    private static final int YEAR = 4;
    private static final int YEAR_MONTH = 7;
    private static final int FULL = 10;

    /** The parsed date, or null when {@code text} is in none of the allowed forms. */
    public static AlertBirthDate parse(String text) {
        if (text == null || (text.length() != YEAR && text.length() != YEAR_MONTH && text.length() != FULL)) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            boolean dash = i == YEAR || i == YEAR_MONTH;
            if (dash != (text.charAt(i) == '-') || (!dash && !Character.isDigit(text.charAt(i)))) {
                return null;
            }
        }
        int year = Integer.parseInt(text.substring(0, YEAR));
        int month = text.length() >= YEAR_MONTH ? Integer.parseInt(text.substring(YEAR + 1, YEAR_MONTH)) : 0;
        int day = text.length() == FULL ? Integer.parseInt(text.substring(YEAR_MONTH + 1, FULL)) : 0;
        if (text.length() == YEAR_MONTH && (month < 1 || month > 12)) {
            return null;
        }
        if (text.length() == FULL && !isDate(year, month, day) && !isDate(year, day, month)) {
            return null;
        }
        return new AlertBirthDate(year, month, day);
    }

    /** The day is known: a full date, matched as written or swapped. */
    public boolean full() {
        return day != 0;
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
