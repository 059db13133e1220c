package eu.borderflow.cli.operations;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.DecodeException;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.KafkaCalls;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Offsets the scenarios reason with: end offsets of topics, a group's committed offsets, where records landed. */
final class TopicOffsets {

    private TopicOffsets() {}

    static Map<TopicPartition, Long> end(String bootstrap, List<String> topics) {
        return end(bootstrap, Map.of(), topics);
    }

    static Map<TopicPartition, Long> end(String bootstrap, Map<String, String> properties, List<String> topics) {
        try (Admin admin = KafkaCalls.admin(bootstrap, properties)) {
            var offsets = KafkaCalls.await(
                    admin.listOffsets(latestOfEachPartition(admin, bootstrap, topics))
                            .all(),
                    bootstrap,
                    "list offsets");
            return offsets.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /**
     * What holds the committed end of {@code topic} back, for a test's failure message: each partition's committed
     * end against its log end, and the transactions still open on it with their age (a read_committed reader sees
     * nothing past the oldest).
     */
    static String openTransactions(String bootstrap, Map<String, String> properties, String topic) {
        try (Admin admin = KafkaCalls.admin(bootstrap, properties)) {
            Map<TopicPartition, OffsetSpec> request = latestOfEachPartition(admin, bootstrap, List.of(topic));
            var written = KafkaCalls.await(admin.listOffsets(request).all(), bootstrap, "list offsets");
            var committed = KafkaCalls.await(
                    admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                            .all(),
                    bootstrap,
                    "list committed offsets");
            String ends = request.keySet().stream()
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .map(tp -> tp.partition() + ": " + committed.get(tp).offset() + " of "
                            + written.get(tp).offset())
                    .collect(Collectors.joining(", "));
            List<String> ongoing = KafkaCalls.await(
                            admin.listTransactions(new ListTransactionsOptions()
                                            .filterStates(List.of(TransactionState.ONGOING)))
                                    .all(),
                            bootstrap,
                            "list transactions")
                    .stream()
                    .map(TransactionListing::transactionalId)
                    .toList();
            long now = System.currentTimeMillis();
            String open = ongoing.isEmpty()
                    ? ""
                    : KafkaCalls.await(admin.describeTransactions(ongoing).all(), bootstrap, "describe transactions")
                            .entrySet()
                            .stream()
                            .filter(e -> e.getValue().topicPartitions().stream()
                                    .anyMatch(tp -> tp.topic().equals(topic)))
                            .map(e -> {
                                long started =
                                        e.getValue().transactionStartTimeMs().orElse(now);
                                return e.getKey() + " (open " + (now - started) / 1000 + " s)";
                            })
                            .sorted()
                            .collect(Collectors.joining(", "));
            return "committed end of " + topic + " by partition: " + ends + "; transactions open on it: "
                    + (open.isEmpty() ? "none" : open);
        }
    }

    /** A request for the latest offset of every partition of {@code topics}. */
    private static Map<TopicPartition, OffsetSpec> latestOfEachPartition(
            Admin admin, String bootstrap, List<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        KafkaCalls.await(admin.describeTopics(topics).allTopicNames(), bootstrap, "describe")
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        return request;
    }

    static long total(String bootstrap, List<String> topics) {
        return total(bootstrap, Map.of(), topics);
    }

    static long total(String bootstrap, Map<String, String> properties, List<String> topics) {
        return end(bootstrap, properties, topics).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    static Map<TopicPartition, Long> committed(String bootstrap, String groupId) {
        try (Admin admin = KafkaCalls.admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = KafkaCalls.await(
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                    bootstrap,
                    "group offsets");
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    committed.put(tp, o.offset());
                }
            });
            return committed;
        }
    }

    /** Where each of the crossings {@code eventIds} landed in {@code topic}. */
    static Map<String, TopicPartition> locate(
            String bootstrap, String topic, Set<String> eventIds, Map<String, Long> offsetsOut) throws DecodeException {
        SingleObjectSerde<BorderCrossing> serde = SingleObjectSerde.of(BorderCrossing.class);
        Map<String, TopicPartition> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = serde.decode(record.value()).getEventId();
                    if (eventIds.contains(id)) {
                        found.put(id, new TopicPartition(record.topic(), record.partition()));
                        offsetsOut.put(id, record.offset());
                    }
                }
            }
        }
        return found;
    }
}
