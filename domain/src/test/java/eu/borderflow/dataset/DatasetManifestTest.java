package eu.borderflow.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetManifestTest {

    /** The SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1), so the expectation is not this code's own. */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @BeforeEach
    void dataset() throws Exception {
        Files.writeString(dir.resolve("crossings.avro"), "abc", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("alerts.avro"), "anything", StandardCharsets.US_ASCII);
        Files.writeString(
                dir.resolve(DatasetManifest.FILE),
                "{\"arguments\":{\"seed\":1},\"sha256\":{\"crossings.avro\":\"" + ABC_SHA256 + "\"}}");
    }

    @Test
    void aFileWithItsGeneratedChecksumPasses() {
        assertEquals(Optional.empty(), DatasetManifest.mismatch(dir, List.of("crossings.avro")));
    }

    @Test
    void oneChangedByteIsFoundAndNamed() throws Exception {
        Files.writeString(dir.resolve("crossings.avro"), "abd", StandardCharsets.US_ASCII);

        String problem = DatasetManifest.mismatch(dir, List.of("alerts.avro", "crossings.avro"))
                .orElseThrow();

        assertTrue(problem.startsWith(dir.resolve("crossings.avro") + " is not the file that was generated"), problem);
        assertTrue(problem.contains("Copy it again"), problem);
    }

    @Test
    void aFileCutShortIsFound() throws Exception {
        Files.writeString(dir.resolve("crossings.avro"), "ab", StandardCharsets.US_ASCII);

        assertTrue(DatasetManifest.mismatch(dir, List.of("crossings.avro")).isPresent());
    }

    @Test
    void whatTheManifestHasNoChecksumForAndMissingFilesAreLeftToTheReader() throws Exception {
        assertEquals(Optional.empty(), DatasetManifest.mismatch(dir, List.of("alerts.avro", "incidents.avro")));
        Files.delete(dir.resolve("crossings.avro"));
        assertEquals(Optional.empty(), DatasetManifest.mismatch(dir, List.of("crossings.avro")));
    }

    @Test
    void aFolderWithoutManifestIsNotChecked() throws Exception {
        Files.delete(dir.resolve(DatasetManifest.FILE));
        Files.writeString(dir.resolve("crossings.avro"), "abd", StandardCharsets.US_ASCII);

        assertEquals(Optional.empty(), DatasetManifest.mismatch(dir, List.of("crossings.avro")));
    }

    @Test
    void aManifestThatIsNotJsonIsSaid() throws Exception {
        Files.writeString(dir.resolve(DatasetManifest.FILE), "{\"sha256\": {");

        String problem =
                DatasetManifest.mismatch(dir, List.of("crossings.avro")).orElseThrow();

        assertTrue(
                problem.startsWith(dir.resolve(DatasetManifest.FILE) + " is not the JSON generate writes ("), problem);
    }
}
