package eu.borderflow.dashboard.input;

import eu.borderflow.config.TopicNames;
import eu.borderflow.dashboard.feed.Origin;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.InputRecord;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.schema.serde.DecodeException;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the dashboard's topics from their beginning with {@code isolation.level=read_committed} (the jobs write
 * exactly-once, in transactions) and feeds the view, on a thread of its own. It assigns every partition itself (no
 * consumer group: each dashboard needs all records) and looks for new topics and partitions now and then, so it can be
 * started before the jobs have created their topics, or before the broker is up.
 */
public final class KafkaInput implements DashboardInput {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaInput.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final long REFRESH_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 2_000;
    /** A dashboard that stops does not wait for a broker that may be gone already. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final String bootstrap;
    private final String pictureTopic;
    private final SituationView view;
    private final DashboardMetrics metrics;
    private final Map<String, SingleObjectSerde<? extends SpecificRecord>> decoders;
    private final Map<String, Object> status = new ConcurrentHashMap<>();
    private final Set<String> warnedUndecodable = new HashSet<>();
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;
    private Map<TopicPartition, Long> endAtStart;

    public KafkaInput(String bootstrap, TopicNames topics, SituationView view, DashboardMetrics metrics) {
        this.bootstrap = bootstrap;
        this.pictureTopic = topics.getPicture();
        this.view = view;
        this.metrics = metrics;
        this.decoders = Decoders.of(topics);
        this.thread = new Thread(this::run, "dashboard-kafka-input");
        thread.setDaemon(true);
        status.put("mode", "live");
        status.put("source", bootstrap);
        status.put("connected", false);
        status.put("caught_up", false);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public Map<String, Object> status() {
        return new LinkedHashMap<>(status);
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "borderflow-dashboard");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props);
        try {
            consumer = c;
            long nextRefresh = 0;
            while (running) {
                try {
                    if (System.currentTimeMillis() >= nextRefresh) {
                        assign(c);
                        nextRefresh = System.currentTimeMillis() + REFRESH_MILLIS;
                    }
                    if (c.assignment().isEmpty()) {
                        sleep(RETRY_MILLIS);
                        continue;
                    }
                    ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                    view.apply(decode(records));
                    afterPoll(c);
                } catch (WakeupException e) {
                    break;
                } catch (KafkaException e) {
                    status.put("connected", false);
                    status.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                    LOG.warn("dashboard input: {}", e.toString());
                    nextRefresh = 0;
                    sleep(RETRY_MILLIS);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("dashboard input stopped");
        } finally {
            consumer = null;
            c.close(CLOSE_TIMEOUT);
        }
    }

    /** Assigns every partition of the dashboard's topics that exist now; new ones are read from their beginning. */
    private void assign(KafkaConsumer<byte[], byte[]> c) {
        Set<TopicPartition> wanted = new HashSet<>(c.assignment());
        List<String> missing = new ArrayList<>();
        for (String topic : decoders.keySet()) {
            List<PartitionInfo> partitions = c.partitionsFor(topic, METADATA_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                missing.add(topic);
                continue;
            }
            partitions.forEach(p -> wanted.add(new TopicPartition(p.topic(), p.partition())));
        }
        status.put("connected", true);
        status.remove("error");
        if (missing.isEmpty()) {
            status.remove("missing_topics");
        } else {
            status.put("missing_topics", missing);
        }
        if (wanted.equals(c.assignment())) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(wanted);
        added.removeAll(c.assignment());
        c.assign(wanted);
        c.seekToBeginning(added);
        Map<TopicPartition, Long> ends = c.endOffsets(added, METADATA_TIMEOUT);
        if (endAtStart == null) {
            endAtStart = new HashMap<>();
        }
        endAtStart.putAll(ends);
        LOG.info("dashboard input: reading {} partitions of {}", wanted.size(), decoders.keySet());
    }

    private List<InputRecord> decode(ConsumerRecords<byte[], byte[]> records) {
        List<InputRecord> batch = new ArrayList<>(records.count());
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            counts.merge(r.topic(), 1, Integer::sum);
            try {
                SpecificRecord value = decoders.get(r.topic()).decode(r.value());
                batch.add(new InputRecord(new Origin(r.topic(), r.partition()), r.offset(), value));
            } catch (DecodeException e) {
                metrics.undecodable(r.topic());
                if (warnedUndecodable.add(r.topic())) {
                    LOG.warn(
                            "dashboard input: skipping records of {} that do not decode ({}: {}); counted in "
                                    + "borderflow_dashboard_records_undecodable_total",
                            r.topic(),
                            e.reasonCode(),
                            e.getMessage());
                }
            }
        }
        counts.forEach(metrics::recordsRead);
        return batch;
    }

    private void afterPoll(KafkaConsumer<byte[], byte[]> c) {
        Map<String, Long> lagByTopic = new HashMap<>();
        boolean caughtUp = true;
        boolean pictureRead = false;
        boolean pictureBehind = false;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            lag.ifPresent(l -> lagByTopic.merge(tp.topic(), l, Long::sum));
            if (tp.topic().equals(pictureTopic)) {
                pictureRead = true;
                pictureBehind |= lag.isEmpty() || lag.getAsLong() > 0;
            }
            Long end = endAtStart == null ? null : endAtStart.get(tp);
            if (end != null && c.position(tp, METADATA_TIMEOUT) < end) {
                caughtUp = false;
            }
        }
        lagByTopic.forEach(metrics::lag);
        if (pictureRead && !pictureBehind) {
            view.pictureSettled();
        }
        if (caughtUp && !Boolean.TRUE.equals(status.get("caught_up"))) {
            status.put("caught_up", true);
            LOG.info("dashboard input: history loaded ({} records)", view.recordsApplied());
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
