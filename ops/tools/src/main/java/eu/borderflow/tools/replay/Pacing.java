package eu.borderflow.tools.replay;

/**
 * How fast replay publishes: as fast as possible, a fixed number of events per second, or a multiple of real time
 * following the records' arrival clock (gaps kept, only shrunk by the factor).
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

    private Pacing(Mode mode, double value) {
        this.mode = mode;
        this.value = value;
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

    boolean paced() {
        return mode != Mode.MAX;
    }

    /** When record number {@code index} (from 0), arriving {@code sinceFirstMillis} after the first, is due. */
    long dueNanos(long index, long sinceFirstMillis) {
        return switch (mode) {
            case MAX -> 0;
            case RATE -> (long) (index * NANOS_PER_SECOND / value);
            case SPEED -> (long) (sinceFirstMillis * NANOS_PER_MILLI / value);
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case MAX -> "as fast as possible";
            case RATE -> value + " events/s";
            case SPEED -> value + "x real time";
        };
    }
}
