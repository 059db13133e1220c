package eu.borderflow.job.environment;

import eu.borderflow.job.ingest.IngestFormat;
import eu.borderflow.job.ingest.IngestSource;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.job.sink.AvroContainerFileSink;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.types.Either;

/**
 * The bounded runs: a generated dataset's {@code crossings.avro}, {@code alerts.avro} and {@code incidents.avro} (and
 * the flags of an earlier run) in, Avro container files {@code flags.avro}, {@code deadletters.avro},
 * {@code audit.avro} and {@code picture.avro} out (docs/CONTRACTS.md), each sorted so the same dataset gives the
 * same bytes.
 */
public final class DatasetFiles {

    public static final String CROSSINGS = "crossings.avro";
    public static final String ALERTS = "alerts.avro";
    public static final String INCIDENTS = "incidents.avro";
    public static final String PICTURE = "picture.avro";
    public static final String FLAGS = "flags.avro";
    public static final String DEAD_LETTERS = "deadletters.avro";
    public static final String AUDIT = "audit.avro";
    /** Digits of a zero-padded revision or offset in a sort key, so keys sort numerically. */
    private static final String NUMBER_FORMAT = "%019d";

    private DatasetFiles() {}

    public static IngestSource<BorderCrossing> crossings(Path datasetDir) {
        return ingest -> source(ingest, datasetDir.resolve(CROSSINGS));
    }

    public static IngestSource<AlertChange> alerts(Path datasetDir) {
        return ingest -> source(ingest, datasetDir.resolve(ALERTS));
    }

    public static IngestSource<Incident> incidents(Path datasetDir) {
        return ingest -> source(ingest, datasetDir.resolve(INCIDENTS));
    }

    /** The flags of an earlier run ({@code flags.avro} as {@link #flags} wrote it). */
    public static IngestSource<RiskFlag> flagsFrom(Path file) {
        return ingest -> source(ingest, file);
    }

    /** Every revision of every window: by section, view, window end, then revision. */
    public static AvroContainerFileSink<PictureUpdate> picture(Path outDir) {
        return new AvroContainerFileSink<>(
                PictureUpdate.class,
                outDir.resolve(PICTURE),
                p -> p.getSectionId()
                        + '#'
                        + p.getView()
                        + '#'
                        + String.format(NUMBER_FORMAT, p.getWindowEnd().toEpochMilli())
                        + '#'
                        + String.format(NUMBER_FORMAT, p.getRevision()));
    }

    public static AvroContainerFileSink<RiskFlag> flags(Path outDir) {
        return new AvroContainerFileSink<>(
                RiskFlag.class,
                outDir.resolve(FLAGS),
                f -> f.getFlagId() + '#' + String.format(NUMBER_FORMAT, f.getRevision()));
    }

    public static AvroContainerFileSink<DeadLetter> deadLetters(Path outDir) {
        return new AvroContainerFileSink<>(
                DeadLetter.class,
                outDir.resolve(DEAD_LETTERS),
                d -> d.getSourceTopic()
                        + '#'
                        + d.getSourcePartition()
                        + '#'
                        + String.format(NUMBER_FORMAT, d.getSourceOffset()));
    }

    public static AvroContainerFileSink<AuditRecord> audit(Path outDir) {
        return new AvroContainerFileSink<>(AuditRecord.class, outDir.resolve(AUDIT), AuditRecord::getAuditId);
    }

    private static <T extends SpecificRecordBase> FileSource<Either<T, DeadLetter>> source(
            RecordIngest<T> ingest, Path file) {
        return FileSource.forRecordStreamFormat(
                        new IngestFormat<>(ingest, file.getFileName().toString()),
                        new org.apache.flink.core.fs.Path(file.toUri()))
                .build();
    }
}
