package eu.borderflow.job.environment;

import eu.borderflow.job.ingest.AvroContainerFormat;
import eu.borderflow.job.sink.AvroContainerFileSink;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.file.src.FileSource;

import java.nio.file.Path;

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

    private DatasetFiles() {
    }

    public static FileSource<BorderCrossing> crossings(Path datasetDir) {
        return source(BorderCrossing.class, datasetDir.resolve(CROSSINGS));
    }

    public static FileSource<AlertChange> alerts(Path datasetDir) {
        return source(AlertChange.class, datasetDir.resolve(ALERTS));
    }

    public static FileSource<Incident> incidents(Path datasetDir) {
        return source(Incident.class, datasetDir.resolve(INCIDENTS));
    }

    /** The flags of an earlier run ({@code flags.avro} as {@link #flags} wrote it). */
    public static FileSource<RiskFlag> flagsFrom(Path file) {
        return source(RiskFlag.class, file);
    }

    /** Every revision of every window: by section, view, window end, then revision. */
    public static AvroContainerFileSink<PictureUpdate> picture(Path outDir) {
        return new AvroContainerFileSink<>(PictureUpdate.class, outDir.resolve(PICTURE),
                p -> p.getSectionId() + '#' + p.getView() + '#'
                        + String.format(NUMBER_FORMAT, p.getWindowEnd().toEpochMilli())
                        + '#' + String.format(NUMBER_FORMAT, p.getRevision()));
    }

    public static AvroContainerFileSink<RiskFlag> flags(Path outDir) {
        return new AvroContainerFileSink<>(RiskFlag.class, outDir.resolve(FLAGS),
                f -> f.getFlagId() + '#' + String.format(NUMBER_FORMAT, f.getRevision()));
    }

    public static AvroContainerFileSink<DeadLetter> deadLetters(Path outDir) {
        return new AvroContainerFileSink<>(DeadLetter.class, outDir.resolve(DEAD_LETTERS),
                d -> d.getSourceTopic() + '#' + d.getSourcePartition() + '#'
                        + String.format(NUMBER_FORMAT, d.getSourceOffset()));
    }

    public static AvroContainerFileSink<AuditRecord> audit(Path outDir) {
        return new AvroContainerFileSink<>(AuditRecord.class, outDir.resolve(AUDIT), AuditRecord::getAuditId);
    }

    private static <T extends SpecificRecordBase> FileSource<T> source(Class<T> type, Path file) {
        return FileSource.forRecordStreamFormat(new AvroContainerFormat<>(type),
                new org.apache.flink.core.fs.Path(file.toUri())).build();
    }
}
