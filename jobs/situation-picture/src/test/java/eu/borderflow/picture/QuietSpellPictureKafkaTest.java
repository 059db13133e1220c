package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.picture.testing.SectionRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture after a quiet spell, on a broker: crossings, incidents and the risk job's flags have been read, then
 * nothing for longer than time.source_idleness, so every input counts as idle. Then traffic comes back as a replay
 * into both jobs brings it: 18 days of crossings and incidents at once, and 3 s later the risk job's first commit, a
 * flag of day 1.
 * That flag is within the allowed lateness (4 days) of everything read before it; it must count in its hour, not
 * become LATE. With the crossings held for less than the flag takes (crossings_resume_hold 0.2 s), the incidents move
 * the picture past it once their own hold is over: the same flag LATE, which is what a replay into jobs that waited did before the hold.
 */
class QuietSpellPictureKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final Duration IDLENESS = Duration.ofSeconds(5);
    private static final Duration SPELL = IDLENESS.multipliedBy(2);
    /** The environments' watermark interval (local.yaml job.watermark_interval). */
    private static final Duration WATERMARK_INTERVAL = Duration.ofMillis(20);
    /**
     * How long after the crossings and incidents the risk job's flag comes (its checkpoint, here shorter than the one
     * shipped): after the incidents' hold (source_resume_hold, 2 s), well before the crossings' (the idleness, 5 s).
     */
    private static final Duration FLAG_AFTER = Duration.ofSeconds(3);

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Instant DAY0 = TestRecords.T0.truncatedTo(ChronoUnit.DAYS);
    private static final String BCP = "FIN-L-VAA";
    private static final String SECTION = "LAND-FIN-RUS";
    private static TestBroker broker;

    @TempDir
    static Path dir;

    @BeforeAll
    static void broker() throws Exception {
        broker = TestBroker.startOrShareExternal();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void theRiskJobsFirstFlagAfterTheSpellCountsInItsHour() throws Exception {
        Outcome outcome = run("held", "PT8S");
        assertEquals(Map.of("R3", 1L), outcome.flagsInItsHour(), "the flag counts in the hour it was raised in");
        assertEquals(List.of(), outcome.late(), "no LATE dead letter");
    }

    @Test
    void withTheCrossingsHeldShorterThanTheFlagTakesItIsLate() throws Exception {
        Outcome outcome = run("short", "PT0.2S");
        assertEquals(List.of("R3:day1"), outcome.late(), "what the hold prevents");
    }

    private record Outcome(Map<String, Long> flagsInItsHour, List<String> late) {}

    private Outcome run(String name, String crossingsHold) throws Exception {
        String prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        JobEnvironment environment = JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.LOCAL);
        TopicNames topics = environment.getTopics();
        topics.setCrossings(prefix + ".crossings");
        topics.setIncidents(prefix + ".incidents");
        topics.setFlags(prefix + ".flags");
        topics.setSectionLevels(prefix + ".levels");
        topics.setPicture(prefix + ".picture");
        topics.setDeadLetters(prefix + ".deadletters");
        createTopics(
                topics.getCrossings(),
                topics.getIncidents(),
                topics.getFlags(),
                topics.getSectionLevels(),
                topics.getPicture(),
                topics.getDeadLetters());
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // Two hours apart on each input, so that the first hour is published before the spell.
            send(producer, topics.getCrossings(), crossing("c-day0", DAY0.plus(Duration.ofHours(10))));
            send(producer, topics.getCrossings(), crossing("c-day0-noon", DAY0.plus(Duration.ofHours(12))));
            send(producer, topics.getFlags(), flag("R3:day0", DAY0.plus(Duration.ofHours(10))));
            send(producer, topics.getFlags(), flag("R3:day0-noon", DAY0.plus(Duration.ofHours(12))));
            send(producer, topics.getIncidents(), incident("i-day0", DAY0.plus(Duration.ofHours(10))));
            send(producer, topics.getIncidents(), incident("i-day0-noon", DAY0.plus(Duration.ofHours(12))));
        }

        KafkaSettings kafka = environment.kafkaAs(environment.getPicture());
        kafka.setBootstrapServers(broker.bootstrap());
        kafka.setGroupId(prefix);
        kafka.setTransactionalIdPrefix(prefix);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none"));
        env.setParallelism(1);
        env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL.toMillis());
        JobSetup.configureTypes(env);
        KafkaEndpoints endpoints = KafkaEndpoints.streaming(kafka, topics).atLeastOnce();
        SituationPictureJob.kafka(
                        SituationPictureJob.builder(PictureSettings.bind(config(name, crossingsHold))), endpoints)
                .build()
                .addTo(env);
        JobClient job = env.executeAsync("picture after a quiet spell " + name);
        try (KafkaConsumer<byte[], byte[]> picture = fromStart(topics.getPicture());
                KafkaConsumer<byte[], byte[]> deadLetters = fromStart(topics.getDeadLetters())) {
            awaitHour(picture, DAY0.plus(Duration.ofHours(10)));
            Thread.sleep(SPELL.toMillis());

            Instant day1 = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (int day = 2; day <= 18; day += 2) {
                    send(producer, topics.getCrossings(), crossing("c-day" + day, DAY0.plus(Duration.ofDays(day))));
                    send(producer, topics.getIncidents(), incident("i-day" + day, DAY0.plus(Duration.ofDays(day))));
                }
                producer.flush();
                Thread.sleep(FLAG_AFTER.toMillis());
                send(producer, topics.getFlags(), flag("R3:day1", day1));
            }

            long deadline = System.nanoTime() + WITHIN.toNanos();
            Map<String, Long> inItsHour = Map.of();
            SingleObjectSerde<PictureUpdate> pictures = SingleObjectSerde.of(PictureUpdate.class);
            SingleObjectSerde<DeadLetter> letters = SingleObjectSerde.of(DeadLetter.class);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : deadLetters.poll(Duration.ofMillis(100))) {
                    DeadLetter letter = letters.decode(record.value());
                    if (letter.getReasonCode().equals("LATE")) {
                        return new Outcome(inItsHour, List.of(letter.getEventId()));
                    }
                }
                for (ConsumerRecord<byte[], byte[]> record : picture.poll(Duration.ofMillis(100))) {
                    PictureUpdate update = pictures.decode(record.value());
                    if (isHourOf(update, day1)) {
                        inItsHour = update.getFlagsByRule();
                    }
                }
                if (!inItsHour.isEmpty()) {
                    return new Outcome(inItsHour, List.of());
                }
            }
            return new Outcome(inItsHour, List.of());
        } finally {
            job.cancel().get();
            job.getJobExecutionResult().handle((result, failure) -> null).get();
        }
    }

    /** Waits until the picture has published the hour of {@code at}: both inputs have been read before the spell. */
    private static void awaitHour(KafkaConsumer<byte[], byte[]> picture, Instant at) throws Exception {
        SingleObjectSerde<PictureUpdate> pictures = SingleObjectSerde.of(PictureUpdate.class);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : picture.poll(Duration.ofMillis(100))) {
                PictureUpdate update = pictures.decode(record.value());
                if (isHourOf(update, at) && update.getFlagsByRule().equals(Map.of("R3", 1L))) {
                    return;
                }
            }
        }
        throw new AssertionError("the hour of " + at + " with its flag was not published within " + WITHIN);
    }

    private static boolean isHourOf(PictureUpdate update, Instant at) {
        return update.getView() == PictureView.HOUR
                && update.getSectionId().equals(SECTION)
                && !update.getWindowStart().isAfter(at)
                && update.getWindowEnd().isAfter(at);
    }

    private static BorderCrossing crossing(String eventId, Instant at) {
        return TestRecords.crossing(eventId, CrossingKind.ENTRY, at)
                .setBcpCode(BCP)
                .build();
    }

    private static Incident incident(String id, Instant at) {
        return SectionRecords.incident(id, SECTION, true, at);
    }

    private static RiskFlag flag(String flagId, Instant at) {
        return SectionRecords.flag(flagId, "R3", SECTION, flagId, at);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** {@code record} on partition 0 of {@code topic}, stamped with its event time as producers do. */
    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> void send(KafkaProducer<byte[], byte[]> producer, String topic, T record)
            throws Exception {
        Instant at =
                (Instant) record.get(record.getSchema().getField("event_time").pos());
        byte[] value = SingleObjectSerde.of((Class<T>) record.getClass()).encode(record);
        producer.send(new ProducerRecord<>(topic, 0, at.toEpochMilli(), "k".getBytes(StandardCharsets.UTF_8), value))
                .get();
    }

    private static KafkaConsumer<byte[], byte[]> fromStart(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void createTopics(String... names) throws Exception {
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            admin.createTopics(Arrays.stream(names)
                            .map(n -> new NewTopic(n, 1, (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }

    /** The shipped picture.yaml with a short source idleness and the crossings' hold of {@code crossingsHold}. */
    private static ConfigLoader config(String name, String crossingsHold) throws Exception {
        Path config = Files.createDirectories(dir.resolve(name));
        String picture = new String(
                        ConfigLoader.class
                                .getResourceAsStream("/borderflow-config/picture.yaml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replaceFirst("source_idleness: \\S+", "source_idleness: " + IDLENESS)
                .replaceFirst("crossings_resume_hold: \\S+", "crossings_resume_hold: " + crossingsHold);
        Files.writeString(config.resolve("picture.yaml"), picture);
        return ConfigLoader.from(config);
    }
}
