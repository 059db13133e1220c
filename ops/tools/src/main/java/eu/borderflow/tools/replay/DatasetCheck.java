package eu.borderflow.tools.replay;

import eu.borderflow.dataset.DatasetManifest;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks a dataset folder before anything is sent (its files against the manifest's checksums), and counts its records
 * for the progress bar from the container files' block headers (no record is decoded), which also finds truncated
 * files up front.
 */
final class DatasetCheck {

    private DatasetCheck() {}

    /** Total records in the dataset's files. */
    static long countRecords(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReplayInputException("dataset folder " + dir + " does not exist or is not a folder", 0, null);
        }
        DatasetManifest.mismatch(
                        dir,
                        ReplayedFile.ALL.stream().map(ReplayedFile::fileName).toList())
                .ifPresent(problem -> {
                    throw new ReplayInputException(problem, 0, null);
                });
        long total = 0;
        for (ReplayedFile file : ReplayedFile.ALL) {
            total += countRecords(file.type(), dir.resolve(file.fileName()));
        }
        return total;
    }

    private static <T extends SpecificRecord> long countRecords(Class<T> type, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ReplayInputException("dataset file " + path + " is missing", 0, null);
        }
        long records = 0;
        long cut;
        try (DataFileReader<T> reader = AvroFiles.openSeekable(type, path)) {
            while (reader.hasNext()) {
                records += reader.getBlockCount();
                reader.nextBlock();
            }
            cut = AvroFiles.bytesAfterLastBlock(reader, path);
        } catch (IOException | RuntimeException e) {
            throw new ReplayInputException(
                    path + " is not a complete " + type.getSimpleName() + " Avro file (" + reason(e) + ")", 0, e);
        }
        if (cut != 0) {
            throw new ReplayInputException(
                    path + " is not a complete " + type.getSimpleName() + " Avro file (truncated: " + cut
                            + " bytes after the last whole block)",
                    0,
                    null);
        }
        return records;
    }

    /** A short reason for a read failure, without a stack trace. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof EOFException) {
            return "truncated: unexpected end of file";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
