package eu.borderflow.schema.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A heartbeat on a changelog topic (docs/CONTRACTS.md, "Heartbeats on sis.alerts"): a Kafka record with the header
 * {@link #HEADER}, the key {@link #key(int)}, written to that one partition, whose value is a time T ({@link
 * #value(long)}; the record's timestamp is T as well). It promises that no change with an event time before T follows
 * on that partition, so a reader's watermark may pass T while the changelog has nothing to say, instead of waiting
 * for the partition to count as idle. T travels in the value because a topic may stamp records with their append time.
 */
public final class ChangelogHeartbeat {

    /** The header that marks a heartbeat; its value is not read. */
    public static final String HEADER = "borderflow-heartbeat";

    private ChangelogHeartbeat() {}

    /** The key of the heartbeats of {@code partition}: one per partition, so compaction keeps only the latest. */
    public static byte[] key(int partition) {
        return ("heartbeat/" + partition).getBytes(StandardCharsets.UTF_8);
    }

    /** The value of a heartbeat at {@code millis} (epoch milliseconds): 8 bytes, big-endian. */
    public static byte[] value(long millis) {
        return ByteBuffer.allocate(Long.BYTES).putLong(millis).array();
    }

    /**
     * The time a heartbeat's value holds.
     *
     * @throws DecodeException when the value is not 8 bytes
     */
    public static long time(byte[] value) throws DecodeException {
        if (value == null || value.length != Long.BYTES) {
            throw new DecodeException(
                    DecodeException.UNDECODABLE,
                    "a heartbeat's value must be its time in 8 bytes, was "
                            + (value == null ? "null" : value.length + " bytes"),
                    null);
        }
        return ByteBuffer.wrap(value).getLong();
    }
}
