package eu.borderflow.person;

/** How a traveller's date of birth compares with an alert's, which may hold the year only (DOMAIN.md R2). */
public enum BirthDateMatch {
    SAME_DATE,
    DAY_MONTH_SWAPPED,
    YEAR_ONLY,
    DIFFERENT;

    public boolean compatible() {
        return this != DIFFERENT;
    }

    /** {@code alertMonth} and {@code alertDay} are 0 when the alert knows the year only. */
    public static BirthDateMatch compare(int year, int month, int day, int alertYear, int alertMonth, int alertDay) {
        if (year != alertYear) {
            return DIFFERENT;
        }
        if (alertMonth == 0) {
            return YEAR_ONLY;
        }
        if (month == alertMonth && day == alertDay) {
            return SAME_DATE;
        }
        if (month == alertDay && day == alertMonth) {
            return DAY_MONTH_SWAPPED;
        }
        return DIFFERENT;
    }
}
