package eu.borderflow.picture.ingest;

import eu.borderflow.flag.FlagTime;
import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.job.ingest.CrossingAdmission;
import eu.borderflow.job.ingest.CrossingValidator;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.job.ingest.IngestStreams;
import eu.borderflow.job.ingest.IngestStreams.Watermarks;
import eu.borderflow.job.ingest.JobInput;
import eu.borderflow.job.ingest.KnownBcps;
import eu.borderflow.job.ingest.NamedSource;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionLevelChange;
import eu.borderflow.schema.serde.DecodeLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The picture job's inputs as the section facts it counts: crossings (re-sent ones dropped, late ones dead-lettered,
 * as the risk job admits them), incidents and the risk job's flags, each reduced to its section, time and kind; and
 * the operators' level changes. Each input is read by {@link IngestStreams}; all but the crossings are few, and
 * their operators flush each record ({@link SparseOutput}).
 */
public final class SectionEvents {

    // The operators that reduce each input to section facts: one per crossing, the others few records.
    public static final String CROSSINGS_UID = "crossings-to-section";
    public static final String INCIDENTS_UID = "incidents-to-section";
    public static final String FLAGS_UID = "flags-to-section";
    private static final TypeInformation<SectionEvent> EVENT_TYPE = TypeInformation.of(SectionEvent.class);

    private final String job;
    private final IngestStreams ingest;
    private final PictureSettings settings;
    private final DeadLetterStreams deadLetters;
    private final KnownSections sections;
    private final DecodeLimits limits;

    /** {@code job}: what the dead letters name in their {@code job} field. */
    public SectionEvents(String job, IngestStreams ingest, PictureSettings settings, DeadLetterStreams deadLetters) {
        this.job = job;
        this.ingest = ingest;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.sections = new KnownSections(settings.referenceLevels().keySet());
        this.limits = settings.ingest().decodeLimits();
    }

    /** The section facts of all the inputs given (at least one list not empty), in one stream. */
    public DataStream<SectionEvent> of(
            List<NamedSource<BorderCrossing>> crossings,
            List<NamedSource<Incident>> incidents,
            List<NamedSource<RiskFlag>> riskFlags,
            Watermarks riskFlagWatermarks) {
        List<DataStream<SectionEvent>> events = new ArrayList<>();
        if (!crossings.isEmpty()) {
            events.add(crossings(crossings));
        }
        if (!incidents.isEmpty()) {
            events.add(incidents(incidents));
        }
        if (!riskFlags.isEmpty()) {
            events.add(riskFlags(riskFlags, riskFlagWatermarks));
        }
        DataStream<SectionEvent> all = events.get(0);
        for (DataStream<SectionEvent> more : events.subList(1, events.size())) {
            all = all.union(more);
        }
        return all;
    }

    private DataStream<SectionEvent> crossings(List<NamedSource<BorderCrossing>> inputs) {
        RecordIngest<BorderCrossing> crossingIngest = new RecordIngest<>(
                        job,
                        BorderCrossing.class,
                        new CrossingValidator(
                                KnownBcps.of(settings.bcpSections().keySet()), settings.ingest()),
                        c -> c.getEventTime().toEpochMilli(),
                        BorderCrossing::getEventId,
                        limits)
                .withRecordTimeBound(settings.ingest().getMaxClockSkew());
        return deadLetters
                .from(ingest.withTiming(settings.crossingsTiming())
                        .valid(inputs, crossingIngest, Watermarks.EVENT_TIME)
                        .keyBy(c -> c.getTraveller().getFileId(), Types.STRING)
                        .process(
                                new CrossingAdmission(
                                        Duration.ofMillis(settings.allowedLatenessMillis()),
                                        new JobInput(job, names(inputs))),
                                new AvroTypeInfo<>(BorderCrossing.class))
                        .uid(CrossingAdmission.UID)
                        .name("crossings: drop re-sent, dead-letter late"))
                .map(new CrossingToSection(names(inputs), settings.bcpSections()), EVENT_TYPE)
                .uid(CROSSINGS_UID)
                .name("crossings: section and direction only");
    }

    private DataStream<SectionEvent> incidents(List<NamedSource<Incident>> inputs) {
        RecordIngest<Incident> incidentIngest = new RecordIngest<>(
                        job,
                        Incident.class,
                        new IncidentValidator(sections),
                        i -> i.getEventTime().toEpochMilli(),
                        Incident::getIncidentId,
                        limits)
                .withRecordTimeBound(settings.ingest().getMaxClockSkew());
        return SparseOutput.flushEachRecord(ingest.sparse()
                .valid(inputs, incidentIngest, Watermarks.EVENT_TIME)
                .map(new IncidentToSection(names(inputs)), EVENT_TYPE)
                .uid(INCIDENTS_UID)
                .name("incidents: section facts"));
    }

    private DataStream<SectionEvent> riskFlags(List<NamedSource<RiskFlag>> inputs, Watermarks watermarks) {
        RecordIngest<RiskFlag> flagIngest = new RecordIngest<>(
                job,
                RiskFlag.class,
                new FlagValidator(sections),
                f -> FlagTime.raisedAt(f).toEpochMilli(),
                RiskFlag::getFlagId,
                limits);
        return SparseOutput.flushEachRecord(ingest.sparse()
                .valid(inputs, flagIngest, watermarks)
                .flatMap(new FlagToSection(names(inputs)), EVENT_TYPE)
                .uid(FLAGS_UID)
                .name("flags: section, rule and status"));
    }

    /** The operators' level changes, valid ones only. */
    public DataStream<SectionLevelChange> levelChanges(List<NamedSource<SectionLevelChange>> inputs) {
        RecordIngest<SectionLevelChange> levelIngest = new RecordIngest<>(
                job,
                SectionLevelChange.class,
                new LevelChangeValidator(sections),
                l -> l.getChangedAt().toEpochMilli(),
                SectionLevelChange::getChangeId,
                limits);
        return ingest.sparse().valid(inputs, levelIngest, Watermarks.EVENT_TIME);
    }

    /** The source a LATE dead letter names: the input's topic or file (its names joined, when several). */
    private static String names(List<? extends NamedSource<?>> inputs) {
        return String.join("+", inputs.stream().map(NamedSource::name).toList());
    }
}
