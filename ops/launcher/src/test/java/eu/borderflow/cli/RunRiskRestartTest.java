package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.kafka.TestBroker;
import eu.borderflow.tools.kafka.TopicSetup;
import eu.borderflow.tools.kafka.TopicsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run risk} as a real process survives Ctrl-C: started, fed the first part of a world, stopped with SIGINT,
 * started again and fed the rest, it resumes from its latest checkpoint (on disk under the borderflow folder's var/),
 * and its committed flags equal, by content and with none twice, those of one uninterrupted run over the whole
 * world. Both runs are streaming runs that end the same way (everything consumed, the sources idle), so the trailing
 * flags wait for the same watermark in both.
 */
class RunRiskRestartTest {

    /**
     * A short checkpoint interval and source idleness, so the test waits seconds, not minutes. The idleness stays
     * well above how long a source reader may stall while the job starts on a loaded machine: a reader idle that
     * long no longer holds the watermark back, and its records would come out LATE.
     */
    private static final String CHECKPOINT_INTERVAL = "PT1S";

    private static final String IDLENESS = "PT20S";
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Stopping takes seconds; the margin is for a loaded CI machine. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(90);

    private static TestBroker broker;
    private static String bootstrap;

    @TempDir
    static Path dir;

    @BeforeAll
    static void broker() throws Exception {
        broker = TestBroker.startOrShareExternal();
        bootstrap = broker.bootstrap();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void stoppedWithCtrlCAndStartedAgainItResumesAndEmitsNoFlagTwice() throws Exception {
        Path world = dir.resolve("world");
        Generator.run(new GenerateOptions(31, 800, 25, LocalDate.parse("2025-04-07"), world), Progress.NONE);
        List<ProducerRecord<byte[], byte[]>> arrivals = arrivals(world);
        Path config = config();

        recreateTopics();
        Path once = Files.createDirectories(dir.resolve("once"));
        send(arrivals);
        Process reference = start(once, config, "reference");
        awaitConsumedAndSettled(reference);
        stop(reference);
        List<String> expected = committedFlags();
        assertTrue(expected.size() > 20, "the world raises flags: " + expected.size());

        recreateTopics();
        Path restarted = Files.createDirectories(dir.resolve("restarted"));
        int half = arrivals.size() / 2;
        send(arrivals.subList(0, half));
        Process first = start(restarted, config, "first");
        awaitConsumedAndSettled(first);
        stop(first);
        assertTrue(!committedFlags().isEmpty(), "the first part raised flags before the stop");

        send(arrivals.subList(half, arrivals.size()));
        Process second = start(restarted, config, "second");
        awaitConsumedAndSettled(second);
        stop(second);
        String log = Files.readString(restarted.resolve("second.out"));
        assertTrue(log.contains("resuming from chk-"), log);

        List<String> flags = committedFlags();
        assertAnotherKeyIsRefused(restarted, config, flags);
        if (!expected.equals(flags)) {
            Files.write(
                    Path.of("target", "restart-diff.txt"),
                    java.util.stream.Stream.concat(
                                    expected.stream()
                                            .filter(e -> !flags.contains(e))
                                            .map(e -> "ONLY-REFERENCE " + e),
                                    flags.stream()
                                            .filter(e -> !expected.contains(e))
                                            .map(e -> "ONLY-RESTART " + e))
                            .toList());
            for (String name : List.of("first.out", "second.out")) {
                Files.copy(
                        restarted.resolve(name),
                        Path.of("target", "restart-" + name),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(
                    once.resolve("reference.out"),
                    Path.of("target", "restart-reference.out"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(flags.size(), flags.stream().distinct().count(), "no flag revision committed twice");
        assertEquals(
                expected,
                flags,
                () -> "the same flags as one run over the whole world; only in the one run: "
                        + idsNotIn(expected, flags) + "; only after the restart: " + idsNotIn(flags, expected));
    }

    /**
     * Run again with another BORDERFLOW_TOKEN_KEY (the demo's key was used so far): it must not resume the state its
     * tokens do not match. It exits 2 at once, saying why, and commits nothing.
     */
    private static void assertAnotherKeyIsRefused(Path home, Path config, List<String> flags) throws Exception {
        Process refused = start(home, config, "other-key", "a key generated again in a new shell");
        if (!refused.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            stop(refused);
            throw new AssertionError("run risk with another key resumed its state");
        }
        String log = Files.readString(home.resolve("other-key.out"));
        assertEquals(ExitCodes.USAGE, refused.exitValue(), log);
        assertTrue(log.contains("BORDERFLOW_TOKEN_KEY now has the key id") && log.contains("--fresh"), log);
        assertTrue(!log.contains("internal error"), log);
        assertEquals(flags, committedFlags(), "nothing committed under another key");
    }

    private static List<String> idsNotIn(List<String> these, List<String> others) {
        Set<String> other = Set.copyOf(others);
        return these.stream()
                .filter(f -> !other.contains(f))
                .map(f -> f.substring(0, f.indexOf(", \"rule_id\"")))
                .toList();
    }

    /** A config folder: the shipped files with a short checkpoint interval and source idleness. */
    private static Path config() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(config.resolve("environments"));
        Files.writeString(
                config.resolve("environments/local.yaml"),
                shipped("environments/local.yaml")
                        .replaceFirst("checkpoint_interval: \\S+", "checkpoint_interval: " + CHECKPOINT_INTERVAL));
        Files.writeString(
                config.resolve("rules.yaml"),
                shipped("rules.yaml").replaceFirst("source_idleness: \\S+", "source_idleness: " + IDLENESS));
        return config;
    }

    private static String shipped(String file) throws Exception {
        return new String(
                ConfigLoader.class
                        .getResourceAsStream("/borderflow-config/" + file)
                        .readAllBytes(),
                StandardCharsets.UTF_8);
    }

    /** {@code run risk} in its own JVM, with {@code home} as BORDERFLOW_HOME (its checkpoints go to home/var/). */
    private static Process start(Path home, Path config, String name) throws Exception {
        return start(home, config, name, null);
    }

    /** The same, with {@code tokenKey} as BORDERFLOW_TOKEN_KEY (null: unset, so the demo's key). */
    private static Process start(Path home, Path config, String name, String tokenKey) throws Exception {
        // A terminal's foreground job takes SIGINT; a child of a backgrounded script (CI run as `... &`) inherits it
        // ignored, and a JVM that starts with SIGINT ignored keeps ignoring it. So the default action, as in a
        // terminal.
        List<String> command = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.text=ALL-UNNAMED",
                "--add-opens=java.base/java.time=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Borderflow.class.getName(),
                "run",
                "risk",
                "--bootstrap",
                bootstrap,
                "--metrics-port",
                "0",
                "--rest-port",
                "0",
                "--parallelism",
                "2",
                "--config",
                config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile());
        builder.environment().put("BORDERFLOW_HOME", home.toString());
        if (tokenKey == null) {
            builder.environment().remove("BORDERFLOW_TOKEN_KEY");
        } else {
            builder.environment().put("BORDERFLOW_TOKEN_KEY", tokenKey);
        }
        return builder.start();
    }

    /** Ctrl-C: SIGINT to the process, then its exit. */
    private static void stop(Process process) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run risk did not stop on SIGINT");
        }
    }

    /**
     * Waits until the job's committed source offsets (committed at each completed checkpoint) reach the end of both
     * input topics, then for the sources to go idle and a few more checkpoints to commit what that released.
     */
    private static void awaitConsumedAndSettled(Process process) throws Exception {
        String group = JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.LOCAL)
                .getKafka()
                .getGroupId();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                assertTrue(process.isAlive(), "run risk exited early");
                assertTrue(System.nanoTime() < deadline, "run risk did not consume its input in time");
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                Set<TopicPartition> inputs = inputPartitions(admin);
                Map<TopicPartition, Long> ends = new java.util.HashMap<>();
                for (var e : admin.listOffsets(
                                inputs.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all()
                        .get()
                        .entrySet()) {
                    ends.put(e.getKey(), e.getValue().offset());
                }
                boolean done = inputs.stream()
                        .allMatch(p -> ends.get(p) == 0
                                || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p)));
                if (done) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        Thread.sleep(SETTLE.toMillis());
    }

    private static Set<TopicPartition> inputPartitions(Admin admin) throws Exception {
        TopicNames topics = topics();
        return admin
                .describeTopics(List.of(topics.getCrossings(), topics.getAlerts()))
                .allTopicNames()
                .get()
                .values()
                .stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private static List<String> committedFlags() {
        return EvaluationInputs.flagTopic(bootstrap, topics().getFlags()).records().stream()
                .sorted(Comparator.comparing(RiskFlag::getFlagId).thenComparing(RiskFlag::getRevision))
                .map(RiskFlag::toString)
                .toList();
    }

    private static List<ProducerRecord<byte[], byte[]>> arrivals(Path world) throws Exception {
        record Arrival(long at, ProducerRecord<byte[], byte[]> record) {}
        List<Arrival> all = new ArrayList<>();
        TopicNames topics = topics();
        SingleObjectSerde<BorderCrossing> crossings = SingleObjectSerde.of(BorderCrossing.class);
        try (DataFileStream<BorderCrossing> in =
                AvroFiles.open(BorderCrossing.class, world.resolve("crossings.avro"))) {
            for (BorderCrossing c : in) {
                all.add(new Arrival(
                        c.getIngestTime().toEpochMilli(),
                        new ProducerRecord<>(
                                topics.getCrossings(),
                                null,
                                c.getEventTime().toEpochMilli(),
                                utf8(c.getTraveller().getFileId()),
                                crossings.encode(c))));
            }
        }
        SingleObjectSerde<AlertChange> alerts = SingleObjectSerde.of(AlertChange.class);
        try (DataFileStream<AlertChange> in = AvroFiles.open(AlertChange.class, world.resolve("alerts.avro"))) {
            for (AlertChange a : in) {
                all.add(new Arrival(
                        a.getEventTime().toEpochMilli(),
                        new ProducerRecord<>(
                                topics.getAlerts(),
                                null,
                                a.getEventTime().toEpochMilli(),
                                utf8(a.getAlertId()),
                                alerts.encode(a))));
            }
        }
        all.sort(Comparator.comparingLong(Arrival::at));
        return all.stream().map(Arrival::record).toList();
    }

    private static void send(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private static void recreateTopics() throws Exception {
        TopicsConfig topicsConfig = TopicsConfig.load(ConfigLoader.defaults());
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> ours = topicsConfig.topics().keySet().stream()
                    .filter(existing::contains)
                    .toList();
            admin.deleteTopics(ours).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(ours::contains)) {
                Thread.sleep(100);
            }
            String group = JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.LOCAL)
                    .getKafka()
                    .getGroupId();
            if (admin.listConsumerGroups().all().get().stream()
                    .anyMatch(g -> g.groupId().equals(group))) {
                admin.deleteConsumerGroups(List.of(group)).all().get();
            }
        }
        TopicSetup.apply(bootstrap, topicsConfig);
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static TopicNames topics() {
        return JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.LOCAL)
                .getTopics();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
