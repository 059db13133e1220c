package eu.borderflow.dashboard.feed;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a live-feed client has read: for each topic partition of the feed, the offset of the next record it has
 * not seen. It is the SSE event id ({@code Last-Event-ID} on reconnect), written
 * {@code <topic>:<partition>:<next offset>} per partition, sorted, joined by commas, e.g.
 * {@code eurosur.incidents:0:120,eurosur.incidents:1:98,risk.flags:0:7}. Kafka topic names cannot hold ':' or ',', so
 * the format is unambiguous. A partition that is absent has not been read at all (next offset 0).
 */
public final class FeedPosition {

    public static final FeedPosition START = new FeedPosition(new TreeMap<>());
    /** Longer ids are refused: a feed spans a few topics with a few partitions each. */
    static final int MAX_LENGTH = 8192;

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]{1,249}):([0-9]{1,9}):([0-9]{1,19})");

    private final SortedMap<Origin, Long> next;

    private FeedPosition(SortedMap<Origin, Long> next) {
        this.next = next;
    }

    /** The position after the record at {@code offset} of {@code origin}. */
    public FeedPosition after(Origin origin, long offset) {
        if (offset + 1 <= next(origin)) {
            return this;
        }
        SortedMap<Origin, Long> copy = new TreeMap<>(next);
        copy.put(origin, offset + 1);
        return new FeedPosition(copy);
    }

    /** The next offset not yet seen of {@code origin}. */
    public long next(Origin origin) {
        return next.getOrDefault(origin, 0L);
    }

    /** Whether a client at this position has seen the record at {@code offset} of {@code origin}. */
    public boolean hasSeen(Origin origin, long offset) {
        return offset < next(origin);
    }

    public Map<Origin, Long> offsets() {
        return Collections.unmodifiableMap(next);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Origin, Long> e : next.entrySet()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(e.getKey().topic())
                    .append(':')
                    .append(e.getKey().partition())
                    .append(':')
                    .append(e.getValue());
        }
        return out.toString();
    }

    /** The position of an id made by {@link #format()}; empty when the id is malformed. The empty id is the start. */
    public static Optional<FeedPosition> parse(String id) {
        if (id == null || id.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        SortedMap<Origin, Long> next = new TreeMap<>();
        if (id.isEmpty()) {
            return Optional.of(START);
        }
        for (String part : id.split(",", -1)) {
            Matcher m = ENTRY.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                Origin origin = new Origin(m.group(1), Integer.parseInt(m.group(2)));
                if (next.put(origin, Long.parseLong(m.group(3))) != null) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new FeedPosition(next));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedPosition other && next.equals(other.next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
