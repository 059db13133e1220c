package eu.borderflow.seeds.world;

import java.time.Instant;
import java.time.LocalDate;

/** The simulated period: {@code days} calendar days from {@code start} (00:00 UTC), end exclusive. */
public record Period(LocalDate start, int days) {

    public static final long DAY_MILLIS = 86_400_000L;
    public static final long HOUR_MILLIS = 3_600_000L;
    public static final long MINUTE_MILLIS = 60_000L;

    public long startMillis() {
        return start.toEpochDay() * DAY_MILLIS;
    }

    public long endMillis() {
        return startMillis() + days * DAY_MILLIS;
    }

    public long startDay() {
        return start.toEpochDay();
    }

    /** The last calendar day inside the period. */
    public long lastDay() {
        return start.toEpochDay() + days - 1;
    }

    public LocalDate end() {
        return start.plusDays(days);
    }

    public Instant startInstant() {
        return Instant.ofEpochMilli(startMillis());
    }
}
