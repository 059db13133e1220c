package eu.borderflow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.borderflow.cli.ConfigDir;
import eu.borderflow.cli.EmbeddedNetwork;
import eu.borderflow.cli.ExitCodes;
import eu.borderflow.cli.UserError;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.job.environment.RuntimeSettings;
import eu.borderflow.risk.PassthroughStage;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.RuleStage;
import eu.borderflow.tools.replay.ReplayOptions;
import eu.borderflow.tools.replay.Replayer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench job}: the whole risk job against a passthrough baseline built by the same builder (same sources,
 * decoding, validation, watermarks, admission, sinks and parallelism; no rules), measured in one run on one
 * MiniCluster, alternating baseline and job, the first round a warm-up. Then, with Kafka as the source, event-to-flag
 * latency at half the measured capacity, at-least-once and exactly-once. Prints a table, writes JSON.
 */
@Command(
        name = "bench-job",
        mixinStandardHelpOptions = true,
        hidden = true,
        description = "Benchmarks the whole risk job against a passthrough job (ops/borderflow bench job).")
public final class BenchJobCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigDir configDir;

    @Option(
            names = "--crossings",
            defaultValue = "1000000",
            description = "About this many crossings (default: ${DEFAULT-VALUE}).")
    private long crossings;

    @Option(
            names = "--travellers",
            defaultValue = "100000",
            description = "Travellers in the world (default: ${DEFAULT-VALUE}).")
    private int travellers;

    @Option(names = "--state", defaultValue = "heap", description = "heap or rocksdb (default: ${DEFAULT-VALUE}).")
    private String state;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism of both jobs (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(
            names = "--source",
            defaultValue = "kafka",
            description = "kafka (a broker of its own) or files (default: ${DEFAULT-VALUE}).")
    private String source;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the world (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--rounds",
            defaultValue = "2",
            description = "Rounds of passthrough then risk job; the first is a warm-up (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--no-latency", description = "Skip the latency runs (Kafka only).")
    private boolean noLatency;

    @Option(
            names = "--latency-rate",
            paramLabel = "N",
            description = "Events per second of the latency runs (default: half the risk job's measured capacity); a"
                    + " fixed rate compares two builds at the same pace.")
    private Double latencyRate;

    @Option(
            names = "--profile",
            arity = "0..1",
            fallbackValue = "cpu",
            paramLabel = "cpu|alloc",
            description = "Profile each measured run with async-profiler, every thread: CPU samples (cpu, the default)"
                    + " or the bytes allocated (alloc); collapsed stacks in var/bench/job-<run>.collapsed, a flame"
                    + " graph in var/bench/job-<run>.html.")
    private String profile;

    private Profile.Event profileEvent;

    @Option(
            names = "--port",
            description = "Port of the benchmark's broker (default: BORDERFLOW_KAFKA_PORT, else 39092).")
    private Integer port;

    @Option(
            names = "--managed-memory",
            defaultValue = "512m",
            description = "Flink managed memory, RocksDB's (default: ${DEFAULT-VALUE}).")
    private String managedMemory;

    @Override
    public Integer call() throws Exception {
        check();
        return measure();
    }

    private int measure() throws Exception {
        Path home = JobEnvironment.home();
        Path out = Files.createDirectories(home.resolve("var/bench"));
        PrintWriter console = spec.commandLine().getOut();
        ConfigLoader config = configDir.loader();
        BenchWorld world = BenchWorld.prepare(out.resolve("worlds"), seed, travellers, crossings, console);
        boolean kafka = source.equals("kafka");
        BenchBroker broker = kafka
                ? BenchBroker.start(home, out.resolve("job-kafka"), brokerPort(), out.resolve("job-kafka.log"))
                : null;
        Map<String, Object> report = new LinkedHashMap<>();
        // The network sized for the risk job, the larger graph (the latency runs build it again); the broker stops
        // in the finally below when this is refused.
        try (JobRunner runner = new JobRunner(
                parallelism,
                MemorySize.parse(managedMemory),
                EmbeddedNetwork.memoryFor(build(config, broker, world, out, "risk-1", RiskFlagJob.defaultRules())))) {
            DoubleSupplier brokerCpu = broker == null ? () -> 0 : cpuOf(broker.pid());
            if (kafka) {
                LatencyRun.useAppendTime(broker.bootstrap(), environment(config, broker, "preload"));
                console.printf("preloading %s into the broker on %s ...%n", world.dir(), broker.bootstrap());
                console.flush();
                new Replayer(ReplayOptions.builder(
                                        world.dir(),
                                        broker.bootstrap(),
                                        environment(config, broker, "preload").getTopics())
                                .build())
                        .run();
            }
            List<JobRunner.Figures> measured = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (String job : List.of("passthrough", "risk")) {
                    String run = job + "-" + round;
                    boolean measure = round > 1 || rounds == 1;
                    console.printf("round %d/%d: %s job%s ...%n", round, rounds, job, measure ? "" : " (warm-up)");
                    console.flush();
                    StreamExecutionEnvironment env = build(
                            config,
                            broker,
                            world,
                            out,
                            run,
                            job.equals("risk") ? RiskFlagJob.defaultRules() : List.of(new PassthroughStage()));
                    JobRunner.Figures figures = runner.submit(
                                    env,
                                    brokerCpu,
                                    profile != null && measure ? out.resolve("job-" + job) : null,
                                    profileEvent)
                            .await(run, world.crossings());
                    console.println("  " + BenchTable.line(figures));
                    if (measure) {
                        measured.add(figures);
                    }
                }
            }
            report.put("setup", setup(world, broker));
            report.put("runs", measured);
            Map<String, Object> summary = BenchTable.summary(measured, world);
            report.put("summary", summary);
            if (kafka && !noLatency) {
                double rate = latencyRate != null ? latencyRate : (double) summary.get("riskCrossingsPerSecond") / 2;
                report.put(
                        "latency",
                        LatencyRun.measure(
                                runner, config, world, broker, rate, parallelism, stateBackend(), out, console));
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        BenchTable.print(report, console);
        Path json = out.resolve(
                "job-" + source + "-" + state + "-" + Instant.now().toString().replace(':', '-') + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        console.println("report: " + json);
        return ExitCodes.OK;
    }

    private void check() {
        if (!state.equals("heap") && !state.equals("rocksdb")) {
            throw new UserError("--state must be heap or rocksdb, not " + state);
        }
        if (!source.equals("kafka") && !source.equals("files")) {
            throw new UserError("--source must be kafka or files, not " + source);
        }
        if (latencyRate != null && !(latencyRate > 0 && latencyRate < Double.POSITIVE_INFINITY)) {
            throw new UserError("--latency-rate must be a positive number of events per second, not " + latencyRate);
        }
        if (profile != null) {
            profileEvent = Profile.Event.of(profile);
            Profile.load();
        }
        if (crossings < 1000 || travellers < 100 || parallelism < 1 || rounds < 1) {
            throw new UserError(
                    "--crossings at least 1000, --travellers at least 100, --parallelism and --rounds " + "at least 1");
        }
        int days = BenchWorld.daysFor(travellers, crossings);
        LocalDate end = BenchWorld.START.plusDays(days);
        if (source.equals("kafka") && !end.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new UserError(String.format(
                    Locale.ROOT,
                    "about %,d crossings of %,d travellers take %,d days from %s, until %s: with --source kafka the"
                            + " world must lie in the past (Kafka refuses record times more than"
                            + " message.timestamp.after.max.ms, an hour by default, ahead of its clock). Ask for"
                            + " fewer --crossings or more --travellers, or use --source files",
                    crossings,
                    travellers,
                    days,
                    BenchWorld.START,
                    end));
        }
    }

    private int brokerPort() {
        if (port != null) {
            return port;
        }
        String env = System.getenv("BORDERFLOW_KAFKA_PORT");
        return env == null ? 39092 : Integer.parseInt(env);
    }

    private RuntimeSettings.StateBackend stateBackend() {
        return state.equals("rocksdb") ? RuntimeSettings.StateBackend.ROCKSDB : RuntimeSettings.StateBackend.HEAP;
    }

    /** The local environment, on the benchmark's broker, state backend and checkpoint folder, with its own group. */
    JobEnvironment environment(ConfigLoader config, BenchBroker broker, String run) {
        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.LOCAL);
        RuntimeSettings job = environment.getJob();
        job.setParallelism(parallelism);
        job.setStateBackend(stateBackend());
        job.setCheckpointStorage("var/bench/checkpoints/" + run);
        KafkaSettings kafka = environment.getKafka();
        if (broker != null) {
            kafka.setBootstrapServers(broker.bootstrap());
        }
        kafka.setGroupId("bench-" + run + "-" + System.nanoTime());
        kafka.setTransactionalIdPrefix("bench-" + run + "-" + System.nanoTime());
        kafka.setStartingOffsets(KafkaSettings.StartingOffsets.EARLIEST);
        return environment;
    }

    private StreamExecutionEnvironment build(
            ConfigLoader config, BenchBroker broker, BenchWorld world, Path out, String run, List<RuleStage> stages)
            throws Exception {
        JobEnvironment environment = environment(config, broker, run);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RiskFlagJob.configure(env, environment, JobEnvironment.home());
        RiskFlagJob.Builder builder =
                RiskFlagJob.builder(RiskSettings.bind(config, environment)).rules(stages);
        if (broker != null) {
            KafkaEndpoints kafka = KafkaEndpoints.untilEndAtStart(environment);
            builder.kafka(kafka);
        } else {
            Path sink = out.resolve("job-out").resolve(run);
            BenchBroker.deleteTree(sink);
            Files.createDirectories(sink);
            builder.crossings(DatasetFiles.crossings(world.dir()), DatasetFiles.CROSSINGS)
                    .alerts(DatasetFiles.alerts(world.dir()), DatasetFiles.ALERTS)
                    .flags(DatasetFiles.flags(sink))
                    .deadLetters(DatasetFiles.deadLetters(sink))
                    .audit(DatasetFiles.audit(sink))
                    .sinkParallelism(1);
        }
        builder.build().addTo(env);
        return env;
    }

    private Map<String, Object> setup(BenchWorld world, BenchBroker broker) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("source", source);
        setup.put("state", state);
        setup.put("parallelism", parallelism);
        setup.put("world", world.dir().toString());
        setup.put("crossings", world.crossings());
        setup.put("travellers", world.activeTravellers());
        setup.put("days", world.days());
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        setup.put("loadAverageAtEnd", loadAverage());
        setup.put(
                "cpuCounted",
                broker == null ? "this JVM (job, MiniCluster)" : "this JVM (job, MiniCluster) + the broker process");
        return setup;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static DoubleSupplier cpuOf(long pid) {
        return () -> ProcessCpu.seconds(pid);
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
