package eu.borderflow.seeds.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The simulated period: {@code days} calendar days from {@code start} (00:00 UTC), end exclusive. Its day and instant
 * bounds are worked out once: the traffic asks for them at every trip it plans.
 */
public final class Period {

    public static final long DAY_MILLIS = 86_400_000L;
    public static final long HOUR_MILLIS = 3_600_000L;
    public static final long MINUTE_MILLIS = 60_000L;

    private final LocalDate start;
    private final int days;
    private final long startDay;
    private final long startMillis;
    private final long endMillis;

    public Period(LocalDate start, int days) {
        this.start = Objects.requireNonNull(start);
        this.days = days;
        this.startDay = start.toEpochDay();
        this.startMillis = startDay * DAY_MILLIS;
        this.endMillis = startMillis + days * DAY_MILLIS;
    }

    public LocalDate start() {
        return start;
    }

    public int days() {
        return days;
    }

    public long startMillis() {
        return startMillis;
    }

    public long endMillis() {
        return endMillis;
    }

    public long startDay() {
        return startDay;
    }

    /** The last calendar day inside the period. */
    public long lastDay() {
        return startDay + days - 1;
    }

    public LocalDate end() {
        return start.plusDays(days);
    }

    public Instant startInstant() {
        return Instant.ofEpochMilli(startMillis);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Period p && p.start.equals(start) && p.days == days;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, days);
    }

    @Override
    public String toString() {
        return "Period[" + start + ", " + days + " days]";
    }
}
