package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.cli.Borderflow;
import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.FlinkRestClient;
import eu.borderflow.cli.flink.JobSummary;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.TopicSnapshot;
import eu.borderflow.tools.kafka.BrokerUnavailableException;
import eu.borderflow.tools.kafka.TopicSetup;
import eu.borderflow.tools.kafka.TopicsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * One operations scenario on the shared broker and cluster, independent of the others: its own topics, consumer
 * group and transactional ids (a config folder of its own, which the job reads as {@code --config}), the risk job
 * deployed and changed through the launcher's commands, the world replayed at a steady rate, and the committed output
 * compared with what the job must write.
 */
final class Scenario {

    /** Events per second: the world's 10,325 records take about 70 s, so failures land mid-stream. */
    static final int RATE = 150;

    static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(5);
    /** Short, so output shows soon; failure scenarios take a longer one ({@link #withTopics(String, String)}). */
    private static final String CHECKPOINT_INTERVAL = "PT2S";

    final LocalPlatform platform = LocalPlatform.get();
    final ReplayWorld world = ReplayWorld.get();
    final FlinkCluster cluster = new FlinkCluster(new FlinkRestClient(platform.flinkUrl()));
    final Path configDir;
    final TopicNames topics;
    final String groupId;
    /** How every client of the scenario reaches Kafka: the PLAINTEXT listener, or the SASL one with its settings. */
    final String bootstrap;

    final Map<String, String> kafkaProperties;
    /** The folder of both jobs' checkpoint storage ({@code risk/}, {@code picture/}), absolute. */
    final Path checkpointFolder;

    private final Path kafkaConfig;
    private CompletableFuture<Outcome> replay;

    Scenario(String name) {
        this(name, false, CHECKPOINT_INTERVAL);
    }

    private Scenario(String name, boolean sasl, String checkpointInterval) {
        String id = name + "-" + Long.toString(System.currentTimeMillis(), 36);
        this.configDir = LocalPlatform.ROOT.resolve("var/test-ops/" + id + "/config");
        this.checkpointFolder = LocalPlatform.ROOT.resolve("var/test-ops/" + id + "/checkpoints");
        this.groupId = "borderflow-test-" + id;
        this.bootstrap = sasl ? platform.saslBootstrap() : platform.bootstrap();
        this.kafkaConfig = sasl ? platform.saslClientConfig() : null;
        this.kafkaProperties = sasl ? loadProperties(kafkaConfig) : Map.of();
        writeConfig(id, checkpointInterval);
        this.topics = TopicNames.load(ConfigLoader.from(configDir), "cluster");
    }

    /** A scenario whose topics are created here, over the PLAINTEXT listener. */
    static Scenario withTopics(String name) {
        return withTopics(name, CHECKPOINT_INTERVAL);
    }

    /**
     * The same with another checkpoint interval: a failure scenario takes 10 s, so the failure can be placed well
     * between two checkpoints, with output in open transactions.
     */
    static Scenario withTopics(String name, String checkpointInterval) {
        Scenario scenario = new Scenario(name, false, checkpointInterval);
        TopicSetup.apply(scenario.bootstrap, TopicsConfig.load(ConfigLoader.from(scenario.configDir)));
        return scenario;
    }

    /**
     * A scenario in which every Kafka client goes through the broker's SASL listener only; the job finds the
     * settings in its environment's {@code kafka.properties}, the CLI tools in {@code --kafka-config}. Its topics
     * are not created yet.
     */
    static Scenario overSasl(String name) {
        return new Scenario(name, true, CHECKPOINT_INTERVAL);
    }

    /** Sets one of the {@code job} settings of this scenario's environment before the job is deployed. */
    void jobSetting(String name, int value) {
        Path file = configDir.resolve("environments/cluster.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            ObjectNode environment = (ObjectNode) yaml.readTree(file.toFile());
            ((ObjectNode) environment.get("job")).put(name, value);
            yaml.writeValue(file.toFile(), environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --kafka-config FILE} for the CLI tools, or nothing on the PLAINTEXT listener. */
    List<String> kafkaConfigArgs() {
        return kafkaConfig == null ? List.of() : List.of("--kafka-config", kafkaConfig.toString());
    }

    /** A command's exit code and what it printed. */
    record Outcome(int exitCode, String out) {}

    /** Runs a launcher command in this JVM; {@code onLine} sees each printed line as it is written. */
    static Outcome launcher(java.util.function.Consumer<String> onLine, String... args) {
        StringWriter text = new StringWriter();
        Writer lines = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buffer, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    text.write(buffer[i]);
                    if (buffer[i] == '\n') {
                        onLine.accept(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(buffer[i]);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        var cli = Borderflow.commandLine();
        cli.setOut(new PrintWriter(lines, true));
        cli.setErr(new PrintWriter(lines, true));
        int code = cli.execute(args);
        return new Outcome(code, text.toString());
    }

    static Outcome launcher(String... args) {
        return launcher(line -> {}, args);
    }

    Outcome deploy(String... more) {
        return deploy(DeployableJob.RISK, more);
    }

    /** {@code deploy JOB} of this scenario's configuration on the shared cluster, the build's jar unless given. */
    Outcome deploy(DeployableJob job, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "deploy",
                job.shortName(),
                "--config",
                configDir.toString(),
                "--cluster",
                platform.flinkUrl(),
                "--timeout",
                "300"));
        if (!List.of(more).contains("--jar")) {
            args.addAll(List.of("--jar", jar(job).toString()));
        }
        args.addAll(List.of(more));
        return launcher(args.toArray(String[]::new));
    }

    /** Deploys the job, or fails the test with the launcher's message. */
    String deployOrFail() {
        Outcome deployed = deploy();
        assertEquals(0, deployed.exitCode(), deployed.out());
        return runningJob().id();
    }

    JobSummary runningJob() {
        return runningJob(DeployableJob.RISK);
    }

    JobSummary runningJob(DeployableJob job) {
        return cluster.activeJob(job.flinkName())
                .orElseThrow(() -> new AssertionError("the " + job.shortName() + " job is not running"));
    }

    /** Stops whatever this scenario left running, so the next one finds free slots. */
    void stopJob() {
        for (DeployableJob deployable : DeployableJob.values()) {
            cluster.activeJob(deployable.flinkName()).ifPresent(job -> cluster.cancel(job.id(), Duration.ofMinutes(2)));
        }
    }

    /** Starts replaying the world into this scenario's topics at {@link #RATE} events per second. */
    void startReplay(String... kafkaProperties) {
        startReplay(List.of("--rate", String.valueOf(RATE)), kafkaProperties);
    }

    /** Starts replaying the world as fast as Kafka takes it. */
    void startReplayAtFullSpeed() {
        startReplay(List.of("--max"));
    }

    private void startReplay(List<String> pace, String... kafkaProperties) {
        List<String> args = new ArrayList<>(List.of("replay", "--in", world.dir.toString()));
        args.addAll(pace);
        args.addAll(List.of(
                "--bootstrap",
                bootstrap,
                "--environment",
                "cluster",
                "--config",
                configDir.toString(),
                "--metrics-port",
                "0",
                "--no-progress"));
        args.addAll(kafkaConfigArgs());
        for (String property : kafkaProperties) {
            args.add("--kafka-property");
            args.add(property);
        }
        replay = CompletableFuture.supplyAsync(() -> launcher(args.toArray(String[]::new)));
    }

    Outcome awaitReplay() {
        try {
            return replay.get(OUTPUT_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the replay did not finish within " + OUTPUT_TIMEOUT, e);
        }
    }

    /** Records in the input topics now (the replay's progress). */
    long replayed() {
        return TopicOffsets.total(
                bootstrap, kafkaProperties, List.of(topics.getCrossings(), topics.getAlerts(), topics.getIncidents()));
    }

    /** Waits until {@code fraction} of the world is in Kafka and the job has completed a checkpoint since. */
    void awaitReplayed(double fraction, String jobId) {
        long target = (long) (world.records * fraction);
        await("replay past " + target + " records", () -> replayed() >= target);
        long completed = checkpoints(jobId);
        await("a checkpoint of job " + jobId + " after record " + target, () -> checkpoints(jobId) > completed);
    }

    /**
     * Waits until the job has emitted flags after its last completed checkpoint while no other checkpoint is under
     * way: output in open transactions, which a restore from that checkpoint produces again. A failure now must
     * neither lose nor repeat them (with an at-least-once sink they would show up twice).
     */
    void awaitUncommittedFlags(String jobId) {
        long[] checkpoint = {-1};
        double[] emittedAtCheckpoint = {0};
        await("flags emitted after the last completed checkpoint of job " + jobId, () -> {
            var counts = cluster.rest().get("jobs/" + jobId + "/checkpoints").path("counts");
            long completed = counts.path("completed").asLong();
            double emitted = flagsEmitted(jobId);
            if (completed != checkpoint[0]) {
                checkpoint[0] = completed;
                emittedAtCheckpoint[0] = emitted;
                return false;
            }
            return counts.path("in_progress").asLong() == 0 && emitted > emittedAtCheckpoint[0];
        });
    }

    /** Flag records the job's flag operator has emitted (TaskManager 1's Prometheus endpoint). */
    double flagsEmitted(String jobId) {
        try {
            String metrics = TaskManagerFailureTest.metrics(platform.metricsPort() + 1);
            return metrics.lines()
                    .filter(l -> l.startsWith("flink_taskmanager_job_task_operator_numRecordsOut{")
                            && l.contains("job_id=\"" + jobId + "\"")
                            && l.contains("operator_name=\"flags_per_rule"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    long checkpoints(String jobId) {
        return cluster.rest()
                .get("jobs/" + jobId + "/checkpoints")
                .path("counts")
                .path("completed")
                .asLong();
    }

    /**
     * Waits until the committed flags and audit records hold as many records as expected, lets two more checkpoints
     * complete (a duplicate would show up by then), then compares both with the expected output by content.
     */
    void assertOutputExactlyAsExpected() {
        await(
                "the committed flags and audit records to be complete",
                () -> flags().size() >= world.expectedFlags.size() && audit().size() >= world.expectedAudit.size());
        String jobId = runningJob().id();
        long completed = checkpoints(jobId);
        await("two more checkpoints", () -> checkpoints(jobId) >= completed + 2);
        assertSameContent("flags", world.expectedFlags, flags());
        assertSameContent("audit records", world.expectedAudit, audit());
    }

    List<RiskFlag> flags() {
        return TopicSnapshot.read(bootstrap, kafkaProperties, topics.getFlags(), RiskFlag.class)
                .records();
    }

    List<AuditRecord> audit() {
        return TopicSnapshot.read(bootstrap, kafkaProperties, topics.getAudit(), AuditRecord.class)
                .records();
    }

    /** The dead letters with {@code reasonCode}. */
    List<DeadLetter> deadLetters(String reasonCode) {
        return TopicSnapshot.read(bootstrap, kafkaProperties, topics.getDeadLetters(), DeadLetter.class)
                .records()
                .stream()
                .filter(d -> reasonCode.equals(String.valueOf(d.getReasonCode())))
                .toList();
    }

    /** Equal as multisets of records: none missing, none duplicated, none different. */
    static <T extends SpecificRecord> void assertSameContent(String what, List<T> expected, List<T> actual) {
        List<String> want = sorted(expected);
        List<String> got = sorted(actual);
        if (!want.equals(got)) {
            List<String> missing = new ArrayList<>(want);
            got.forEach(missing::remove);
            List<String> extra = new ArrayList<>(got);
            want.forEach(extra::remove);
            fail(what + ": expected " + want.size() + " records, committed " + got.size() + "; missing "
                    + missing.size() + " " + head(missing) + "; unexpected or duplicated " + extra.size() + " "
                    + head(extra));
        }
    }

    /**
     * Polls {@code condition} until it holds. A poll that cannot reach the broker counts as "not yet": on a loaded
     * machine one admin call can time out while the broker is up; only the deadline fails the test.
     */
    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    /** The same; on timeout the failure also says what {@code state} reports then (what is still missing). */
    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
        BrokerUnavailableException unreachable = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (BrokerUnavailableException e) {
                unreachable = e;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + OUTPUT_TIMEOUT + " waiting for " + what + state.get(), unreachable);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Path jar() {
        return jar(DeployableJob.RISK);
    }

    static Path jar(DeployableJob job) {
        return job.jar(LocalPlatform.ROOT)
                .orElseThrow(() -> new AssertionError("build the job jar first (mvn install): " + job.jarPattern()));
    }

    private static Map<String, String> loadProperties(Path file) {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new java.util.TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }

    private static <T> List<String> sorted(List<T> records) {
        return records.stream().map(Object::toString).sorted().toList();
    }

    private static String head(List<String> records) {
        return records.stream()
                .limit(3)
                .map(r -> r.length() > 300 ? r.substring(0, 300) + "…" : r)
                .toList()
                .toString();
    }

    /** This scenario's environment and topics: the repository's files with its own names and a short checkpoint. */
    private void writeConfig(String id, String checkpointInterval) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            Files.createDirectories(configDir.resolve("environments"));
            Files.copy(world.config.resolve(ReplayWorld.PRIVACY), configDir.resolve(ReplayWorld.PRIVACY));
            ObjectNode environment = (ObjectNode) yaml.readTree(LocalPlatform.ROOT
                    .resolve("config/environments/cluster.yaml")
                    .toFile());
            ObjectNode kafka = (ObjectNode) environment.get("kafka");
            kafka.put("bootstrap_servers", bootstrap);
            ObjectNode clientProperties = kafka.putObject("properties");
            kafkaProperties.forEach(clientProperties::put);
            kafka.put("group_id", groupId);
            kafka.put("transactional_id_prefix", "borderflow-test-" + id);
            kafka.put("starting_offsets", "EARLIEST");
            ObjectNode topicNames = (ObjectNode) environment.get("topics");
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = topicNames.fields();
                    it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> topic = it.next();
                topic.setValue(yaml.getNodeFactory()
                        .textNode(id + "." + topic.getValue().asText()));
            }
            ObjectNode picture = (ObjectNode) environment.get("picture");
            picture.put("group_id", "borderflow-test-" + id + "-picture");
            picture.put("transactional_id_prefix", "borderflow-test-" + id + "-picture");
            ObjectNode job = (ObjectNode) environment.get("job");
            job.put("parallelism", 2);
            job.put("checkpoint_interval", checkpointInterval);
            // Each scenario's own folder, absolute: deploy --resume reads it here as the job writes it on the cluster.
            job.put("checkpoint_storage", checkpointFolder.resolve("risk").toString());
            picture.put(
                    "checkpoint_storage", checkpointFolder.resolve("picture").toString());
            yaml.writeValue(configDir.resolve("environments/cluster.yaml").toFile(), environment);

            ObjectNode topicsFile = (ObjectNode) yaml.readTree(
                    LocalPlatform.ROOT.resolve("config/topics.yaml").toFile());
            ObjectNode renamed = yaml.createObjectNode();
            topicsFile.get("topics").fields().forEachRemaining(t -> renamed.set(id + "." + t.getKey(), t.getValue()));
            topicsFile.set("topics", renamed);
            yaml.writeValue(configDir.resolve("topics.yaml").toFile(), topicsFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
