package eu.borderflow.cli;

import eu.borderflow.dataset.DatasetManifest;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * An input file of a bounded run, checked from its header before the job starts: an Avro container file of the
 * expected records. A file that is not one (random bytes, empty, another run's file) would otherwise fail the job with
 * a stack trace. A generated dataset's files are also checked against its manifest's checksums; a file damaged further
 * in without one (a dataset written by other means) is the job's to read, block by block, with dead letters.
 */
final class AvroInputFile {

    private AvroInputFile() {}

    static void check(String what, Path file, Class<? extends SpecificRecord> type) {
        String expected = SpecificData.get().getSchema(type).getFullName();
        Schema written;
        try (DataFileReader<? extends SpecificRecord> reader = AvroFiles.openSeekable(type, file)) {
            written = reader.getSchema();
        } catch (EOFException e) {
            throw new UserError(what + " " + file + " is empty or cut short before its first record", e);
        } catch (IOException | RuntimeException e) {
            throw new UserError(
                    what + " " + file + " is not an Avro file of " + type.getSimpleName() + " records ("
                            + e.getMessage() + ")",
                    e);
        }
        if (written.getType() != Schema.Type.RECORD || !written.getFullName().equals(expected)) {
            throw new UserError(what + " " + file + " holds " + written.getName() + " records, not "
                    + type.getSimpleName() + " records");
        }
    }

    /** The dataset's {@code files} against the checksums of its manifest, when it has one (generate writes it). */
    static void checkManifest(Path dataset, String... files) {
        DatasetManifest.mismatch(dataset, List.of(files)).ifPresent(problem -> {
            throw new UserError("--in " + problem);
        });
    }
}
