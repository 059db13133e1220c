package eu.borderflow.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The {@code manifest.json} of a generated dataset (docs/CONTRACTS.md), and the check of its files against the
 * SHA-256 it records. The dataset files are Avro without a codec, so a byte damaged inside a block (a copy gone wrong)
 * decodes without an error into another value, and a run, replay or evaluation would go on with it.
 */
public final class DatasetManifest {

    public static final String FILE = "manifest.json";
    /** The manifest's object of file name to lower-case hex SHA-256. */
    public static final String SHA256 = "sha256";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatasetManifest() {}

    /**
     * What is wrong with {@code files} of the dataset in {@code dir}, if anything: the first whose SHA-256 is not the
     * manifest's. A folder without a manifest (not written by generate), and a file that is missing or that the
     * manifest has no checksum for, are not checked here.
     */
    public static Optional<String> mismatch(Path dir, Collection<String> files) {
        Path manifest = dir.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        JsonNode sums;
        try {
            sums = MAPPER.readTree(manifest.toFile()).path(SHA256);
        } catch (JsonProcessingException e) {
            return Optional.of(manifest + " is not the JSON generate writes (" + e.getOriginalMessage()
                    + "): copy the dataset again, or generate it again with the same arguments");
        } catch (IOException e) {
            return Optional.of(manifest + " cannot be read (" + e.getMessage() + ")");
        }
        for (String file : files) {
            Path path = dir.resolve(file);
            String expected = sums.path(file).asText("");
            if (expected.isEmpty() || !Files.isRegularFile(path)) {
                continue;
            }
            String actual;
            try (InputStream in = Files.newInputStream(path)) {
                actual = DigestUtils.sha256Hex(in);
            } catch (IOException e) {
                return Optional.of(path + " cannot be read (" + e.getMessage() + ")");
            }
            if (!actual.equalsIgnoreCase(expected)) {
                return Optional.of(path + " is not the file that was generated: its SHA-256 differs from the one in "
                        + FILE + " (damaged or cut short when it was copied, or changed since). Copy it again, or "
                        + "generate it again with the arguments in " + FILE + " (the same seed gives the same bytes)");
            }
        }
        return Optional.empty();
    }
}
