package eu.borderflow.risk;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.JobNames;
import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.job.environment.JobArguments;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.job.ingest.AlertChangeAdmission;
import eu.borderflow.job.ingest.AlertHeartbeats;
import eu.borderflow.job.ingest.AlertValidator;
import eu.borderflow.job.ingest.CrossingAdmission;
import eu.borderflow.job.ingest.CrossingValidator;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.job.ingest.IngestSource;
import eu.borderflow.job.ingest.IngestStreams;
import eu.borderflow.job.ingest.JobInput;
import eu.borderflow.job.ingest.KnownBcps;
import eu.borderflow.job.ingest.NamedSource;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.job.metrics.FlagMetrics;
import eu.borderflow.risk.alerts.AlertRules;
import eu.borderflow.risk.sink.FlagAudit;
import eu.borderflow.risk.traveller.TravellerRules;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.DecodeLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The risk-flag job. Sources and sinks are given to it, so the same graph runs on Kafka (exactly-once), on dataset
 * files (bounded) and in tests: bytes → decode → validate → watermarks → deduplicate → rule stages → flags, with dead
 * letters and an audit record per flag revision on their own sinks.
 */
public final class RiskFlagJob {

    public static final String NAME = JobNames.RISK;
    /** What this job's dead letters name in their {@code job} field. */
    public static final String JOB = "risk-flag-job";
    /** What a dead letter of an operator failure names as its source, once a record has left its topic or file. */
    public static final JobInput CROSSINGS = new JobInput(JOB, "crossings");

    public static final JobInput ALERTS = CROSSINGS.other("alert changes");

    private final RiskSettings settings;
    private final List<NamedSource<BorderCrossing>> crossings;
    private final List<NamedSource<AlertChange>> alerts;
    private final List<RuleStage> rules;
    private final KnownBcps bcps;
    private final Sink<RiskFlag> flagSink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Sink<AuditRecord> auditSink;
    private final Integer sinkParallelism;

    private RiskFlagJob(Builder b) {
        this.settings = b.settings;
        this.crossings = List.copyOf(b.crossings);
        this.alerts = List.copyOf(b.alerts);
        this.rules = List.copyOf(b.rules);
        this.bcps = b.bcps == null ? KnownBcps.fromClasspath() : b.bcps;
        this.flagSink = Objects.requireNonNull(b.flagSink, "flag sink");
        this.deadLetterSink = Objects.requireNonNull(b.deadLetterSink, "dead-letter sink");
        this.auditSink = Objects.requireNonNull(b.auditSink, "audit sink");
        this.sinkParallelism = b.sinkParallelism;
        if (crossings.isEmpty() || alerts.isEmpty()) {
            throw new IllegalArgumentException("the job needs at least one crossing source and one alert source");
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("the job needs at least one rule stage");
        }
    }

    /** A job on {@code settings}, bound on the client from {@code config/} ({@link RiskSettings#bind}). */
    public static Builder builder(RiskSettings settings) {
        return new Builder(settings);
    }

    /** The production rule stages: the EES-file and document rules (R3-R8) and the SIS alert rules (R1, R2, R9,
     * R10). */
    public static List<RuleStage> defaultRules() {
        return List.of(
                (crossings, alerts, settings, deadLetters) -> TravellerRules.apply(crossings, settings, deadLetters),
                AlertRules::apply);
    }

    /**
     * Parallelism and fault tolerance from the environment's {@code job} section, checked against its Kafka settings
     * ({@link JobSetup#configure}).
     */
    public static void configure(StreamExecutionEnvironment env, JobEnvironment environment, Path home) {
        JobSetup.configure(env, environment.getJob(), environment.getKafka(), home);
    }

    /**
     * Entry point of the job jar: {@code [--environment cluster|local] [--config DIR] [--parallelism N]}.
     * Configuration and the pseudonymisation key ({@code BORDERFLOW_TOKEN_KEY}) are read here, on the client, once.
     * A configuration the job
     * cannot run with (no key outside the local demo, settings that contradict each other) stops it before anything
     * is submitted: as a plain program with exit code 2 and one line on stderr; under {@code flink run} or the REST
     * API with an exception carrying the same message (exiting would stop the JobManager that runs main).
     */
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        try {
            JobArguments arguments = JobArguments.parse(args);
            ConfigLoader config =
                    ConfigLoader.from(arguments.configDir() == null ? null : Path.of(arguments.configDir()));
            JobEnvironment environment = arguments.load(config);
            RiskSettings settings = RiskSettings.bind(config, environment);
            configure(env, environment, JobEnvironment.home());
            // The rules bind and check their sections of rules.yaml while the graph is built.
            KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
            builder(settings).kafka(kafka).rules(defaultRules()).build().addTo(env);
        } catch (ConfigException | IllegalArgumentException e) {
            throw JobSetup.refuse(env, "risk-flag job", e);
        }
        env.execute(NAME);
    }

    /** Adds the job's operators to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        TimeConfig time = settings.time();
        DecodeLimits limits = settings.ingest().decodeLimits();
        DeadLetterStreams deadLetters = new DeadLetterStreams();
        IngestStreams sources = new IngestStreams(env, deadLetters, time.sourceTiming());

        RecordIngest<BorderCrossing> crossingIngest = new RecordIngest<>(
                        JOB,
                        BorderCrossing.class,
                        new CrossingValidator(bcps, settings.ingest()),
                        c -> c.getEventTime().toEpochMilli(),
                        BorderCrossing::getEventId,
                        limits)
                .withRecordTimeBound(settings.ingest().getMaxClockSkew());
        DataStream<BorderCrossing> validCrossings = sources.valid(crossings, crossingIngest);
        DataStream<BorderCrossing> admittedCrossings = deadLetters.from(validCrossings
                .keyBy(c -> c.getTraveller().getFileId(), Types.STRING)
                .process(
                        new CrossingAdmission(time.getAllowedLateness(), CROSSINGS),
                        new AvroTypeInfo<>(BorderCrossing.class))
                .uid(CrossingAdmission.UID)
                .name("crossings: drop re-sent, dead-letter late"));

        RecordIngest<AlertChange> alertIngest = new RecordIngest<>(
                        JOB,
                        AlertChange.class,
                        new AlertValidator(settings.ingest()),
                        a -> a.getEventTime().toEpochMilli(),
                        AlertChange::getChangeId,
                        limits)
                .withHeartbeats(new AlertHeartbeats(settings.ingest()))
                .withRecordTimeBound(settings.ingest().getMaxClockSkew());
        DataStream<AlertChange> validAlerts = sources.sparse().valid(alerts, alertIngest);
        DataStream<AlertChange> admittedAlerts = deadLetters.from(SparseOutput.flushEachRecord(validAlerts
                .keyBy(AlertChange::getAlertId, Types.STRING)
                .process(
                        new AlertChangeAdmission(time.getAllowedLateness(), ALERTS),
                        new AvroTypeInfo<>(AlertChange.class))
                .uid(AlertChangeAdmission.UID)
                .name("alert changes: drop re-sent, dead-letter late")));

        DataStream<RiskFlag> allFlags = null;
        for (RuleStage stage : rules) {
            DataStream<RiskFlag> stageFlags = stage.apply(admittedCrossings, admittedAlerts, settings, deadLetters);
            allFlags = allFlags == null ? stageFlags : allFlags.union(stageFlags);
        }
        DataStream<RiskFlag> flags = SparseOutput.flushEachRecord(allFlags.transform(
                        "flags per rule, event-time lag", new AvroTypeInfo<>(RiskFlag.class), new FlagMetrics())
                .uid("flag-metrics"));
        sink(flags.sinkTo(flagSink).uid("flags-sink").name("flags"));
        sink(deadLetters
                .from(SparseOutput.flushEachRecord(flags.process(new FlagAudit(), new AvroTypeInfo<>(AuditRecord.class))
                        .uid(FlagAudit.UID)
                        .name("audit record per flag revision")))
                .sinkTo(auditSink)
                .uid("audit-sink")
                .name("audit"));
        sink(deadLetters.sinkTo(deadLetterSink, settings.ingest().getMaxDeadLetterBytes()));
    }

    private void sink(DataStreamSink<?> sink) {
        if (sinkParallelism != null) {
            sink.setParallelism(sinkParallelism);
        }
    }

    /** Sources, sinks and rule stages of one run. */
    public static final class Builder {
        private final RiskSettings settings;
        private final List<NamedSource<BorderCrossing>> crossings = new ArrayList<>();
        private final List<NamedSource<AlertChange>> alerts = new ArrayList<>();
        private final List<RuleStage> rules = new ArrayList<>();
        private KnownBcps bcps;
        private Sink<RiskFlag> flagSink;
        private Sink<DeadLetter> deadLetterSink;
        private Sink<AuditRecord> auditSink;
        private Integer sinkParallelism;

        private Builder(RiskSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Crossings from a Kafka topic, a dataset file or a test; {@code name} names the operators, fixes their uids. */
        public Builder crossings(IngestSource<BorderCrossing> source, String name) {
            crossings.add(new NamedSource<>(name, source));
            return this;
        }

        public Builder alerts(IngestSource<AlertChange> source, String name) {
            alerts.add(new NamedSource<>(name, source));
            return this;
        }

        /** The contract's topics of {@code kafka}: crossings and alerts in, flags, dead letters and audit out. */
        public Builder kafka(KafkaEndpoints kafka) {
            return crossings(kafka.crossings(), kafka.topics().getCrossings())
                    .alerts(kafka.alerts(), kafka.topics().getAlerts())
                    .flags(kafka.flags())
                    .deadLetters(kafka.deadLetters())
                    .audit(kafka.audit());
        }

        public Builder rules(List<RuleStage> stages) {
            rules.addAll(stages);
            return this;
        }

        /** The BCPs the job accepts; by default the shipped reference table ({@link KnownBcps#fromClasspath()}). */
        public Builder knownBcps(KnownBcps knownBcps) {
            this.bcps = knownBcps;
            return this;
        }

        public Builder flags(Sink<RiskFlag> sink) {
            this.flagSink = sink;
            return this;
        }

        public Builder deadLetters(Sink<DeadLetter> sink) {
            this.deadLetterSink = sink;
            return this;
        }

        public Builder audit(Sink<AuditRecord> sink) {
            this.auditSink = sink;
            return this;
        }

        /** Parallelism of the three sinks (1 for the single-file sinks of a bounded run); default: the job's. */
        public Builder sinkParallelism(int parallelism) {
            this.sinkParallelism = parallelism;
            return this;
        }

        public RiskFlagJob build() {
            return new RiskFlagJob(this);
        }
    }
}
