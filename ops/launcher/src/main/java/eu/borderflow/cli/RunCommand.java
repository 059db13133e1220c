package eu.borderflow.cli;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.RuleStage;
import eu.borderflow.risk.state.TokenKeyMismatchException;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run risk} and {@code run picture}: the risk-flag job or the situational-picture job ({@link PictureRun}) on an
 * embedded Flink MiniCluster, against Kafka or over a dataset's files.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a job on an embedded Flink MiniCluster: risk (the risk-flag job) or picture (the situational picture).",
            "The picture job counts per border section and hour, and raises R11's pressure flags.",
            "  run risk [--bootstrap HOST:PORT] [--parallelism N] [--fresh]",
            "      streams from Kafka until Ctrl-C; flags, dead letters and audit records go to their topics",
            "      exactly-once (read them with isolation.level=read_committed). Checkpoints go to the",
            "      environment's checkpoint_storage (var/checkpoints/risk); started again, the job resumes from",
            "      the latest completed one and emits no flag twice.",
            "  run risk --in DATASET_DIR --out OUT_DIR",
            "      reads crossings.avro and alerts.avro, writes flags.avro, deadletters.avro and audit.avro",
            "      into OUT_DIR, then prints the flags per rule.",
            "  run picture [--bootstrap HOST:PORT] [--parallelism N] [--fresh]",
            "      streams from Kafka until Ctrl-C; picture updates, R11 flags and dead letters go to their",
            "      topics exactly-once. Checkpoints go to the environment's picture.checkpoint_storage",
            "      (var/checkpoints/picture); started again, the job resumes from the latest completed one.",
            "  run picture --in DATASET_DIR --out OUT_DIR [--flags FILE|DIR]",
            "      reads crossings.avro and incidents.avro (and the flags.avro of a bounded risk run), writes",
            "      picture.avro, flags.avro (R11) and deadletters.avro into OUT_DIR, each window once, final."
        },
        footer = {
            "",
            "On a Flink 2.2 cluster the same job runs from its job jar:",
            "  mvn -B -pl jobs/risk-flags -am package -DskipTests",
            "  flink run -c eu.borderflow.risk.RiskFlagJob \\",
            "      jobs/risk-flags/target/borderflow-risk-flags-0.1.0-SNAPSHOT-job.jar --environment cluster",
            "(or POST the jar to the cluster's REST API /jars/upload and /jars/<id>/run with that entry class);",
            "the picture job likewise from jobs/situation-picture/target/borderflow-situation-picture-*-job.jar",
            "with entry class eu.borderflow.picture.SituationPictureJob."
        })
public final class RunCommand implements Callable<Integer> {

    static final String RISK = "risk";
    static final String PICTURE = "picture";
    private static final int RISK_METRICS_PORT = 9249;
    private static final int PICTURE_METRICS_PORT = 9250;
    private static final int RISK_REST_PORT = 8081;
    private static final int PICTURE_REST_PORT = 8082;

    private final Supplier<List<RuleStage>> rules;

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "JOB",
            description = "The job to run: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Jobs.class)
    private String job;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka broker (default: the environment's).")
    private String bootstrap;

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallelism (default: the environment's).")
    private Integer parallelism;

    @Option(names = "--in", paramLabel = "DIR", description = "Dataset folder: run bounded over its files.")
    private Path in;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the bounded run writes its Avro files.")
    private Path out;

    @Option(
            names = "--metrics-port",
            paramLabel = "P",
            description = "The streaming job's Flink metrics (records in and out, dead letters per reason, "
                    + "duplicates, windows and revisions) for Prometheus on http://127.0.0.1:P/metrics; 0 turns them "
                    + "off (default: " + RISK_METRICS_PORT + " for risk, " + PICTURE_METRICS_PORT + " for picture).")
    private Integer metricsPort;

    @Option(
            names = "--flags",
            paramLabel = "FILE|DIR",
            description = "run picture --in: the flags of a bounded risk run (its flags.avro, or its --out folder).")
    private Path flags;

    @Option(
            names = "--rest-port",
            paramLabel = "P",
            description = "The streaming job's Flink REST API (job state, checkpoints, restarts, backpressure: what "
                    + "the dashboard's health page reads) on http://127.0.0.1:P; 0 takes any free port and does not "
                    + "say which (default: " + RISK_REST_PORT + " for risk, a JobManager's; " + PICTURE_REST_PORT
                    + " for picture).")
    private Integer restPort;

    @Option(
            names = "--fresh",
            description = "The streaming run forgets its checkpoints and starts over "
                    + "(by default it resumes from the latest completed checkpoint of an earlier run).")
    private boolean fresh;

    @Mixin
    private ConfigDir configDir;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            defaultValue = JobEnvironment.LOCAL,
            description = "config/environments/NAME.yaml (default: ${DEFAULT-VALUE}).")
    private String environmentName;

    public RunCommand() {
        this(RiskFlagJob::defaultRules);
    }

    RunCommand(Supplier<List<RuleStage>> rules) {
        this.rules = rules;
    }

    /** The jobs {@code run} knows. */
    static final class Jobs implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(RISK, PICTURE).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!RISK.equals(job) && !PICTURE.equals(job)) {
            throw new UserError("unknown job " + job + "; jobs: " + RISK + ", " + PICTURE);
        }
        if (metricsPort == null) {
            metricsPort = RISK.equals(job) ? RISK_METRICS_PORT : PICTURE_METRICS_PORT;
        }
        if (restPort == null) {
            restPort = RISK.equals(job) ? RISK_REST_PORT : PICTURE_REST_PORT;
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new UserError("--metrics-port must be between 0 and 65535");
        }
        if (restPort < 0 || restPort > 65535) {
            throw new UserError("--rest-port must be between 0 and 65535");
        }
        if (parallelism != null && parallelism < 1) {
            throw new UserError("--parallelism must be at least 1");
        }
        if ((in == null) != (out == null)) {
            throw new UserError("a bounded run needs both --in DIR and --out DIR");
        }
        if (in != null && bootstrap != null) {
            throw new UserError("--bootstrap is for the Kafka run; a bounded run (--in/--out) reads files");
        }
        if (flags != null && (in == null || !PICTURE.equals(job))) {
            throw new UserError("--flags is for a bounded picture run (run picture --in DIR --out DIR --flags FILE)");
        }
        if (PICTURE.equals(job)) {
            return picture();
        }
        if (in != null) {
            checkDataset();
            prepareOutput();
        }
        ConfigLoader config = configDir.loader();
        JobEnvironment environment = JobEnvironment.load(config, environmentName);
        RiskSettings settings = RiskSettings.bind(config, environment);
        List<RuleStage> stages = rules.get();
        if (stages.isEmpty()) {
            spec.commandLine().getErr().println("run: no rule stages are registered in RiskFlagJob.defaultRules()");
            return ExitCodes.FAILED;
        }
        return in != null ? bounded(settings, environment, stages) : embedded(settings, environment, stages);
    }

    private int bounded(RiskSettings settings, JobEnvironment environment, List<RuleStage> stages) throws Exception {
        StreamExecutionEnvironment env = localEnvironment(environment, 0, 0);
        JobSetup.configureTypes(env);
        RiskFlagJob.builder(settings)
                .crossings(DatasetFiles.crossings(in), DatasetFiles.CROSSINGS)
                .alerts(DatasetFiles.alerts(in), DatasetFiles.ALERTS)
                .rules(stages)
                .flags(DatasetFiles.flags(out))
                .deadLetters(DatasetFiles.deadLetters(out))
                .audit(DatasetFiles.audit(out))
                .sinkParallelism(1)
                .build()
                .addTo(env);
        EmbeddedNetwork.fit(env);
        env.execute(RiskFlagJob.NAME + " (bounded)");
        BoundedRunSummary.of(out).print(spec.commandLine().getOut(), out);
        return ExitCodes.OK;
    }

    private int embedded(RiskSettings settings, JobEnvironment environment, List<RuleStage> stages) throws Exception {
        if (bootstrap != null) {
            environment.getKafka().setBootstrapServers(bootstrap);
        }
        StreamExecutionEnvironment env = localEnvironment(environment, metricsPort, restPort);
        Path home = JobEnvironment.home();
        RiskFlagJob.configure(env, environment, home);
        String checkpoints = environment.getJob().checkpointUri(home);
        Optional<Path> resume = LatestCheckpoint.resume(env, checkpoints, fresh);
        KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
        RiskFlagJob.builder(settings).kafka(kafka).rules(stages).build().addTo(env);
        EmbeddedNetwork.fit(env);
        BrokerCheck.reachable(environment.getKafka());
        SinkTopics written = new SinkTopics(
                environment.getKafka(),
                List.of(
                        kafka.topics().getFlags(),
                        kafka.topics().getDeadLetters(),
                        kafka.topics().getAudit()),
                "run risk");
        written.checkExist();
        PrintWriter console = spec.commandLine().getOut();
        String broker = environment.getKafka().getBootstrapServers();
        console.println("risk-flag job on an embedded MiniCluster, parallelism " + env.getParallelism() + ", reading "
                + kafka.topics().getCrossings() + " and " + kafka.topics().getAlerts() + " on " + broker);
        console.println("flags -> " + kafka.topics().getFlags() + ", dead letters -> "
                + kafka.topics().getDeadLetters() + ", audit -> "
                + kafka.topics().getAudit()
                + " (exactly-once: visible at each checkpoint to isolation.level=read_committed consumers)");
        if (metricsPort > 0) {
            console.println("metrics for Prometheus: http://127.0.0.1:" + metricsPort + "/metrics");
        }
        if (restPort > 0) {
            console.println("Flink REST API (for the dashboard's health page): http://127.0.0.1:" + restPort);
        }
        console.println("checkpoints: " + checkpoints
                + resume.map(c -> " (resuming from " + c.getFileName() + ")").orElse(" (starting from the beginning)"));
        console.println(
                "Ctrl-C stops the job; run it again to resume from its latest checkpoint " + "(--fresh starts over).");
        console.flush();
        try {
            env.execute(RiskFlagJob.NAME);
        } catch (Exception e) {
            throw ExceptionUtils.findThrowable(e, TokenKeyMismatchException.class)
                    .map(refused -> (Exception) new UserError("not resumed from "
                            + resume.map(Path::toString).orElse("its checkpoint") + ": " + refused.getMessage()
                            + "; `run risk --fresh` starts without it"))
                    .orElseGet(() -> written.explain(e));
        }
        return ExitCodes.OK;
    }

    private int picture() throws Exception {
        Path flagFile = null;
        if (in != null) {
            checkFolder();
            flagFile = PictureRun.checkBounded(in, flags, out);
            prepareOutput();
        }
        ConfigLoader config = configDir.loader();
        JobEnvironment environment = JobEnvironment.load(config, environmentName);
        PictureRun run = new PictureRun(config, environment, spec.commandLine().getOut());
        return in != null
                ? run.bounded(localEnvironment(environment, 0, 0), in, flagFile, out)
                : run.streaming(
                        localEnvironment(environment, metricsPort, restPort), bootstrap, metricsPort, restPort, fresh);
    }

    /**
     * A MiniCluster; with {@code metricsPort} above 0, its metrics for Prometheus; its REST API on 127.0.0.1, on
     * {@code restPort}, or with 0 on a free port nobody is told about.
     */
    private StreamExecutionEnvironment localEnvironment(JobEnvironment environment, int metricsPort, int restPort) {
        // The job section as a deployment would check it, at this run's parallelism; Kafka's transactions only where
        // the run writes to Kafka.
        if (parallelism != null) {
            environment.getJob().setParallelism(parallelism);
        }
        environment.getJob().check(null);
        LocalPorts.free(restPort, "the Flink REST API", "--rest-port");
        LocalPorts.free(metricsPort, "the Prometheus metrics", "--metrics-port");
        int n = environment.getJob().getParallelism();
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.BIND_PORT, String.valueOf(restPort));
        if (metricsPort > 0) {
            configuration.setString(
                    "metrics.reporter.prom.factory.class",
                    "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            configuration.setString("metrics.reporter.prom.port", String.valueOf(metricsPort));
        }
        return StreamExecutionEnvironment.createLocalEnvironment(n, configuration);
    }

    private void checkDataset() {
        checkFolder();
        for (String file : List.of(DatasetFiles.CROSSINGS, DatasetFiles.ALERTS)) {
            if (!Files.isRegularFile(in.resolve(file))) {
                throw new UserError("--in " + in + " has no " + file + " (is it a dataset folder from generate?)");
            }
        }
        AvroInputFile.check("--in", in.resolve(DatasetFiles.CROSSINGS), BorderCrossing.class);
        AvroInputFile.check("--in", in.resolve(DatasetFiles.ALERTS), AlertChange.class);
        AvroInputFile.checkManifest(in, DatasetFiles.CROSSINGS, DatasetFiles.ALERTS);
    }

    private void checkFolder() {
        if (!Files.isDirectory(in)) {
            throw new UserError("--in " + in + " is not a folder");
        }
    }

    private void prepareOutput() {
        OutputFolder.prepare("--out", out);
    }
}
