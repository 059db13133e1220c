package eu.borderflow.dashboard.write;

import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.SectionLevelChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The decision log of a dashboard over a bounded run's files: it takes no decisions, and appends the audit records of
 * views to an Avro container file ({@code dashboard-audit.avro} beside the run's output), so looking at a replayed
 * day is audited like looking at a live one.
 */
public final class FileAuditLog implements DecisionLog {

    public static final String FILE = "dashboard-audit.avro";

    private final Path file;

    public FileAuditLog(Path folder) {
        this.file = folder.resolve(FILE);
    }

    @Override
    public void review(FlagReview review, AuditRecord audit) throws WriteRefusedException {
        throw readOnly();
    }

    @Override
    public void levelChange(SectionLevelChange change, AuditRecord audit) throws WriteRefusedException {
        throw readOnly();
    }

    @Override
    public synchronized void audit(AuditRecord audit) throws WriteRefusedException {
        try (DataFileWriter<AuditRecord> writer = new DataFileWriter<>(new SpecificDatumWriter<>(AuditRecord.class))) {
            if (Files.isRegularFile(file)) {
                writer.appendTo(file.toFile());
            } else {
                writer.create(SpecificData.get().getSchema(AuditRecord.class), file.toFile());
            }
            writer.append(audit);
        } catch (IOException e) {
            throw new WriteRefusedException(
                    "the audit record was not written to " + file + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public boolean takesDecisions() {
        return false;
    }

    private static WriteRefusedException readOnly() {
        return new WriteRefusedException(
                "this dashboard shows a bounded run's files: reviews and level changes are "
                        + "made on the live dashboard",
                true,
                null);
    }

    @Override
    public void close() {
        // Every record is closed into the file as it is written.
    }
}
