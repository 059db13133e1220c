package eu.borderflow.tools.replay;

import java.time.Instant;

/**
 * How fast replay publishes: as fast as possible, a fixed number of events per second, or a multiple of real time
 * following the records' arrival clock (gaps kept, only shrunk by the factor); paced from the first record, or only
 * from a moment of the arrival clock on, the history before it as fast as possible.
 */
public final class Pacing {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MILLI = 1e6;

    private enum Mode {
        MAX,
        RATE,
        SPEED
    }

    private final Mode mode;
    private final double value;
    /** The arrival time the pace starts at, epoch milliseconds; Long.MIN_VALUE: the first record's. */
    private final long fromMillis;

    private Pacing(Mode mode, double value, long fromMillis) {
        this.mode = mode;
        this.value = value;
        this.fromMillis = fromMillis;
    }

    private Pacing(Mode mode, double value) {
        this(mode, value, Long.MIN_VALUE);
    }

    public static Pacing max() {
        return new Pacing(Mode.MAX, 0);
    }

    /** {@code eventsPerSecond} evenly spaced events per second. */
    public static Pacing rate(double eventsPerSecond) {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException(
                    "rate must be a positive number of events per second, not " + eventsPerSecond);
        }
        return new Pacing(Mode.RATE, eventsPerSecond);
    }

    /** {@code factor} times real time: one hour of arrivals takes 1/factor hours. */
    public static Pacing speed(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed must be a positive factor of real time, not " + factor);
        }
        return new Pacing(Mode.SPEED, factor);
    }

    /** The same pace from {@code from} on; records that arrived before it go as fast as possible. */
    public Pacing from(Instant from) {
        if (mode == Mode.MAX) {
            throw new IllegalArgumentException("a start of the pace needs a pace: a speed or a rate");
        }
        return new Pacing(mode, value, from.toEpochMilli());
    }

    boolean paced() {
        return mode != Mode.MAX;
    }

    /** Whether a record that arrived at {@code arrivalMillis} is paced. */
    boolean pacesAt(long arrivalMillis) {
        return paced() && arrivalMillis >= fromMillis;
    }

    /** Where the arrival clock of the paced part starts, given the first record's arrival. */
    long originMillis(long firstArrivalMillis) {
        return Math.max(fromMillis, firstArrivalMillis);
    }

    /**
     * When record number {@code index} of the paced part (from 0), arriving {@code sinceFirstMillis} after its
     * origin, is due after the paced part began.
     */
    long dueNanos(long index, long sinceFirstMillis) {
        return switch (mode) {
            case MAX -> 0;
            case RATE -> (long) (index * NANOS_PER_SECOND / value);
            case SPEED -> (long) (sinceFirstMillis * NANOS_PER_MILLI / value);
        };
    }

    /** The pace alone, without its start. */
    String pace() {
        return switch (mode) {
            case MAX -> "as fast as possible";
            case RATE -> value + " events/s";
            case SPEED -> value + "x real time";
        };
    }

    @Override
    public String toString() {
        return fromMillis == Long.MIN_VALUE
                ? pace()
                : "as fast as possible before " + Instant.ofEpochMilli(fromMillis) + ", then " + pace();
    }
}
