package eu.borderflow.picture;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobArguments;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.RuntimeSettings;
import eu.borderflow.job.ingest.CrossingDeduplicator;
import eu.borderflow.job.ingest.CrossingValidator;
import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.KnownBcps;
import eu.borderflow.job.ingest.RawRecord;
import eu.borderflow.picture.ingest.CrossingToSection;
import eu.borderflow.picture.ingest.FlagToSection;
import eu.borderflow.picture.ingest.FlagValidator;
import eu.borderflow.picture.ingest.IncidentToSection;
import eu.borderflow.picture.ingest.IncidentValidator;
import eu.borderflow.picture.ingest.KnownSections;
import eu.borderflow.picture.ingest.LevelChangeValidator;
import eu.borderflow.picture.ingest.PictureIngest;
import eu.borderflow.picture.ingest.PictureIngest.FileWatermarks;
import eu.borderflow.picture.ingest.PictureInput;
import eu.borderflow.picture.level.AttributedLevel;
import eu.borderflow.picture.output.MapsInKeyOrder;
import eu.borderflow.picture.output.PictureRevisions;
import eu.borderflow.picture.output.PictureTopic;
import eu.borderflow.picture.pressure.SectionPressureWindow;
import eu.borderflow.picture.window.DataClock;
import eu.borderflow.picture.window.PictureWindows;
import eu.borderflow.picture.window.SectionDayView;
import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.picture.window.SectionHourWindow;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionLevelChange;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The situational-picture job: the Eurosur events layer per border section. Crossings, incidents and flags are
 * counted per section and hour ({@link SectionHourWindow}), summed over the 24 hours ending with each hour
 * ({@link SectionDayView}), assessed for R11 pressure ({@link SectionPressureWindow}, whose flags go to the flag
 * sink), stamped with the attributed level ({@link AttributedLevel}) and numbered into revisions
 * ({@link PictureRevisions}); every operator after the first is keyed by section without a new shuffle. Sources and
 * sinks are given to it, so the same graph runs on Kafka (exactly-once), over dataset files (bounded) and in tests.
 */
public final class SituationPictureJob {

    public static final String NAME = "borderflow situational-picture job";
    /** What this job's dead letters name in their {@code job} field. */
    public static final String JOB = "situation-picture-job";
    private static final KeySelector<SectionEvent, String> EVENT_SECTION = SectionEvent::getSectionId;
    private static final KeySelector<PictureUpdate, String> WINDOW_SECTION = PictureUpdate::getSectionId;

    private final PictureSettings settings;
    private final List<PictureInput<BorderCrossing>> crossings;
    private final List<PictureInput<Incident>> incidents;
    private final List<PictureInput<RiskFlag>> flags;
    private final List<PictureInput<SectionLevelChange>> levels;
    private final Sink<PictureUpdate> pictureSink;
    private final Sink<RiskFlag> flagSink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Integer sinkParallelism;

    private SituationPictureJob(Builder b) {
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.crossings = List.copyOf(b.crossings);
        this.incidents = List.copyOf(b.incidents);
        this.flags = List.copyOf(b.flags);
        this.levels = List.copyOf(b.levels);
        this.pictureSink = Objects.requireNonNull(b.pictureSink, "picture sink");
        this.flagSink = Objects.requireNonNull(b.flagSink, "flag sink");
        this.deadLetterSink = Objects.requireNonNull(b.deadLetterSink, "dead-letter sink");
        this.sinkParallelism = b.sinkParallelism;
        if (crossings.isEmpty() && incidents.isEmpty() && flags.isEmpty()) {
            throw new IllegalArgumentException("the picture job needs crossings, incidents or flags to count");
        }
    }

    public static Builder builder(PictureSettings settings) {
        return new Builder(settings);
    }

    /** Parallelism and checkpointing from the environment; no Kryo; object reuse (no operator mutates its input). */
    public static void configure(StreamExecutionEnvironment env, RuntimeSettings runtime) {
        env.setParallelism(runtime.getParallelism());
        env.enableCheckpointing(runtime.getCheckpointInterval().toMillis());
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
        kafka(builder(PictureSettings.bind(config)), KafkaEndpoints.streaming(
                environment.kafkaAs(environment.getPicture()), environment.getTopics()))
                .build()
                .addTo(env);
        env.execute(NAME);
    }

    /** {@code builder} reading and writing the topics of {@code kafka}: the picture job as deployed. */
    public static Builder kafka(Builder builder, KafkaEndpoints kafka) {
        var topics = kafka.topics();
        return builder
                .rawCrossings(kafka.source(topics.getCrossings()), topics.getCrossings())
                .rawIncidents(kafka.source(topics.getIncidents()), topics.getIncidents())
                .rawFlags(kafka.source(topics.getFlags()), topics.getFlags())
                .rawLevels(kafka.source(topics.getSectionLevels()), topics.getSectionLevels())
                .picture(kafka.sink(PictureTopic.serializer(topics.getPicture()), "picture"))
                .flags(kafka.flags())
                .deadLetters(kafka.deadLetters());
    }

    /** Adds the job's operators to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        PictureIngest ingest = new PictureIngest(env, settings);
        KnownSections sections = new KnownSections(settings.referenceLevels().keySet());
        TypeInformation<SectionEvent> eventType = TypeInformation.of(SectionEvent.class);
        List<DataStream<SectionEvent>> events = new ArrayList<>();
        if (!crossings.isEmpty()) {
            events.add(ingest.valid(crossings, BorderCrossing.class,
                            new CrossingValidator(KnownBcps.of(settings.bcpSections().keySet())),
                            c -> c.getEventTime().toEpochMilli(), FileWatermarks.EVENT_TIME)
                    .keyBy(BorderCrossing::getEventId, Types.STRING)
                    .process(new CrossingDeduplicator(Duration.ofMillis(settings.allowedLatenessMillis()
                            + PictureWindows.HOUR_MILLIS)), new AvroTypeInfo<>(BorderCrossing.class))
                    .uid("crossings-dedup").name("crossings: drop re-sent")
                    .map(new CrossingToSection(names(crossings), settings.bcpSections()), eventType)
                    .uid("crossings-to-section").name("crossings: section and direction only"));
        }
        if (!incidents.isEmpty()) {
            events.add(ingest.valid(incidents, Incident.class, new IncidentValidator(sections),
                            i -> i.getEventTime().toEpochMilli(), FileWatermarks.EVENT_TIME)
                    .map(new IncidentToSection(names(incidents)), eventType)
                    .uid("incidents-to-section").name("incidents: section facts"));
        }
        if (!flags.isEmpty()) {
            events.add(ingest.valid(flags, RiskFlag.class, new FlagValidator(sections),
                            f -> f.getEventTime().toEpochMilli(), FileWatermarks.AT_END)
                    .flatMap(new FlagToSection(names(flags)), eventType)
                    .uid("flags-to-section").name("flags: section, rule and status"));
        }
        DataStream<SectionEvent> all = events.get(0);
        for (DataStream<SectionEvent> more : events.subList(1, events.size())) {
            all = all.union(more);
        }

        AvroTypeInfo<PictureUpdate> pictureType = new AvroTypeInfo<>(PictureUpdate.class);
        DataStream<Long> reached = all.process(new DataClock(settings.outOfOrderness().toMillis()), Types.LONG)
                .uid("data-clock").name("data clock");
        SingleOutputStreamOperator<PictureUpdate> hours = all.keyBy(EVENT_SECTION, Types.STRING)
                .connect(reached.broadcast(DataClock.STATE))
                .process(new SectionHourWindow(settings), pictureType)
                .uid("section-hour-window").name("section hour window");
        ingest.addDeadLetters(hours.getSideOutput(DeadLetters.TAG));
        SingleOutputStreamOperator<PictureUpdate> pressured = bySection(bySection(hours)
                .process(new SectionDayView(settings), pictureType)
                .uid("section-day-view").name("section day view"))
                .process(new SectionPressureWindow(settings), pictureType)
                .uid("section-pressure-r11").name("R11 section pressure");

        DataStream<PictureUpdate> levelled = pressured;
        if (!levels.isEmpty()) {
            DataStream<SectionLevelChange> changes = ingest.valid(levels, SectionLevelChange.class,
                    new LevelChangeValidator(sections), l -> l.getChangedAt().toEpochMilli(), FileWatermarks.EVENT_TIME);
            levelled = bySection(pressured)
                    .connect(changes.keyBy(SectionLevelChange::getSectionId, Types.STRING))
                    .process(new AttributedLevel(settings), pictureType)
                    .uid("attributed-level").name("attributed level pass-through");
        }
        DataStream<PictureUpdate> picture = bySection(levelled)
                .process(new PictureRevisions(settings.allowedLatenessMillis()), pictureType)
                .uid("picture-revisions").name("picture revisions");

        SingleOutputStreamOperator<PictureUpdate> ordered = picture.map(new MapsInKeyOrder(), pictureType)
                .uid("picture-maps-in-key-order").name("picture: maps in key order");
        if (sinkParallelism != null) {
            ordered.setParallelism(sinkParallelism);
        }
        sink(ordered.sinkTo(pictureSink).uid("picture-sink").name("picture"));
        sink(pressured.getSideOutput(SectionPressureWindow.FLAGS).sinkTo(flagSink).uid("r11-flags-sink")
                .name("R11 flags"));
        // jobs/runtime's ingest operators name the risk job in the dead letters they make.
        sink(ingest.deadLetters()
                .map(d -> DeadLetter.newBuilder(d).setJob(JOB).build(), new AvroTypeInfo<>(DeadLetter.class))
                .uid("deadletters-job").name("dead letters: this job's name")
                .sinkTo(deadLetterSink).uid("deadletters-sink").name("dead letters"));
    }

    /** The source a LATE dead letter names: the input's topic or file (its names joined, when several). */
    private static String names(List<? extends PictureInput<?>> inputs) {
        return String.join("+", inputs.stream().map(PictureInput::name).toList());
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
        private final List<PictureInput<BorderCrossing>> crossings = new ArrayList<>();
        private final List<PictureInput<Incident>> incidents = new ArrayList<>();
        private final List<PictureInput<RiskFlag>> flags = new ArrayList<>();
        private final List<PictureInput<SectionLevelChange>> levels = new ArrayList<>();
        private Sink<PictureUpdate> pictureSink;
        private Sink<RiskFlag> flagSink;
        private Sink<DeadLetter> deadLetterSink;
        private Integer sinkParallelism;

        private Builder(PictureSettings settings) {
            this.settings = settings;
        }

        public Builder rawCrossings(Source<RawRecord, ?, ?> source, String name) {
            crossings.add(PictureInput.raw(source, name));
            return this;
        }

        /** Decoded crossings in arrival order (a dataset's {@code crossings.avro}). */
        public Builder crossings(Source<BorderCrossing, ?, ?> source, String name) {
            crossings.add(PictureInput.decoded(source, name));
            return this;
        }

        public Builder rawIncidents(Source<RawRecord, ?, ?> source, String name) {
            incidents.add(PictureInput.raw(source, name));
            return this;
        }

        /** Decoded incidents in arrival order (a dataset's {@code incidents.avro}). */
        public Builder incidents(Source<Incident, ?, ?> source, String name) {
            incidents.add(PictureInput.decoded(source, name));
            return this;
        }

        public Builder rawFlags(Source<RawRecord, ?, ?> source, String name) {
            flags.add(PictureInput.raw(source, name));
            return this;
        }

        /** A bounded file of flags in any order (an earlier run's {@code flags.avro}): read whole first. */
        public Builder flags(Source<RiskFlag, ?, ?> source, String name) {
            flags.add(PictureInput.decoded(source, name));
            return this;
        }

        public Builder rawLevels(Source<RawRecord, ?, ?> source, String name) {
            levels.add(PictureInput.raw(source, name));
            return this;
        }

        public Builder levels(Source<SectionLevelChange, ?, ?> source, String name) {
            levels.add(PictureInput.decoded(source, name));
            return this;
        }

        public Builder picture(Sink<PictureUpdate> sink) {
            this.pictureSink = sink;
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
