package eu.borderflow.risk;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.risk.alerts.AlertRules;
import eu.borderflow.job.config.RetentionConfig;
import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.RuntimeSettings;
import eu.borderflow.job.ingest.AlertValidator;
import eu.borderflow.job.ingest.CrossingDeduplicator;
import eu.borderflow.job.ingest.CrossingValidator;
import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.DecodeAndValidate;
import eu.borderflow.job.ingest.KnownBcps;
import eu.borderflow.job.ingest.RawRecord;
import eu.borderflow.job.ingest.RecordValidator;
import eu.borderflow.job.ingest.ValidateDecoded;
import eu.borderflow.job.metrics.FlagMetrics;
import eu.borderflow.job.state.EntryCountingStateBackendFactory;
import eu.borderflow.risk.sink.FlagAudit;
import eu.borderflow.risk.traveller.TravellerRules;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The risk-flag job. Sources and sinks are given to it, so the same graph runs on Kafka (exactly-once), on dataset
 * files (bounded) and in tests: bytes → decode → validate → watermarks → deduplicate → rule stages → flags, with dead
 * letters and an audit record per flag revision on their own sinks.
 */
public final class RiskFlagJob {

    public static final String NAME = "borderflow risk-flag job";

    private final ConfigLoader config;
    private final List<Input<BorderCrossing>> crossings;
    private final List<Input<AlertChange>> alerts;
    private final List<RuleStage> rules;
    private final KnownBcps bcps;
    private final Sink<RiskFlag> flagSink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Sink<AuditRecord> auditSink;
    private final Integer sinkParallelism;

    private RiskFlagJob(Builder b) {
        this.config = b.config;
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

    public static Builder builder(ConfigLoader config) {
        return new Builder(config);
    }

    /** The production rule stages: the EES-file and document rules (R3-R8) and the SIS alert rules (R1, R2, R9, R10). */
    public static List<RuleStage> defaultRules() {
        return List.of(
                (crossings, alerts, config) -> TravellerRules.apply(crossings, config),
                AlertRules::apply);
    }

    /**
     * Parallelism and checkpointing from the environment; heap state with a count of its entries per operator
     * ({@code stateEntries}); no Kryo; object reuse (no operator mutates its input).
     */
    public static void configure(StreamExecutionEnvironment env, RuntimeSettings settings) {
        env.setParallelism(settings.getParallelism());
        env.enableCheckpointing(settings.getCheckpointInterval().toMillis());
        env.configure(EntryCountingStateBackendFactory.configure(new Configuration(),
                StateBackendLoader.HASHMAP_STATE_BACKEND_NAME));
        configureTypes(env);
    }

    /** No Kryo fallback, so a type without a registered serializer fails loudly; object reuse is safe here. */
    public static void configureTypes(StreamExecutionEnvironment env) {
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.getConfig().enableObjectReuse();
    }

    /** Entry point of the job jar: {@code [--environment cluster|local] [--config DIR]}. */
    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parse(args);
        ConfigLoader config = ConfigLoader.from(arguments.configDir() == null ? null : Path.of(arguments.configDir()));
        JobEnvironment environment = JobEnvironment.load(config, arguments.environment());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, environment.getJob());
        KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
        builder(config)
                .rawCrossings(kafka.crossings(), kafka.topics().getCrossings())
                .rawAlerts(kafka.alerts(), kafka.topics().getAlerts())
                .rules(defaultRules())
                .flags(kafka.flags())
                .deadLetters(kafka.deadLetters())
                .audit(kafka.audit())
                .build()
                .addTo(env);
        env.execute(NAME);
    }

    /** Adds the job's operators to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        TimeConfig time = TimeConfig.load(config);
        RetentionConfig retention = RetentionConfig.load(config);
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();

        DataStream<BorderCrossing> validCrossings = ingest(env, crossings, BorderCrossing.class,
                new CrossingValidator(bcps), c -> c.getEventTime().toEpochMilli(), time, deadLetters);
        DataStream<BorderCrossing> uniqueCrossings = validCrossings
                .keyBy(BorderCrossing::getEventId, Types.STRING)
                .process(new CrossingDeduplicator(Duration.ofDays(retention.getDedupDays())),
                        new AvroTypeInfo<>(BorderCrossing.class))
                .uid("crossings-dedup").name("crossings: drop re-sent");
        DataStream<AlertChange> validAlerts = ingest(env, alerts, AlertChange.class,
                new AlertValidator(), a -> a.getEventTime().toEpochMilli(), time, deadLetters);

        DataStream<RiskFlag> allFlags = null;
        for (RuleStage stage : rules) {
            DataStream<RiskFlag> stageFlags = stage.apply(uniqueCrossings, validAlerts, config);
            allFlags = allFlags == null ? stageFlags : allFlags.union(stageFlags);
        }
        DataStream<RiskFlag> flags = allFlags
                .transform("flags per rule, event-time lag", new AvroTypeInfo<>(RiskFlag.class), new FlagMetrics())
                .uid("flag-metrics");
        sink(flags.sinkTo(flagSink).uid("flags-sink").name("flags"));
        sink(flags.map(new FlagAudit(), new AvroTypeInfo<>(AuditRecord.class))
                .uid("flag-audit").name("audit record per flag revision")
                .sinkTo(auditSink).uid("audit-sink").name("audit"));
        DataStream<DeadLetter> allDeadLetters = deadLetters.get(0);
        for (DataStream<DeadLetter> more : deadLetters.subList(1, deadLetters.size())) {
            allDeadLetters = allDeadLetters.union(more);
        }
        sink(allDeadLetters.sinkTo(deadLetterSink).uid("deadletters-sink").name("dead letters"));
    }

    /**
     * Watermarks are generated inside each source, per Kafka partition or file split: one reader interleaves several
     * partitions, each in arrival order, and a watermark taken after the reader would run ahead of the slowest
     * partition and make its records late. Kafka inputs take event time from the record timestamp, which the topic
     * contract sets to {@code event_time}.
     */
    private <T extends SpecificRecordBase> DataStream<T> ingest(StreamExecutionEnvironment env, List<Input<T>> inputs,
            Class<T> type, RecordValidator<T> validator, ValidateDecoded.EventTime<T> eventTime, TimeConfig time,
            List<DataStream<DeadLetter>> deadLetters) {
        AvroTypeInfo<T> typeInfo = new AvroTypeInfo<>(type);
        DataStream<T> union = null;
        for (Input<T> input : inputs) {
            SingleOutputStreamOperator<T> valid;
            if (input.raw() != null) {
                valid = env.fromSource(input.raw(), watermarks(time, (r, ts) -> r.getTimestamp()),
                                "read " + input.name(), Types.POJO(RawRecord.class))
                        .uid("source:" + input.name())
                        .process(new DecodeAndValidate<>(type, validator), typeInfo)
                        .uid("decode:" + input.name()).name("decode and validate " + input.name());
            } else {
                valid = env.fromSource(input.decoded(), watermarks(time, (r, ts) -> eventTime.of(r)),
                                "read " + input.name(), typeInfo)
                        .uid("source:" + input.name())
                        .process(new ValidateDecoded<>(type, input.name(), validator, eventTime), typeInfo)
                        .uid("validate:" + input.name()).name("validate " + input.name());
            }
            deadLetters.add(valid.getSideOutput(DeadLetters.TAG));
            union = union == null ? valid : union.union(valid);
        }
        return union;
    }

    private static <T> WatermarkStrategy<T> watermarks(TimeConfig time, SerializableTimestampAssigner<T> eventTime) {
        return WatermarkStrategy.<T>forBoundedOutOfOrderness(time.getOutOfOrderness())
                .withTimestampAssigner(eventTime)
                .withIdleness(time.getSourceIdleness());
    }

    private void sink(DataStreamSink<?> sink) {
        if (sinkParallelism != null) {
            sink.setParallelism(sinkParallelism);
        }
    }

    /** One source of crossings or alert changes: raw Kafka records, or records already decoded (dataset files). */
    private record Input<T>(String name, Source<RawRecord, ?, ?> raw, Source<T, ?, ?> decoded) {
    }

    /** Sources, sinks and rule stages of one run. */
    public static final class Builder {
        private final ConfigLoader config;
        private final List<Input<BorderCrossing>> crossings = new ArrayList<>();
        private final List<Input<AlertChange>> alerts = new ArrayList<>();
        private final List<RuleStage> rules = new ArrayList<>();
        private KnownBcps bcps;
        private Sink<RiskFlag> flagSink;
        private Sink<DeadLetter> deadLetterSink;
        private Sink<AuditRecord> auditSink;
        private Integer sinkParallelism;

        private Builder(ConfigLoader config) {
            this.config = config;
        }

        /** Raw Kafka records of crossings; {@code name} (e.g. the topic) names the operators and fixes their uids. */
        public Builder rawCrossings(Source<RawRecord, ?, ?> source, String name) {
            crossings.add(new Input<>(name, source, null));
            return this;
        }

        public Builder crossings(Source<BorderCrossing, ?, ?> source, String name) {
            crossings.add(new Input<>(name, null, source));
            return this;
        }

        public Builder rawAlerts(Source<RawRecord, ?, ?> source, String name) {
            alerts.add(new Input<>(name, source, null));
            return this;
        }

        public Builder alerts(Source<AlertChange, ?, ?> source, String name) {
            alerts.add(new Input<>(name, null, source));
            return this;
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
