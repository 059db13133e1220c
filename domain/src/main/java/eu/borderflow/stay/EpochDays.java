package eu.borderflow.stay;

import java.time.LocalDate;

/** Calendar dates as int epoch days: the compact form the calculator works on. */
final class EpochDays {

    private EpochDays() {}

    static int of(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    static LocalDate toDate(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
