package eu.borderflow.tools.replay;

import eu.borderflow.schema.serde.ChangelogHeartbeat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * While replaying, tells every partition of the alert changelog how far the replay has come (docs/CONTRACTS.md,
 * "Heartbeats on sis.alerts"): at most once per interval, a heartbeat at the arrival time of the last record sent;
 * before a paced replay waits for its next record, one at that record's arrival, repeated while it waits long; and
 * once at the end. The promise holds because the replay sends in arrival order and an alert change arrives at its
 * event time, so every alert change still to come is at that time or later. Without heartbeats, the risk job's alert
 * joins wait for the next change on every partition, or for the partition to count as idle.
 */
final class AlertHeartbeatSender {

    private static final List<Header> HEADERS = List.of(new RecordHeader(ChangelogHeartbeat.HEADER, new byte[0]));

    private final String topic;
    private final int partitions;
    private final long intervalNanos;
    private final Callback callback;
    private final LongAdder sent = new LongAdder();
    private long lastSentNanos;
    private long promised = Long.MIN_VALUE;

    /** A heartbeat per {@code intervalNanos} at most on each of the {@code partitions} of {@code topic}. */
    AlertHeartbeatSender(String topic, int partitions, long intervalNanos, AtomicReference<Exception> failure) {
        this.topic = topic;
        this.partitions = partitions;
        this.intervalNanos = intervalNanos;
        this.callback = (metadata, exception) -> {
            if (exception == null) {
                sent.increment();
            } else {
                failure.compareAndSet(null, exception);
            }
        };
    }

    /** After a record that arrived at {@code arrival} was sent, at {@code nowNanos}. */
    void afterRecord(Producer<byte[], byte[]> producer, long arrival, long nowNanos) {
        if (arrival > promised && nowNanos - lastSentNanos >= intervalNanos) {
            send(producer, arrival);
            lastSentNanos = nowNanos;
        }
    }

    /** The earliest {@code System.nanoTime()} at which the interval lets the next heartbeat go. */
    long nextAllowedNanos() {
        return lastSentNanos + intervalNanos;
    }

    /**
     * Before waiting for the record that arrives at {@code nextArrival}: every record that arrived before it has been
     * sent, so at the pace of real traffic a crossing's alert hit comes within the interval, not with the next record.
     */
    void beforeWaiting(Producer<byte[], byte[]> producer, long nextArrival, long nowNanos) {
        if (nextArrival > promised) {
            send(producer, nextArrival);
            lastSentNanos = nowNanos;
        }
    }

    /** While a paced replay waits long: the last promise again, so that no job counts the partitions idle. */
    void keepAlive(Producer<byte[], byte[]> producer) {
        if (promised != Long.MIN_VALUE) {
            send(producer, promised);
        }
    }

    /** After the last record, which arrived at {@code arrival}. */
    void atEnd(Producer<byte[], byte[]> producer, long arrival) {
        if (arrival > promised) {
            send(producer, arrival);
        }
    }

    private void send(Producer<byte[], byte[]> producer, long at) {
        byte[] value = ChangelogHeartbeat.value(at);
        for (int partition = 0; partition < partitions; partition++) {
            producer.send(
                    new ProducerRecord<>(topic, partition, at, ChangelogHeartbeat.key(partition), value, HEADERS),
                    callback);
        }
        promised = at;
    }

    /** Heartbeats Kafka acknowledged. */
    long sent() {
        return sent.sum();
    }
}
