package eu.borderflow.tools.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.serde.ChangelogHeartbeat;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.BrokerUnavailableException;
import eu.borderflow.tools.kafka.TestBroker;
import eu.borderflow.tools.replay.DatasetFiles.Expected;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {

    private static final int CROSSINGS = 400;
    private static final int ALERTS = 150;
    private static final int INCIDENTS = 120;
    private static final Map<String, SingleObjectSerde<? extends SpecificRecord>> SERDES = Map.of(
            "ees.crossings", SingleObjectSerde.of(BorderCrossing.class),
            "sis.alerts", SingleObjectSerde.of(AlertChange.class),
            "eurosur.incidents", SingleObjectSerde.of(Incident.class));

    private static final TopicNames TOPICS = TopicNames.load(ConfigLoader.defaults(), "local");
    private static TestBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.startOrShareExternal();
        broker.createTopics();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void everyRecordArrivesWithItsKeyTimestampAndPartitionOrder() throws Exception {
        new ReplayDatasetWriter(7).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        Map<TopicPartition, Long> before = endOffsets();
        ReplayReport report = new Replayer(options(dir, broker.bootstrap())).run();

        assertEquals(
                Map.of("ees.crossings", (long) CROSSINGS, "sis.alerts", (long) ALERTS, "eurosur.incidents", (long)
                        INCIDENTS),
                report.sentPerTopic());
        assertEquals(0, report.failed());
        assertTopicHoldsFile("ees.crossings", DatasetFiles.crossings(dir), before);
        assertTopicHoldsFile("sis.alerts", DatasetFiles.alerts(dir), before);
        assertTopicHoldsFile("eurosur.incidents", DatasetFiles.incidents(dir), before);
        assertHeartbeatsKeepTheirPromise(before, DatasetFiles.mergedByArrival(dir), report);
    }

    @Test
    void heartbeatsPromiseNoEarlierAlertChangeAndEndAtTheLastArrival() throws Exception {
        new ReplayDatasetWriter(37).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        ReplayOptions everyRecord = ReplayOptions.builder(dir, broker.bootstrap(), TOPICS)
                .heartbeats(Duration.ofNanos(1))
                .build();
        ReplayReport report = new Replayer(everyRecord, bootstrap -> producer).run();

        List<Expected> merged = DatasetFiles.mergedByArrival(dir);
        long promised = Long.MIN_VALUE;
        int rounds = 0;
        for (ProducerRecord<byte[], byte[]> sent : producer.history()) {
            if (sent.headers().lastHeader(ChangelogHeartbeat.HEADER) != null) {
                assertEquals("sis.alerts", sent.topic());
                long at = ChangelogHeartbeat.time(sent.value());
                assertEquals(at, sent.timestamp());
                assertEquals(
                        new String(ChangelogHeartbeat.key(sent.partition()), StandardCharsets.UTF_8),
                        new String(sent.key(), StandardCharsets.UTF_8));
                assertTrue(at >= promised, "a heartbeat never takes back a promise");
                rounds += at > promised ? 1 : 0;
                promised = at;
            } else if (sent.topic().equals("sis.alerts")) {
                long eventTime = ((AlertChange) SERDES.get("sis.alerts").decode(sent.value()))
                        .getEventTime()
                        .toEpochMilli();
                assertTrue(
                        eventTime >= promised, "an alert change at " + eventTime + " after a heartbeat at " + promised);
            }
        }
        assertTrue(rounds > ALERTS, "a heartbeat after nearly every record: " + rounds);
        assertEquals(merged.get(merged.size() - 1).arrival(), promised, "the last heartbeat is at the last arrival");
        assertEquals(rounds * alertPartitions(), report.heartbeats(), "every partition, every round");
        assertTrue(report.summary().endsWith(String.format("; %,d heartbeats", report.heartbeats())), report.summary());
    }

    /**
     * Paced from a moment on: the history before it goes at once, the rest at the speed; and before waiting for a
     * record, the replay tells the alert changelog that nothing before that record's arrival follows, so that at the
     * pace of real traffic an alert hit does not wait for the next record, and says it again while the wait lasts, so
     * that no job counts the partitions idle.
     */
    @Test
    void pacedFromAMomentTheHistoryGoesAtOnceAndAWaitIsPrecededByAHeartbeatAtTheNextArrival() throws Exception {
        new ReplayDatasetWriter(41).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        List<Expected> merged = DatasetFiles.mergedByArrival(dir);
        long lastArrival = merged.get(merged.size() - 1).arrival();
        double speed = 20;
        long pacedSpanMillis = 40_000;
        Instant from = Instant.ofEpochMilli(lastArrival - pacedSpanMillis);
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        StringWriter status = new StringWriter();
        ReplayOptions options = ReplayOptions.builder(dir, broker.bootstrap(), TOPICS)
                .pacing(Pacing.speed(speed).from(from))
                .status(new PrintWriter(status))
                .heartbeats(Duration.ofMillis(5))
                .keepAlive(Duration.ofMillis(30))
                .build();
        long started = System.nanoTime();
        new Replayer(options, bootstrap -> producer).run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        long historyMillis = lastArrival - merged.get(0).arrival();
        assertTrue(historyMillis > 10 * pacedSpanMillis, "a long history: " + historyMillis);
        assertTrue(took.toMillis() >= pacedSpanMillis / speed, "the paced part at the speed: " + took);
        assertTrue(took.toMillis() < historyMillis / speed / 2, "the history not paced: " + took);
        long history =
                merged.stream().filter(e -> e.arrival() < from.toEpochMilli()).count();
        assertTrue(
                status.toString()
                        .contains(String.format(
                                "replay: %,d records sent as fast as possible; now at 20.0x real time", history)),
                status.toString());

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        int partitions = alertPartitions();
        long previousArrival = Long.MIN_VALUE;
        int waitsChecked = 0;
        for (int i = 0; i < sent.size(); i++) {
            ProducerRecord<byte[], byte[]> record = sent.get(i);
            if (record.headers().lastHeader(ChangelogHeartbeat.HEADER) != null) {
                continue;
            }
            long arrival = arrivalOf(record, merged);
            // A gap of 2 s of arrival is 100 ms at this speed: many heartbeat intervals, three keep-alive intervals.
            if (arrival >= from.toEpochMilli() && arrival - previousArrival >= 2_000) {
                int promises = 0;
                for (int j = i - 1;
                        j >= 0 && sent.get(j).headers().lastHeader(ChangelogHeartbeat.HEADER) != null;
                        j--) {
                    assertEquals(
                            arrival,
                            ChangelogHeartbeat.time(sent.get(j).value()),
                            "the heartbeats right before a record waited for are at its arrival");
                    promises++;
                }
                assertTrue(
                        promises >= 2 * partitions,
                        "said before the wait, and again while it lasts: " + promises + " heartbeats");
                waitsChecked++;
            }
            previousArrival = arrival;
        }
        assertTrue(waitsChecked >= 3, "waits checked: " + waitsChecked);
    }

    /** The arrival of a sent record: the dataset's entry with its topic, key and timestamp. */
    private static long arrivalOf(ProducerRecord<byte[], byte[]> record, List<Expected> merged) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        return merged.stream()
                .filter(e ->
                        e.topic().equals(record.topic()) && e.key().equals(key) && e.timestamp() == record.timestamp())
                .findFirst()
                .orElseThrow()
                .arrival();
    }

    @Test
    void sendsTheThreeFilesInterleavedByArrival() throws Exception {
        new ReplayDatasetWriter(11).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        new Replayer(options(dir, broker.bootstrap()), bootstrap -> producer).run();

        List<Expected> expected = DatasetFiles.mergedByArrival(dir);
        List<ProducerRecord<byte[], byte[]>> sent = producer.history().stream()
                .filter(r -> r.headers().lastHeader(ChangelogHeartbeat.HEADER) == null)
                .toList();
        assertEquals(expected.size(), sent.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            ProducerRecord<byte[], byte[]> got = sent.get(i);
            assertEquals(want.topic(), got.topic(), "record " + i);
            assertEquals(want.key(), new String(got.key(), StandardCharsets.UTF_8), "record " + i);
            assertEquals(want.value(), SERDES.get(got.topic()).decode(got.value()), "record " + i);
        }
    }

    @Test
    void fileWrittenWithAnotherSchemaVersionIsReencoded() throws Exception {
        new ReplayDatasetWriter(31).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        rewriteCrossingsWithout("synthetic", dir.resolve("crossings.avro"));
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        new Replayer(options(dir, broker.bootstrap()), bootstrap -> producer).run();

        List<Expected> crossings = DatasetFiles.crossings(dir);
        List<ProducerRecord<byte[], byte[]>> sent = producer.history().stream()
                .filter(r -> r.topic().equals("ees.crossings"))
                .toList();
        assertEquals(crossings.size(), sent.size());
        for (int i = 0; i < sent.size(); i++) {
            BorderCrossing decoded = (BorderCrossing)
                    SERDES.get("ees.crossings").decode(sent.get(i).value());
            assertEquals(crossings.get(i).value(), decoded, "crossing " + i);
            assertTrue(decoded.getSynthetic(), "the current schema's default fills the missing field");
        }
    }

    @Test
    void corruptRecordStopsNamingTheFileAndWhatWasSent() throws Exception {
        new ReplayDatasetWriter(13).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        int bad = 300;
        List<Expected> merged = DatasetFiles.mergedByArrival(dir);
        Expected lastGood = DatasetFiles.crossings(dir).get(bad - 1);
        long sentBefore = merged.indexOf(lastGood) + 1;
        corruptCrossing(dir.resolve("crossings.avro"), String.format("X-%09d", bad));

        ReplayInputException e =
                assertThrows(ReplayInputException.class, () -> new Replayer(options(dir, broker.bootstrap())).run());
        assertTrue(e.getMessage().contains("crossings.avro: record " + (bad + 1) + " cannot be read"), e.getMessage());
        assertTrue(e.getMessage().endsWith("sent " + sentBefore + " before it stopped"), e.getMessage());
        assertEquals(sentBefore, e.sentBefore());
    }

    @Test
    void brokerThatStopsTakingRecordsStopsTheReplayWithWhatWasSentAndWhatToDo() throws Exception {
        new ReplayDatasetWriter(19).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        int taken = 250;
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    private int sends;

                    @Override
                    public synchronized Future<RecordMetadata> send(
                            ProducerRecord<byte[], byte[]> record, Callback callback) {
                        if (record.headers().lastHeader(ChangelogHeartbeat.HEADER) == null && ++sends > taken) {
                            // What the producer reports once the broker is gone (it had the topic a moment ago).
                            callback.onCompletion(
                                    null,
                                    new TimeoutException(
                                            "Topic " + record.topic() + " not present in metadata after 10000 ms."));
                            return CompletableFuture.failedFuture(new IllegalStateException("not sent"));
                        }
                        return super.send(record, callback);
                    }
                };
        BrokerUnavailableException e = assertThrows(
                BrokerUnavailableException.class,
                () -> new Replayer(options(dir, broker.bootstrap()), bootstrap -> producer).run());
        assertTrue(
                e.getMessage().startsWith("Kafka at " + broker.bootstrap() + " did not take every record (Topic "),
                e.getMessage());
        assertTrue(e.getMessage().contains("; sent " + taken + " before it stopped."), e.getMessage());
        assertTrue(e.getMessage().contains("replay the same folder"), e.getMessage());
    }

    @Test
    void truncatedFileIsFoundBeforeAnythingIsSent() throws Exception {
        new ReplayDatasetWriter(17).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        Path alerts = dir.resolve("alerts.avro");
        byte[] bytes = Files.readAllBytes(alerts);
        Files.write(alerts, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));

        ReplayInputException e =
                assertThrows(ReplayInputException.class, () -> new Replayer(options(dir, "127.0.0.1:1")).run());
        assertTrue(e.getMessage().contains("alerts.avro is not a complete AlertChange Avro file"), e.getMessage());
        assertEquals(0, e.sentBefore());
    }

    @Test
    void fileThatIsNotAvroIsNamed() throws Exception {
        new ReplayDatasetWriter(19).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        Files.writeString(dir.resolve("incidents.avro"), "incident_id,section_id\nI-1,S1\n");

        ReplayInputException e =
                assertThrows(ReplayInputException.class, () -> new Replayer(options(dir, "127.0.0.1:1")).run());
        assertTrue(e.getMessage().contains("incidents.avro"), e.getMessage());
        assertTrue(e.getMessage().contains("Not an Avro data file"), e.getMessage());
    }

    @Test
    void missingFolderAndMissingFileAreNamed() throws Exception {
        Path nowhere = dir.resolve("nowhere");
        ReplayInputException noDir =
                assertThrows(ReplayInputException.class, () -> new Replayer(options(nowhere, "127.0.0.1:1")).run());
        assertTrue(noDir.getMessage().contains(nowhere + " does not exist"), noDir.getMessage());

        new ReplayDatasetWriter(23).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        Files.delete(dir.resolve("alerts.avro"));
        ReplayInputException noFile =
                assertThrows(ReplayInputException.class, () -> new Replayer(options(dir, "127.0.0.1:1")).run());
        assertTrue(noFile.getMessage().contains("alerts.avro is missing"), noFile.getMessage());
    }

    @Test
    void unreachableBrokerFailsWithAMessage() throws Exception {
        new ReplayDatasetWriter(29).write(dir, CROSSINGS, ALERTS, INCIDENTS);
        BrokerUnavailableException e =
                assertThrows(BrokerUnavailableException.class, () -> new Replayer(options(dir, "127.0.0.1:1")).run());
        assertTrue(e.getMessage().startsWith("cannot reach Kafka at 127.0.0.1:1"), e.getMessage());
    }

    private static ReplayOptions options(Path in, String bootstrap) {
        return ReplayOptions.builder(in, bootstrap, TOPICS).build();
    }

    /** Rewrites a crossings file with a writer schema that lacks {@code field} (an older version, say). */
    private static void rewriteCrossingsWithout(String field, Path file) throws Exception {
        Schema current = BorderCrossing.getClassSchema();
        Schema older = Schema.createRecord(
                current.getName(),
                current.getDoc(),
                current.getNamespace(),
                false,
                current.getFields().stream()
                        .filter(f -> !f.name().equals(field))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList());
        List<Expected> crossings = DatasetFiles.crossings(file.getParent());
        SpecificData model = SpecificData.getForClass(BorderCrossing.class);
        try (DataFileWriter<GenericRecord> out = new DataFileWriter<GenericRecord>(
                        new SpecificDatumWriter<>(older, model))
                .create(older, file.toFile())) {
            for (Expected crossing : crossings) {
                GenericData.Record record = new GenericData.Record(older);
                older.getFields().forEach(f -> record.put(f.name(), ((BorderCrossing) crossing.value()).get(f.name())));
                out.append(record);
            }
        }
    }

    /** Overwrites the string length before {@code eventId} with bytes no Avro varint decoder accepts. */
    private static void corruptCrossing(Path file, String eventId) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, eventId.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "event id not found in file");
        for (int i = at - 1; i < at + eventId.length(); i++) {
            bytes[i] = (byte) 0xFF;
        }
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Reads the whole topic (read_committed) and checks it against the file: same records, keys and timestamps; each
     * key in one partition; each partition holds its keys' records in file order.
     */
    private static void assertTopicHoldsFile(String topic, List<Expected> expected, Map<TopicPartition, Long> from)
            throws Exception {
        List<ConsumerRecord<String, byte[]>> consumed = readFrom(from, topic, expected.size()).stream()
                .filter(r -> !isHeartbeat(r))
                .toList();
        assertEquals(expected.size(), consumed.size(), topic);
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : consumed) {
            Integer previous = partitionOfKey.put(record.key(), record.partition());
            assertTrue(previous == null || previous == record.partition(), "key in two partitions: " + topic);
        }
        Map<Integer, List<ConsumerRecord<String, byte[]>>> byPartition =
                consumed.stream().collect(Collectors.groupingBy(ConsumerRecord::partition));
        for (Map.Entry<Integer, List<ConsumerRecord<String, byte[]>>> partition : byPartition.entrySet()) {
            List<Expected> want = expected.stream()
                    .filter(e -> partitionOfKey.get(e.key()).equals(partition.getKey()))
                    .toList();
            List<ConsumerRecord<String, byte[]>> got = partition.getValue();
            assertEquals(want.size(), got.size(), topic + " partition " + partition.getKey());
            for (int i = 0; i < want.size(); i++) {
                String where = topic + "-" + partition.getKey() + " offset "
                        + got.get(i).offset();
                assertEquals(want.get(i).key(), got.get(i).key(), where);
                assertEquals(want.get(i).timestamp(), got.get(i).timestamp(), where);
                assertEquals(
                        want.get(i).value(), SERDES.get(topic).decode(got.get(i).value()), where);
            }
        }
    }

    /**
     * The alert changelog as read back: in each partition, no alert change after a heartbeat is earlier than the
     * heartbeat's time, and the partition ends with a heartbeat at the dataset's last arrival.
     */
    private static void assertHeartbeatsKeepTheirPromise(
            Map<TopicPartition, Long> from, List<Expected> merged, ReplayReport report) throws Exception {
        List<ConsumerRecord<String, byte[]>> consumed = readFrom(from, "sis.alerts", ALERTS);
        Map<Integer, Long> promised = new HashMap<>();
        long heartbeats = 0;
        for (ConsumerRecord<String, byte[]> record : consumed) {
            long before = promised.getOrDefault(record.partition(), Long.MIN_VALUE);
            if (isHeartbeat(record)) {
                heartbeats++;
                promised.put(record.partition(), ChangelogHeartbeat.time(record.value()));
            } else {
                assertTrue(record.timestamp() >= before, "an alert change before the heartbeat ahead of it: " + record);
            }
        }
        assertEquals(alertPartitions(), promised.size(), "every partition has heartbeats");
        long lastArrival = merged.get(merged.size() - 1).arrival();
        Map<Integer, ConsumerRecord<String, byte[]>> lastOfPartition = new HashMap<>();
        consumed.forEach(r -> lastOfPartition.put(r.partition(), r));
        for (ConsumerRecord<String, byte[]> last : lastOfPartition.values()) {
            assertTrue(isHeartbeat(last), "a partition ends with a heartbeat");
            assertEquals(lastArrival, ChangelogHeartbeat.time(last.value()));
        }
        assertEquals(heartbeats, report.heartbeats());
    }

    private static boolean isHeartbeat(ConsumerRecord<?, ?> record) {
        return record.headers().lastHeader(ChangelogHeartbeat.HEADER) != null;
    }

    private static int alertPartitions() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return consumer.partitionsFor("sis.alerts").size();
        }
    }

    /** The records of {@code topic} after the offsets in {@code from} (other tests share the broker). */
    private static List<ConsumerRecord<String, byte[]>> readFrom(
            Map<TopicPartition, Long> from, String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions =
                    from.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.get(p)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.stream().filter(r -> !isHeartbeat(r)).count() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // one more poll: a replay that sent too much must fail the count check
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : SERDES.keySet()) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
