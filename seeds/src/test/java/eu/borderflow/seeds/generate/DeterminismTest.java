package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderflow.dataset.DatasetManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static final List<String> FILES = List.of(
            Generator.CROSSINGS,
            Generator.ALERTS,
            Generator.INCIDENTS,
            Generator.GROUND_TRUTH,
            Generator.GROUND_TRUTH_CSV,
            "manifest.json");

    @Test
    void sameArgumentsGiveByteIdenticalFilesAndAnotherSeedDiffers(@TempDir Path tmp) throws IOException {
        LocalDate start = LocalDate.parse(GenerateOptions.DEFAULT_START);
        Generator.run(new GenerateOptions(7, 2000, 40, start, tmp.resolve("a")), Progress.NONE);
        Generator.run(new GenerateOptions(7, 2000, 40, start, tmp.resolve("b")), Progress.NONE);
        Generator.run(new GenerateOptions(8, 2000, 40, start, tmp.resolve("c")), Progress.NONE);
        Map<String, String> a = sums(tmp.resolve("a"));
        Map<String, String> b = sums(tmp.resolve("b"));
        Map<String, String> c = sums(tmp.resolve("c"));
        assertEquals(FILES.size(), a.size(), "files: " + a.keySet());
        assertEquals(a, b);
        for (String f : FILES) {
            assertNotEquals(a.get(f), c.get(f), f + " must depend on the seed");
        }
        // The manifest's checksums, taken as the files were written, are those of the files on disk.
        JsonNode manifest = new ObjectMapper()
                .readTree(tmp.resolve("a").resolve(DatasetManifest.FILE).toFile());
        for (String f : FILES.subList(0, FILES.size() - 1)) {
            assertEquals(a.get(f), manifest.path("sha256").path(f).asText(), f);
        }
    }

    private static Map<String, String> sums(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.put(f.getFileName().toString(), DigestUtils.sha256Hex(in));
                }
            }
        }
        return out;
    }
}
