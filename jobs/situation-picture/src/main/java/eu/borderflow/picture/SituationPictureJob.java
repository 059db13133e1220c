package eu.borderflow.picture;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.JobNames;
import eu.borderflow.job.environment.JobArguments;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.job.ingest.IngestSource;
import eu.borderflow.job.ingest.IngestStreams;
import eu.borderflow.job.ingest.IngestStreams.Watermarks;
import eu.borderflow.job.ingest.NamedSource;
import eu.borderflow.job.metrics.FlagMetrics;
import eu.borderflow.picture.ingest.SectionEvents;
import eu.borderflow.picture.level.AttributedLevel;
import eu.borderflow.picture.level.WindowTimeOperator;
import eu.borderflow.picture.output.MapsInKeyOrder;
import eu.borderflow.picture.output.PictureRevisions;
import eu.borderflow.picture.output.PictureTopic;
import eu.borderflow.picture.pressure.SectionPressureWindow;
import eu.borderflow.picture.window.DataClock;
import eu.borderflow.picture.window.SectionDayView;
import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.picture.window.SectionHourWindow;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionLevelChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The situational-picture job: the Eurosur events layer per border section. Crossings, incidents and flags are
 * counted per section and hour ({@link SectionHourWindow}), summed over the 24 hours ending with each hour
 * ({@link SectionDayView}), assessed for R11 pressure ({@link SectionPressureWindow}, whose flags go to the flag
 * sink), stamped with the attributed level ({@link AttributedLevel}) and numbered into revisions
 * ({@link PictureRevisions}); every operator after the first is keyed by section without a new shuffle. Sources and
 * sinks are given to it, so the same graph runs on Kafka (exactly-once), over dataset files (bounded) and in tests.
 */
public final class SituationPictureJob {

    public static final String NAME = JobNames.PICTURE;
    /** What this job's dead letters name in their {@code job} field. */
    public static final String JOB = "situation-picture-job";

    private static final KeySelector<SectionEvent, String> EVENT_SECTION = SectionEvent::getSectionId;
    private static final KeySelector<PictureUpdate, String> WINDOW_SECTION = PictureUpdate::getSectionId;

    private final PictureSettings settings;
    private final List<NamedSource<BorderCrossing>> crossings;
    private final List<NamedSource<Incident>> incidents;
    private final List<NamedSource<RiskFlag>> riskFlags;
    private final List<NamedSource<SectionLevelChange>> levels;
    private final Sink<PictureUpdate> pictureSink;
    private final Sink<RiskFlag> flagSink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Integer sinkParallelism;
    private final Watermarks riskFlagWatermarks;

    private SituationPictureJob(Builder b) {
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.crossings = List.copyOf(b.crossings);
        this.incidents = List.copyOf(b.incidents);
        this.riskFlags = List.copyOf(b.riskFlags);
        this.levels = List.copyOf(b.levels);
        this.pictureSink = Objects.requireNonNull(b.pictureSink, "picture sink");
        this.flagSink = Objects.requireNonNull(b.flagSink, "flag sink");
        this.deadLetterSink = Objects.requireNonNull(b.deadLetterSink, "dead-letter sink");
        this.sinkParallelism = b.sinkParallelism;
        this.riskFlagWatermarks = b.riskFlagWatermarks;
        if (crossings.isEmpty() && incidents.isEmpty() && riskFlags.isEmpty()) {
            throw new IllegalArgumentException("the picture job needs crossings, incidents or flags to count");
        }
    }

    public static Builder builder(PictureSettings settings) {
        return new Builder(settings);
    }

    /**
     * Parallelism and fault tolerance from the environment's {@code job} section, checkpointing into the picture's
     * own storage, checked against its Kafka settings ({@link JobSetup#configure}).
     */
    public static void configure(StreamExecutionEnvironment env, JobEnvironment environment, Path home) {
        JobSetup.configure(
                env, environment.jobAs(environment.getPicture()), environment.kafkaAs(environment.getPicture()), home);
    }

    /**
     * Entry point of the job jar: {@code [--environment cluster|local] [--config DIR] [--parallelism N]}.
     * Configuration is read here, on the client, once; one the job cannot run with stops it before anything is submitted: as a plain program
     * with exit code 2 and one line on stderr, under {@code flink run} or the REST API with an exception carrying the
     * same message.
     */
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment environment;
        PictureSettings settings;
        try {
            JobArguments arguments = JobArguments.parse(args);
            ConfigLoader config =
                    ConfigLoader.from(arguments.configDir() == null ? null : Path.of(arguments.configDir()));
            environment = arguments.load(config);
            settings = PictureSettings.bind(config);
            configure(env, environment, JobEnvironment.home());
        } catch (ConfigException | IllegalArgumentException e) {
            throw JobSetup.refuse(env, "situational-picture job", e);
        }
        kafka(
                        builder(settings),
                        KafkaEndpoints.streaming(
                                environment.kafkaAs(environment.getPicture()), environment.getTopics()))
                .build()
                .addTo(env);
        env.execute(NAME);
    }

    /** {@code builder} reading and writing the topics of {@code kafka}: the picture job as deployed. */
    public static Builder kafka(Builder builder, KafkaEndpoints kafka) {
        var topics = kafka.topics();
        return builder.crossings(kafka.crossings(), topics.getCrossings())
                .incidents(kafka.input(topics.getIncidents()), topics.getIncidents())
                .riskFlags(kafka.input(topics.getFlags()), topics.getFlags())
                .levels(kafka.input(topics.getSectionLevels()), topics.getSectionLevels())
                .picture(kafka.sink(PictureTopic.serializer(topics.getPicture()), "picture"))
                .flags(kafka.flags())
                .deadLetters(kafka.deadLetters());
    }

    /** Adds the job's operators to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        DeadLetterStreams deadLetters = new DeadLetterStreams();
        SectionEvents inputs = new SectionEvents(
                JOB, new IngestStreams(env, deadLetters, settings.sourceTiming()), settings, deadLetters);
        DataStream<SectionEvent> all = inputs.of(crossings, incidents, riskFlags, riskFlagWatermarks);

        AvroTypeInfo<PictureUpdate> pictureType = new AvroTypeInfo<>(PictureUpdate.class);
        // The data clock, the hour windows' dead letters and the picture updates are few: flushed per record.
        DataStream<Long> reached = SparseOutput.flushEachRecord(
                all.process(new DataClock(settings.outOfOrderness().toMillis()), Types.LONG)
                        .uid(DataClock.UID)
                        .name("data clock"));
        SingleOutputStreamOperator<PictureUpdate> hours =
                deadLetters.from(SparseOutput.flushEachRecord(all.keyBy(EVENT_SECTION, Types.STRING)
                        .connect(reached.broadcast(DataClock.STATE))
                        .process(new SectionHourWindow(settings), pictureType)
                        .uid(SectionHourWindow.UID)
                        .name("section hour window")));
        SingleOutputStreamOperator<PictureUpdate> pressured = SparseOutput.flushEachRecord(bySection(bySection(hours)
                        .process(new SectionDayView(settings), pictureType)
                        .uid("section-day-view")
                        .name("section day view"))
                .process(new SectionPressureWindow(settings), pictureType)
                .uid(SectionPressureWindow.UID)
                .name("R11 section pressure"));

        DataStream<PictureUpdate> levelled = pressured;
        if (!levels.isEmpty()) {
            DataStream<SectionLevelChange> changes = inputs.levelChanges(levels);
            levelled = bySection(pressured)
                    .connect(changes.keyBy(SectionLevelChange::getSectionId, Types.STRING))
                    .transform("attributed level pass-through", pictureType, new WindowTimeOperator(settings))
                    .uid("attributed-level");
        }
        DataStream<PictureUpdate> picture = SparseOutput.flushEachRecord(bySection(levelled)
                .process(new PictureRevisions(settings.allowedLatenessMillis()), pictureType)
                .uid(PictureRevisions.UID)
                .name("picture revisions"));

        SingleOutputStreamOperator<PictureUpdate> ordered = picture.map(new MapsInKeyOrder(), pictureType)
                .uid("picture-maps-in-key-order")
                .name("picture: maps in key order");
        if (sinkParallelism != null) {
            ordered.setParallelism(sinkParallelism);
        }
        sink(ordered.sinkTo(pictureSink).uid("picture-sink").name("picture"));
        // The risk job's flag metrics: R11 flags per status under rule="R11", and the event-time lag at the output.
        sink(SparseOutput.flushEachRecord(pressured
                        .getSideOutput(SectionPressureWindow.FLAGS)
                        .transform(
                                "R11 flags per status, event-time lag",
                                new AvroTypeInfo<>(RiskFlag.class),
                                new FlagMetrics())
                        .uid("flag-metrics"))
                .sinkTo(flagSink)
                .uid("r11-flags-sink")
                .name("R11 flags"));
        sink(deadLetters.sinkTo(deadLetterSink, settings.ingest().getMaxDeadLetterBytes()));
    }

    /** The stream is already partitioned by section: keyed again without a shuffle. */
    private static KeyedStream<PictureUpdate, String> bySection(DataStream<PictureUpdate> stream) {
        return DataStreamUtils.reinterpretAsKeyedStream(stream, WINDOW_SECTION, Types.STRING);
    }

    private void sink(DataStreamSink<?> sink) {
        if (sinkParallelism != null) {
            sink.setParallelism(sinkParallelism);
        }
    }

    /** Settings, sources and sinks of one run. */
    public static final class Builder {
        private final PictureSettings settings;
        private final List<NamedSource<BorderCrossing>> crossings = new ArrayList<>();
        private final List<NamedSource<Incident>> incidents = new ArrayList<>();
        private final List<NamedSource<RiskFlag>> riskFlags = new ArrayList<>();
        private final List<NamedSource<SectionLevelChange>> levels = new ArrayList<>();
        private Watermarks riskFlagWatermarks = Watermarks.EVENT_TIME;
        private Sink<PictureUpdate> pictureSink;
        private Sink<RiskFlag> flagSink;
        private Sink<DeadLetter> deadLetterSink;
        private Integer sinkParallelism;

        private Builder(PictureSettings settings) {
            this.settings = settings;
        }

        /** Crossings in arrival order (a topic, a dataset's {@code crossings.avro}); {@code name} fixes the uids. */
        public Builder crossings(IngestSource<BorderCrossing> source, String name) {
            crossings.add(new NamedSource<>(name, source));
            return this;
        }

        /** Incidents in arrival order (a topic, a dataset's {@code incidents.avro}). */
        public Builder incidents(IngestSource<Incident> source, String name) {
            incidents.add(new NamedSource<>(name, source));
            return this;
        }

        /** The risk job's flags as they are raised ({@code risk.flags}). */
        public Builder riskFlags(IngestSource<RiskFlag> source, String name) {
            riskFlags.add(new NamedSource<>(name, source));
            return this;
        }

        /**
         * The flags of an earlier bounded run, in any order (its {@code flags.avro}): read whole before any window is
         * published, so their trigger time, not their place in the file, decides their window.
         */
        public Builder riskFlagFile(IngestSource<RiskFlag> source, String name) {
            riskFlagWatermarks = Watermarks.AT_END;
            return riskFlags(source, name);
        }

        public Builder levels(IngestSource<SectionLevelChange> source, String name) {
            levels.add(new NamedSource<>(name, source));
            return this;
        }

        public Builder picture(Sink<PictureUpdate> sink) {
            this.pictureSink = sink;
            return this;
        }

        /** Where R11 flags go ({@code risk.flags}, a bounded run's {@code flags.avro}). */
        public Builder flags(Sink<RiskFlag> sink) {
            this.flagSink = sink;
            return this;
        }

        public Builder deadLetters(Sink<DeadLetter> sink) {
            this.deadLetterSink = sink;
            return this;
        }

        /** Parallelism of the three sinks (1 for the single-file sinks of a bounded run); default: the job's. */
        public Builder sinkParallelism(int parallelism) {
            this.sinkParallelism = parallelism;
            return this;
        }

        public SituationPictureJob build() {
            return new SituationPictureJob(this);
        }
    }
}
