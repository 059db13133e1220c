package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.local.LocalDataInputStream;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset file as the file source reads it, damaged as files on a bad day are: a block overwritten in the middle,
 * a file cut short. Each damage costs the records of its own block, named by one dead letter, and no other record.
 */
class IngestFormatTest {

    private static final int BLOCKS = 4;
    private static final int PER_BLOCK = 5;
    private static final String FILE = "crossings.avro";

    @TempDir
    Path dir;

    /** Byte positions of each block's start (after the header or the previous sync marker), and the file's end. */
    private final List<Long> blockStarts = new ArrayList<>();

    @Test
    void anIntactFileIsReadWhole() throws IOException {
        Path file = write();
        Read read = read(file);
        assertEquals(ids(0, BLOCKS), read.ids);
        assertEquals(List.of(), read.letters);
    }

    @Test
    void aDamagedBlockCostsItsOwnRecordsOnly() throws IOException {
        Path file = write();
        // Overwrite the second block's record count and size: it cannot be framed, and its sync marker is not where
        // the header says.
        damage(file, blockStarts.get(1), 4);
        Read read = read(file);
        List<String> expected = new ArrayList<>(ids(0, 1));
        expected.addAll(ids(2, BLOCKS));
        assertEquals(expected, read.ids, "every record of the other blocks, once, in order");
        assertEquals(1, read.letters.size(), read.letters.toString());
        DeadLetter letter = read.letters.get(0);
        assertEquals("UNDECODABLE", letter.getReasonCode());
        assertEquals(FILE, letter.getSourceTopic());
        assertEquals(PER_BLOCK, letter.getSourceOffset(), "the position of the first record it could not read");
        assertTrue(
                letter.getReason().contains("at byte " + blockStarts.get(1))
                        && letter.getReason().contains("resumes at the next block, byte " + blockStarts.get(2)),
                letter.getReason());
    }

    @Test
    void aTruncatedFileEndsWithOneDeadLetter() throws IOException {
        Path file = write();
        long cut = blockStarts.get(3) + 10;
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) cut));
        Read read = read(file);
        assertEquals(ids(0, 3), read.ids);
        assertEquals(1, read.letters.size(), read.letters.toString());
        assertTrue(
                read.letters.get(0).getReason().contains("ends inside the block at byte " + blockStarts.get(3)),
                read.letters.get(0).getReason());
    }

    @Test
    void aRestoreThatSkipsTheEmittedRecordsSeesTheSameSequence() throws IOException {
        Path file = write();
        damage(file, blockStarts.get(2), 4);
        Read whole = read(file);
        // The source restores a reader without a position and skips as many outputs as it had emitted.
        IngestFormat<BorderCrossing> format = new IngestFormat<>(TestRecords.crossingIngest(), FILE);
        long length = Files.size(file);
        List<String> afterRestore = new ArrayList<>();
        try (StreamFormat.Reader<Either<BorderCrossing, DeadLetter>> reader =
                format.restoreReader(new Configuration(), new LocalDataInputStream(file.toFile()), 0, length, length)) {
            int emitted = 2 * PER_BLOCK + 1;
            for (int i = 0; i < emitted; i++) {
                reader.read();
            }
            for (Either<BorderCrossing, DeadLetter> next = reader.read(); next != null; next = reader.read()) {
                afterRestore.add(next.isLeft() ? next.left().getEventId().toString() : "letter");
            }
        }
        assertEquals(whole.ids.subList(2 * PER_BLOCK, whole.ids.size()), afterRestore);
    }

    private Path write() throws IOException {
        Path file = dir.resolve(FILE);
        try (DataFileWriter<BorderCrossing> writer =
                new DataFileWriter<>(new SpecificDatumWriter<>(BorderCrossing.class))) {
            writer.create(BorderCrossing.getClassSchema(), file.toFile());
            blockStarts.add(writer.sync());
            for (int block = 0; block < BLOCKS; block++) {
                for (int i = 0; i < PER_BLOCK; i++) {
                    int n = block * PER_BLOCK + i;
                    writer.append(TestRecords.crossing(id(n), CrossingKind.ENTRY, TestRecords.T0.plusSeconds(n))
                            .build());
                }
                blockStarts.add(writer.sync());
            }
        }
        return file;
    }

    private static void damage(Path file, long at, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < length; i++) {
            bytes[(int) at + i] = (byte) 0xff;
        }
        Files.write(file, bytes);
    }

    private record Read(List<String> ids, List<DeadLetter> letters) {}

    private static Read read(Path file) throws IOException {
        IngestFormat<BorderCrossing> format = new IngestFormat<>(TestRecords.crossingIngest(), FILE);
        long length = Files.size(file);
        List<String> ids = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        try (StreamFormat.Reader<Either<BorderCrossing, DeadLetter>> reader =
                format.createReader(new Configuration(), new LocalDataInputStream(file.toFile()), length, length)) {
            for (Either<BorderCrossing, DeadLetter> next = reader.read(); next != null; next = reader.read()) {
                if (next.isLeft()) {
                    ids.add(next.left().getEventId().toString());
                } else {
                    letters.add(next.right());
                }
            }
        }
        return new Read(ids, letters);
    }

    private static List<String> ids(int fromBlock, int toBlock) {
        List<String> ids = new ArrayList<>();
        for (int n = fromBlock * PER_BLOCK; n < toBlock * PER_BLOCK; n++) {
            ids.add(id(n));
        }
        return ids;
    }

    private static String id(int n) {
        return String.format("e%03d", n);
    }
}
