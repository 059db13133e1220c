package eu.borderflow.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.tools.testing.TestFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationInputsTest {

    @TempDir
    Path dir;

    @Test
    void readsGroundTruthFromADatasetFolderAndFlagsFromARunFolderOrFile() throws Exception {
        write(GroundTruthEntry.class, dir.resolve("ground-truth.avro"), EvaluationTest.TRUTH);
        Path run = Files.createDirectories(dir.resolve("run"));
        write(RiskFlag.class, run.resolve("flags.avro"), EvaluationTest.FLAGS);

        assertEquals(EvaluationTest.TRUTH, EvaluationInputs.groundTruth(dir));
        assertEquals(EvaluationTest.FLAGS, EvaluationInputs.flagFile(run));
        assertEquals(EvaluationTest.FLAGS, EvaluationInputs.flagFile(run.resolve("flags.avro")));
    }

    @Test
    void missingOrForeignFilesAreInputErrors() throws Exception {
        EvaluationInputException missing =
                assertThrows(EvaluationInputException.class, () -> EvaluationInputs.groundTruth(dir));
        assertTrue(missing.getMessage().contains("ground-truth.avro"), missing.getMessage());

        Files.writeString(dir.resolve("flags.avro"), "not an avro file");
        assertThrows(EvaluationInputException.class, () -> EvaluationInputs.flagFile(dir));
    }

    @Test
    void aFileCutShortIsAnInputErrorNotAShorterList() throws Exception {
        Path truth = dir.resolve("ground-truth.avro");
        write(GroundTruthEntry.class, truth, EvaluationTest.TRUTH);
        byte[] whole = Files.readAllBytes(truth);
        // Cut inside the data block: Avro alone reads this as a file with no records.
        Files.write(truth, Arrays.copyOf(whole, whole.length - 20));
        EvaluationInputException cut =
                assertThrows(EvaluationInputException.class, () -> EvaluationInputs.groundTruth(dir));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
    }

    @Test
    void aWrongRecordTypeIsAnInputError() throws Exception {
        write(
                RiskFlag.class,
                dir.resolve("ground-truth.avro"),
                List.of(TestFlags.flag("R3", "e1", 0, FlagStatus.RAISED, "t")));
        assertThrows(EvaluationInputException.class, () -> EvaluationInputs.groundTruth(dir));
    }

    static <T extends SpecificRecord> void write(Class<T> type, Path file, List<T> records) throws Exception {
        try (DataFileWriter<T> writer = AvroFiles.create(type, file, "test")) {
            for (T record : records) {
                writer.append(record);
            }
        }
    }
}
