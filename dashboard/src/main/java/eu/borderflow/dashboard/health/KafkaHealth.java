package eu.borderflow.dashboard.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The broker side of pipeline health, through Kafka's AdminClient: each consumer group's committed offsets against the
 * topics' ends (the jobs' Flink sources commit their offsets to their group at each checkpoint), and the dead-letter
 * topic's growth as a rate. It reads offsets only, never a record of the restricted topics.
 */
public final class KafkaHealth implements AutoCloseable {

    /** Dead-letter samples kept: the rate is over the oldest one within this span. */
    static final Duration RATE_SPAN = Duration.ofMinutes(5);

    private final Admin admin;
    private final String deadLetterTopic;
    private final Duration timeout;
    private final Deque<long[]> deadLetterSamples = new ArrayDeque<>();

    public KafkaHealth(String bootstrap, String deadLetterTopic, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "borderflow-dashboard-health");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        this.admin = Admin.create(props);
        this.deadLetterTopic = deadLetterTopic;
        this.timeout = timeout;
    }

    public Map<String, Object> snapshot(Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            List<Object> groups = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (GroupListing g : get(admin.listGroups().all())) {
                ids.add(g.groupId());
            }
            ids.sort(String::compareTo);
            for (String id : ids) {
                groups.add(group(id));
            }
            out.put("reachable", true);
            out.put("groups", groups);
            out.put("dead_letters", deadLetters(now));
        } catch (ExecutionException | TimeoutException e) {
            out.put("reachable", false);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            out.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.put("reachable", false);
            out.put("error", "interrupted");
        }
        return out;
    }

    private Map<String, Object> group(String id) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                get(admin.listOffsets(latest).all());
        Map<String, long[]> byTopic = new TreeMap<>();
        committed.forEach((tp, offset) -> {
            if (offset == null) {
                return;
            }
            long end = ends.get(tp).offset();
            long[] sums = byTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
            sums[0] += offset.offset();
            sums[1] += Math.max(0, end - offset.offset());
        });
        List<Object> topics = new ArrayList<>();
        byTopic.forEach((topic, sums) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("topic", topic);
            t.put("committed", sums[0]);
            t.put("lag", sums[1]);
            topics.add(t);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", id);
        out.put("topics", topics);
        out.put("lag", byTopic.values().stream().mapToLong(s -> s[1]).sum());
        return out;
    }

    private Map<String, Object> deadLetters(Instant now)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", deadLetterTopic);
        Map<String, TopicDescription> described;
        try {
            described = get(admin.describeTopics(List.of(deadLetterTopic)).allTopicNames());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                out.put("error", "no such topic");
                return out;
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.get(deadLetterTopic).partitions().forEach(p -> {
            earliest.put(new TopicPartition(deadLetterTopic, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(deadLetterTopic, p.partition()), OffsetSpec.latest());
        });
        long end = get(admin.listOffsets(latest).all()).values().stream()
                .mapToLong(i -> i.offset())
                .sum();
        long start = get(admin.listOffsets(earliest).all()).values().stream()
                .mapToLong(i -> i.offset())
                .sum();
        out.put("total", end - start);
        deadLetterSamples.addLast(new long[] {now.toEpochMilli(), end});
        while (deadLetterSamples.size() > 1
                && deadLetterSamples.peekFirst()[0] < now.toEpochMilli() - RATE_SPAN.toMillis()) {
            deadLetterSamples.removeFirst();
        }
        long[] first = deadLetterSamples.peekFirst();
        double minutes = (now.toEpochMilli() - first[0]) / 60_000.0;
        out.put("per_minute", minutes <= 0 ? null : (end - first[1]) / minutes);
        out.put("over_minutes", minutes);
        return out;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
