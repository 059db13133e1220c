package eu.borderflow.tools.replay;

import eu.borderflow.tools.kafka.BrokerUnavailableException;
import eu.borderflow.tools.kafka.KafkaCalls;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes a dataset to Kafka in arrival order: a streaming merge of the three files (each already sorted by
 * arrival), each record single-object encoded, keyed and timestamped as docs/CONTRACTS.md says, with heartbeats on
 * the alert changelog ({@link AlertHeartbeatSender}).
 */
public final class Replayer {

    /** Ahead of schedule by less than this, a record is sent at once instead of parking the thread. */
    private static final long PARK_THRESHOLD_NANOS = 1_000_000;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ReplayOptions options;
    private final Function<String, Producer<byte[], byte[]>> producers;

    public Replayer(ReplayOptions options) {
        this(options, bootstrap -> ReplayProducer.create(bootstrap, options.kafkaProperties()));
    }

    /** With another producer (given the bootstrap address), e.g. a mock that records the send order. */
    Replayer(ReplayOptions options, Function<String, Producer<byte[], byte[]>> producers) {
        this.options = options;
        this.producers = producers;
    }

    /**
     * Runs the replay to the end.
     *
     * @throws ReplayInputException       the folder or a file is missing or corrupt
     * @throws BrokerUnavailableException Kafka is unreachable, lacks a topic, or stopped taking records
     */
    public ReplayReport run() {
        long total = DatasetCheck.countRecords(options.in());
        List<RecordSource> sources = new ArrayList<>();
        try {
            for (ReplayedFile file : ReplayedFile.ALL) {
                RecordSource source = new ReadAhead(
                        ArrivalCursor.open(file, options.in(), file.topic().apply(options.topics())));
                sources.add(source);
                source.advance();
            }
            int alertPartitions = requireTopics();
            try (ReplayMetrics metrics = ReplayMetrics.start(options.metricsPort())) {
                options.status()
                        .printf(
                                "replay: %,d records from %s to %s, %s; metrics on http://127.0.0.1:%d%s%n",
                                total,
                                options.in(),
                                options.bootstrap(),
                                options.pacing(),
                                metrics.port(),
                                ReplayMetrics.PATH);
                options.status().flush();
                return publish(sources, total, metrics, alertPartitions);
            }
        } finally {
            for (RecordSource source : sources) {
                closeQuietly(source);
            }
        }
    }

    private ReplayReport publish(List<RecordSource> sources, long total, ReplayMetrics metrics, int alertPartitions) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AlertHeartbeatSender heartbeats = options.heartbeats().isZero()
                ? null
                : new AlertHeartbeatSender(
                        options.topics().getAlerts(),
                        alertPartitions,
                        options.heartbeats().toNanos(),
                        failure);
        RecordSource[] heads = sources.toArray(new RecordSource[0]);
        TopicCounter[] counters = new TopicCounter[heads.length];
        for (int i = 0; i < heads.length; i++) {
            counters[i] = new TopicCounter(heads[i].topic(), metrics, failure);
        }
        Producer<byte[], byte[]> producer = producers.apply(options.bootstrap());
        long start = System.nanoTime();
        ReplayProgress progress =
                options.progress() ? new ReplayProgress(options.status(), total, () -> acked(counters), start) : null;
        try {
            sendAll(producer, heads, counters, heartbeats, metrics, failure);
            producer.flush();
        } catch (ReplayInputException e) {
            producer.flush();
            throw e.afterSending(acked(counters));
        } finally {
            producer.close(CLOSE_TIMEOUT);
            if (progress != null) {
                progress.close();
            }
        }
        if (failure.get() != null) {
            throw new BrokerUnavailableException(
                    "Kafka at " + options.bootstrap() + " did not take every record ("
                            + DatasetCheck.reason(failure.get()) + "); sent " + acked(counters) + " before it stopped."
                            + " Once the broker takes records again, replay the same folder: the jobs drop the"
                            + " records they already have (re-sent, or LATE dead letters) and raise no flag twice",
                    failure.get());
        }
        Map<String, Long> sent = new LinkedHashMap<>();
        long failed = 0;
        for (TopicCounter counter : counters) {
            sent.put(counter.topic(), counter.acked());
            failed += counter.failed();
        }
        return new ReplayReport(
                sent, failed, Duration.ofNanos(System.nanoTime() - start), heartbeats == null ? 0 : heartbeats.sent());
    }

    private void sendAll(
            Producer<byte[], byte[]> producer,
            RecordSource[] heads,
            TopicCounter[] counters,
            AlertHeartbeatSender heartbeats,
            ReplayMetrics metrics,
            AtomicReference<Exception> failure) {
        Pacing pacing = options.pacing();
        // The heads' arrival times, kept here so that picking the next record reads two arrays, not every source.
        long[] arrivals = new long[heads.length];
        boolean[] exhausted = new boolean[heads.length];
        long firstArrival = Long.MAX_VALUE;
        for (int i = 0; i < heads.length; i++) {
            exhausted[i] = heads[i].exhausted();
            if (!exhausted[i]) {
                arrivals[i] = heads[i].arrivalMillis();
                firstArrival = Math.min(firstArrival, arrivals[i]);
            }
        }
        long position = Long.MIN_VALUE;
        // The paced part: when it began, and how many records came before it.
        long pacedStart = 0;
        long pacedAfter = -1;
        for (long index = 0; failure.get() == null; index++) {
            int next = earliest(arrivals, exhausted);
            if (next < 0) {
                if (heartbeats != null && position != Long.MIN_VALUE) {
                    heartbeats.atEnd(producer, position);
                }
                return;
            }
            RecordSource head = heads[next];
            if (pacing.pacesAt(arrivals[next])) {
                if (pacedAfter < 0) {
                    pacedStart = System.nanoTime();
                    pacedAfter = index;
                    if (index > 0) {
                        options.status()
                                .printf(
                                        "replay: %,d records sent as fast as possible; now at %s%n",
                                        index, pacing.pace());
                        options.status().flush();
                    }
                }
                long due = pacedStart
                        + pacing.dueNanos(index - pacedAfter, arrivals[next] - pacing.originMillis(firstArrival));
                waitUntil(due, arrivals[next], producer, heartbeats);
                metrics.behindSchedule(Math.max(0, System.nanoTime() - due));
            }
            try {
                producer.send(
                        new ProducerRecord<>(
                                head.topic(), null, head.eventTimeMillis(), head.key(), head.encodedValue()),
                        counters[next]);
            } catch (KafkaException e) {
                failure.compareAndSet(null, e);
                return;
            }
            position = arrivals[next];
            if (heartbeats != null) {
                heartbeats.afterRecord(producer, position, System.nanoTime());
            }
            if (head.advance()) {
                arrivals[next] = head.arrivalMillis();
            } else {
                exhausted[next] = true;
            }
        }
    }

    /**
     * Waits until {@code dueNanos} to send the record that arrives at {@code arrival}. A wait beyond the heartbeat
     * interval first tells the alert changelog that nothing before that arrival follows, and says it again every
     * keep-alive interval while it lasts.
     */
    private void waitUntil(
            long dueNanos, long arrival, Producer<byte[], byte[]> producer, AlertHeartbeatSender heartbeats) {
        if (heartbeats != null && dueNanos - heartbeats.nextAllowedNanos() > PARK_THRESHOLD_NANOS) {
            park(heartbeats.nextAllowedNanos() - System.nanoTime());
            heartbeats.beforeWaiting(producer, arrival, System.nanoTime());
            long keepAlive = options.keepAlive().toNanos();
            while (dueNanos - System.nanoTime() > keepAlive) {
                park(keepAlive);
                heartbeats.keepAlive(producer);
            }
        }
        park(dueNanos - System.nanoTime());
    }

    private static void park(long nanos) {
        if (nanos > PARK_THRESHOLD_NANOS) {
            LockSupport.parkNanos(nanos);
        }
    }

    /** Index of the head with the earliest arrival; ties go to the earlier file of {@link ReplayedFile#ALL}. */
    private static int earliest(long[] arrivals, boolean[] exhausted) {
        int best = -1;
        for (int i = 0; i < arrivals.length; i++) {
            if (!exhausted[i] && (best < 0 || arrivals[i] < arrivals[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Checks that the topics exist; returns the number of partitions of the alert changelog. */
    private int requireTopics() {
        List<String> topics = ReplayedFile.ALL.stream()
                .map(f -> f.topic().apply(options.topics()))
                .toList();
        try (Admin admin = KafkaCalls.admin(options.bootstrap(), options.kafkaProperties())) {
            var existing = KafkaCalls.await(admin.listTopics().names(), options.bootstrap(), "list topics");
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    throw new BrokerUnavailableException(
                            "topic " + topic + " does not exist at " + options.bootstrap()
                                    + "; create the topics with: ops/borderflow topics",
                            null);
                }
            }
            String alerts = options.topics().getAlerts();
            return KafkaCalls.await(
                            admin.describeTopics(List.of(alerts)).allTopicNames(),
                            options.bootstrap(),
                            "describe " + alerts)
                    .get(alerts)
                    .partitions()
                    .size();
        }
    }

    private static long acked(TopicCounter[] counters) {
        long sum = 0;
        for (TopicCounter counter : counters) {
            sum += counter.acked();
        }
        return sum;
    }

    /** A reader that fails to close has nothing left to lose; the replay's own outcome matters more. */
    private static void closeQuietly(RecordSource source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
