package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Visa;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.TopicSnapshot;
import eu.borderflow.tools.kafka.CommittedEnd;
import eu.borderflow.tools.kafka.TestBroker;
import eu.borderflow.tools.kafka.TopicSetup;
import eu.borderflow.tools.kafka.TopicsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a broker and a MiniCluster, with a restart strategy of none, so that any record that failed the job
 * would fail the test. A generated world is sent in arrival order: once as it is (the reference), once with a bad
 * record of every class injected at ordinary arrival positions (each must come out as a dead letter with its reason,
 * and the committed flags must equal the reference by content), and once twice over (the second copy adds no flag).
 */
class RiskFlagRobustnessTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Small caps so a message over the limit, and an oversize dead letter, fit through the broker. */
    private static final int MAX_MESSAGE_BYTES = 20_000;

    private static final int MAX_DEAD_LETTER_BYTES = 4_096;
    /** Every this many records of the world, the next bad record goes in. */
    private static final int EVERY = 400;

    private static final long WATERMARK_INTERVAL_MS = 5;

    private static TestBroker broker;
    private static String bootstrap;
    private static RiskSettings settings;
    private static ConfigLoader config;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        broker = TestBroker.startOrShareExternal();
        bootstrap = broker.bootstrap();
        Path configDir = Files.createDirectories(dir.resolve("config"));
        String rules = ConfigLoader.class.getResource("/borderflow-config/rules.yaml") == null
                ? null
                : new String(
                        ConfigLoader.class
                                .getResourceAsStream("/borderflow-config/rules.yaml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
        Files.writeString(
                configDir.resolve("rules.yaml"),
                rules.replaceFirst("max_message_bytes: \\d+", "max_message_bytes: " + MAX_MESSAGE_BYTES)
                        .replaceFirst(
                                "max_dead_letter_bytes: \\d+", "max_dead_letter_bytes: " + MAX_DEAD_LETTER_BYTES));
        config = ConfigLoader.from(configDir);
        settings = RiskSettings.local(config);
        assertEquals(MAX_MESSAGE_BYTES, settings.ingest().getMaxMessageBytes());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void badRecordsOfEveryClassAreDeadLettersAndTheRestFlagsAsWithoutThem() throws Exception {
        Path world = dir.resolve("world");
        Generator.run(new GenerateOptions(23, 1500, 30, LocalDate.parse("2025-02-03"), world), Progress.NONE);
        List<Arrival> arrivals = arrivals(world);

        Run clean = run("clean", arrivals, List.of());
        assertTrue(clean.flags.size() > 20, "the world raises flags: " + clean.flags.size());
        assertEquals(List.of(), clean.deadLetters, "a generated world is clean");

        List<Injection> injections = injections(arrivals);
        Run injected = run("injected", arrivals, injections);
        assertEquals(clean.contents(), injected.contents(), "the rest of the world flags as without the injections");

        Map<String, String> expected = new TreeMap<>();
        for (Injection injection : injections) {
            if (injection.reason != null) {
                expected.put(injection.id(), injection.reason);
            }
        }
        Map<String, String> found = new TreeMap<>();
        for (DeadLetter letter : injected.deadLetters) {
            String id = letter.getSourcePartition() >= 0
                    ? letter.getSourceTopic() + "/" + letter.getSourcePartition() + "/" + letter.getSourceOffset()
                    : letter.getEventId();
            found.put(id, letter.getReasonCode());
            assertTrue(letter.getReason() != null && letter.getOperator() != null, letter.toString());
        }
        // A record expected LATE is LATE when the watermark has passed it by the time it is read. With every record
        // in Kafka before the job starts, how far the watermark trails the reader differs from run to run: one
        // partition's reader can trail the others by weeks of event time, and then the copy re-sent long after its
        // first is dropped as re-sent (its id still remembered) and the record uploaded 29 days late is still in
        // time. The flags above show that none of them changed a flag; any other dead letter for them fails.
        for (Injection injection : injections) {
            if (injection.lateUnlessInTime() && !found.containsKey(injection.id())) {
                expected.remove(injection.id());
            }
        }
        assertEquals(expected, found, "every injected record is a dead letter with its reason, nothing else is");
        DeadLetter oversize = injected.deadLetters.stream()
                .filter(d -> d.getReasonCode().equals("TOO_LARGE"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                oversize.getTruncated() && oversize.getOriginalSize() > MAX_MESSAGE_BYTES,
                "the dead letter of a message over the limit is itself cut to fit: " + oversize.getOriginalSize());
    }

    @Test
    void replayingAWholeWorldASecondTimeAddsNoFlag() throws Exception {
        Path world = dir.resolve("world-twice");
        Generator.run(new GenerateOptions(29, 1200, 30, LocalDate.parse("2025-03-03"), world), Progress.NONE);
        List<Arrival> arrivals = arrivals(world);
        Run once = run("once", arrivals, List.of());
        List<Arrival> twice = new ArrayList<>(arrivals);
        twice.addAll(arrivals);
        Run again = run("twice", twice, List.of());
        assertTrue(once.flags.size() > 20);
        assertEquals(once.contents(), again.contents(), "the second copy adds no flag and changes none");
        assertTrue(
                again.deadLetters.stream().allMatch(d -> d.getReasonCode().equals(DeadLetters.LATE)),
                "what the second copy brings back is late, or dropped as re-sent");
    }

    /** One record of the world in arrival order, with its Kafka coordinates-to-be. */
    private record Arrival(String topic, byte[] key, long timestamp, byte[] value, long arrival, String id) {}

    /**
     * A bad record sent after the {@code after}-th arrival; {@code reason} is the dead letter it must become, or null
     * for a re-sent record that is dropped without one.
     */
    private record Injection(int after, Arrival record, String reason, boolean byEventId) {
        String id() {
            return byEventId ? record.id : null;
        }

        /** Expected LATE, allowed to be in time (or dropped as re-sent) where the watermark trails the reader. */
        boolean lateUnlessInTime() {
            return byEventId && DeadLetters.LATE.equals(reason) && record.id != null;
        }
    }

    private List<Injection> injections(List<Arrival> arrivals) {
        SingleObjectSerde<BorderCrossing> crossings = SingleObjectSerde.of(BorderCrossing.class);
        SingleObjectSerde<AlertChange> alerts = SingleObjectSerde.of(AlertChange.class);
        List<Arrival> crossingArrivals = arrivals.stream()
                .filter(a -> a.topic.equals(topics().getCrossings()))
                .toList();
        List<Arrival> alertArrivals = arrivals.stream()
                .filter(a -> a.topic.equals(topics().getAlerts()))
                .toList();
        String crossingTopic = topics().getCrossings();
        List<Injection> out = new ArrayList<>();
        int slot = 1;

        Arrival sample = crossingArrivals.get(crossingArrivals.size() / 2);
        BorderCrossing base = decode(crossings, sample.value);
        byte[] valid = sample.value;
        out.add(bytes(slot++, crossingTopic, "garbage".getBytes(StandardCharsets.UTF_8), "UNDECODABLE"));
        byte[] foreign = valid.clone();
        for (int i = 2; i < 10; i++) {
            foreign[i] = (byte) ~foreign[i];
        }
        out.add(bytes(slot++, crossingTopic, foreign, "UNKNOWN_FINGERPRINT"));
        byte[] hostile = Arrays.copyOf(valid, valid.length + 4);
        int idLength = base.getEventId().length() < 64 ? 1 : 2;
        System.arraycopy(valid, 10 + idLength, hostile, 15, valid.length - 10 - idLength);
        System.arraycopy(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}, 0, hostile, 10, 5);
        out.add(bytes(slot++, crossingTopic, hostile, "LENGTH_LIMIT"));
        byte[] large = Arrays.copyOf(valid, MAX_MESSAGE_BYTES + 1000);
        out.add(bytes(slot++, crossingTopic, large, "TOO_LARGE"));
        Instant far = Instant.parse("9999-06-01T00:00:00Z");
        out.add(crossing(
                slot++,
                BorderCrossing.newBuilder(base)
                        .setEventId("inj-9999")
                        .setEventTime(far)
                        .setIngestTime(far)
                        .setLocalDate(LocalDate.of(9999, 6, 1))
                        .build(),
                "VALIDATION_INGEST_TIME",
                sample.timestamp));
        out.add(crossing(
                slot++,
                BorderCrossing.newBuilder(base)
                        .setEventId("inj-future")
                        .setEventTime(far)
                        .build(),
                "VALIDATION_INGEST_BEFORE_EVENT",
                sample.timestamp));
        // A BCP clock a year ahead: every value in range and inside the ingest window, stamped as the broker lets a
        // producer stamp it. Let through, its partition's watermark would pass every timer once the others idle.
        Instant yearAhead = base.getEventTime().plus(Duration.ofDays(365));
        out.add(crossing(
                slot++,
                BorderCrossing.newBuilder(base)
                        .setEventId("inj-year-ahead")
                        .setEventTime(yearAhead)
                        .setIngestTime(yearAhead)
                        .setLocalDate(base.getLocalDate().plusDays(365))
                        .setRetentionUntil(base.getRetentionUntil().plusDays(365))
                        .build(),
                RecordIngest.RECORD_TIME,
                sample.timestamp));
        out.add(crossing(
                slot++,
                BorderCrossing.newBuilder(base)
                        .setEventId("inj-visa-days")
                        .setVisa(new Visa(
                                "V-INJ",
                                "C",
                                1,
                                Integer.MAX_VALUE,
                                base.getLocalDate().minusDays(10),
                                base.getLocalDate().plusDays(100)))
                        .build(),
                "VALIDATION_VISA_DURATION",
                sample.timestamp));
        out.add(crossing(
                slot++,
                BorderCrossing.newBuilder(base)
                        .setEventId("inj-visa-entries")
                        .setVisa(new Visa(
                                "V-INJ",
                                "C",
                                -1,
                                30,
                                base.getLocalDate().minusDays(10),
                                base.getLocalDate().plusDays(100)))
                        .build(),
                "VALIDATION_VISA_ENTRIES",
                sample.timestamp));

        // Uploaded 29 days after it happened (within max_upload_delay) at the end of the stream, which has long
        // passed it: far later than the allowed lateness even where the periodic watermark trails the records by
        // a few days of a fast replay. LATE, by event id.
        Arrival lateSample = crossingArrivals.get(crossingArrivals.size() - 10);
        BorderCrossing lateBase = decode(crossings, lateSample.value);
        Instant longBefore = lateBase.getIngestTime().minus(Duration.ofDays(29));
        BorderCrossing late = BorderCrossing.newBuilder(lateBase)
                .setEventId("inj-late")
                .setEventTime(longBefore)
                .setLocalDate(longBefore.atOffset(ZoneOffset.UTC).toLocalDate())
                .build();
        out.add(new Injection(arrivals.size() - 1, arrival(crossingTopic, late, crossings), DeadLetters.LATE, true));
        // Re-sent crossings and alert changes, right after their first copy and long after it: dropped or LATE.
        Arrival early = crossingArrivals.get(5);
        out.add(new Injection(arrivals.indexOf(early) + 3, early, null, false));
        out.add(new Injection(arrivals.size() - 3, early, DeadLetters.LATE, true));
        Arrival alert = alertArrivals.get(alertArrivals.size() / 2);
        out.add(new Injection(arrivals.indexOf(alert) + 2, alert, null, false));

        AlertChange person = alertArrivals.stream()
                .map(a -> decode(alerts, a.value))
                .filter(a -> a.getPerson() != null)
                .findFirst()
                .orElseThrow();
        AlertPerson badBirth = AlertPerson.newBuilder(person.getPerson())
                .setDateOfBirth("19x5")
                .build();
        AlertChange unparsable = AlertChange.newBuilder(person)
                .setChangeId("inj-dob")
                .setAlertId("SIS-INJ")
                .setPerson(badBirth)
                .build();
        out.add(new Injection(
                slot++ * EVERY,
                new Arrival(
                        topics().getAlerts(),
                        utf8("SIS-INJ"),
                        unparsable.getEventTime().toEpochMilli(),
                        alerts.encode(unparsable),
                        0,
                        "inj-dob"),
                "VALIDATION_DATE_OF_BIRTH",
                false));
        AlertChange ahead = AlertChange.newBuilder(person)
                .setChangeId("inj-alert-ahead")
                .setAlertId("SIS-INJ-AHEAD")
                .setEventTime(person.getEventTime().plus(Duration.ofDays(365)))
                .build();
        out.add(new Injection(
                slot++ * EVERY,
                new Arrival(
                        topics().getAlerts(),
                        utf8("SIS-INJ-AHEAD"),
                        person.getEventTime().toEpochMilli(),
                        alerts.encode(ahead),
                        0,
                        "inj-alert-ahead"),
                RecordIngest.RECORD_TIME,
                false));
        return out;
    }

    private Injection bytes(int slot, String topic, byte[] value, String reason) {
        return new Injection(
                slot * EVERY, new Arrival(topic, utf8("F-INJ-" + slot), 0L, value, 0, null), reason, false);
    }

    /**
     * A crossing sent with an ordinary Kafka timestamp (a broker refuses one a year ahead) whatever its event time:
     * the job reads event time from the record.
     */
    private Injection crossing(int slot, BorderCrossing crossing, String reason, long kafkaTimestamp) {
        Arrival a = arrival(topics().getCrossings(), crossing, SingleObjectSerde.of(BorderCrossing.class));
        return new Injection(
                slot * EVERY, new Arrival(a.topic, a.key, kafkaTimestamp, a.value, a.arrival, a.id), reason, false);
    }

    private static Arrival arrival(String topic, BorderCrossing c, SingleObjectSerde<BorderCrossing> serde) {
        return new Arrival(
                topic,
                utf8(c.getTraveller().getFileId()),
                c.getEventTime().toEpochMilli(),
                serde.encode(c),
                c.getIngestTime().toEpochMilli(),
                c.getEventId());
    }

    /** The job over {@code arrivals} with {@code injections} sent in between, to the end offsets; its outputs. */
    private Run run(String name, List<Arrival> arrivals, List<Injection> injections) throws Exception {
        recreateTopics();
        Map<Integer, List<Injection>> byPosition = new HashMap<>();
        injections.forEach(
                i -> byPosition.computeIfAbsent(i.after, k -> new ArrayList<>()).add(i));
        Map<Injection, RecordMetadata> sent = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        4 * MAX_MESSAGE_BYTES,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < arrivals.size(); i++) {
                Arrival a = arrivals.get(i);
                producer.send(new ProducerRecord<>(a.topic, null, a.timestamp, a.key, a.value));
                for (Injection injection : byPosition.getOrDefault(i, List.of())) {
                    Arrival r = injection.record;
                    sent.put(
                            injection,
                            producer.send(new ProducerRecord<>(r.topic, null, r.timestamp, r.key, r.value))
                                    .get());
                }
            }
            producer.flush();
        }
        List<Injection> resolved = new ArrayList<>();
        for (Injection injection : injections) {
            RecordMetadata at = sent.get(injection);
            assertTrue(at != null, "injection " + injection.after + " was sent");
            resolved.add(
                    injection.byEventId || injection.reason == null
                            ? injection
                            : new Injection(
                                    injection.after,
                                    new Arrival(
                                            at.topic(),
                                            null,
                                            0,
                                            null,
                                            0,
                                            at.topic() + "/" + at.partition() + "/" + at.offset()),
                                    injection.reason,
                                    true));
        }
        if (!resolved.isEmpty()) {
            injections.clear();
            injections.addAll(resolved);
        }

        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.LOCAL);
        environment.getKafka().setBootstrapServers(bootstrap);
        environment.getKafka().setGroupId("robustness-" + name);
        environment.getKafka().setTransactionalIdPrefix("robustness-" + name);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RiskFlagJob.configure(env, environment, dir);
        // A record that failed the job would fail the test: no restart.
        env.configure(new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none"));
        env.enableCheckpointing(Duration.ofSeconds(1).toMillis());
        // Watermarks follow a fast replay closely, so what is late is late whatever the reading speed.
        env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL_MS);
        env.setParallelism(2);
        KafkaEndpoints kafka = KafkaEndpoints.untilEndAtStart(environment);
        RiskFlagJob.builder(settings)
                .kafka(kafka)
                .rules(RiskFlagJob.defaultRules())
                .build()
                .addTo(env);
        env.execute("robustness " + name);

        TopicSnapshot<RiskFlag> flags = EvaluationInputs.flagTopic(bootstrap, topics().getFlags());
        assertEquals(0, flags.undecodable());
        return new Run(flags.records(), readCommitted(topics().getDeadLetters(), DeadLetter.class));
    }

    private record Run(List<RiskFlag> flags, List<DeadLetter> deadLetters) {
        List<String> contents() {
            return flags.stream()
                    .sorted(Comparator.comparing(RiskFlag::getFlagId).thenComparing(RiskFlag::getRevision))
                    .map(RiskFlag::toString)
                    .toList();
        }
    }

    private static List<Arrival> arrivals(Path world) throws Exception {
        List<Arrival> all = new ArrayList<>();
        SingleObjectSerde<BorderCrossing> crossings = SingleObjectSerde.of(BorderCrossing.class);
        SingleObjectSerde<AlertChange> alerts = SingleObjectSerde.of(AlertChange.class);
        read(
                world.resolve("crossings.avro"),
                BorderCrossing.class,
                c -> arrival(topics().getCrossings(), c, crossings),
                all);
        read(
                world.resolve("alerts.avro"),
                AlertChange.class,
                a -> new Arrival(
                        topics().getAlerts(),
                        utf8(a.getAlertId()),
                        a.getEventTime().toEpochMilli(),
                        alerts.encode(a),
                        a.getEventTime().toEpochMilli(),
                        a.getChangeId()),
                all);
        all.sort(Comparator.comparingLong(Arrival::arrival));
        return all;
    }

    private static <T extends SpecificRecord> void read(
            Path file, Class<T> type, Function<T, Arrival> arrival, List<Arrival> out) throws Exception {
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            for (T record : in) {
                out.add(arrival.apply(record));
            }
        }
    }

    private static eu.borderflow.config.TopicNames topics() {
        return JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.LOCAL)
                .getTopics();
    }

    private static void recreateTopics() throws Exception {
        TopicsConfig topicsConfig = TopicsConfig.load(ConfigLoader.defaults());
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> ours = topicsConfig.topics().keySet().stream()
                    .filter(existing::contains)
                    .toList();
            admin.deleteTopics(ours).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(ours::contains)) {
                Thread.sleep(100);
            }
        }
        TopicSetup.apply(bootstrap, topicsConfig);
    }

    private static <T extends SpecificRecord> List<T> readCommitted(String topic, Class<T> type) throws Exception {
        SingleObjectSerde<T> serde = SingleObjectSerde.of(type);
        List<T> out = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = CommittedEnd.of(consumer, config, partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    out.add(serde.decode(record.value()));
                }
            }
        }
        return out;
    }

    private static <T extends SpecificRecord> T decode(SingleObjectSerde<T> serde, byte[] bytes) {
        try {
            return serde.decode(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
