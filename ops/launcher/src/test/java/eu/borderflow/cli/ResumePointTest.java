package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which checkpoint {@code deploy --resume} picks, and when it leaves the choice to the operator. */
class ResumePointTest {

    private static final Instant T = Instant.parse("2026-12-05T23:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theNewestCompletedCheckpointOfAnyRunOfTheJob() throws IOException {
        Path storage = dir.resolve("checkpoints");
        completed(storage.resolve("aaaa/chk-40"), T);
        Path newest = completed(storage.resolve("bbbb/chk-3"), T.plusSeconds(60));
        Files.createDirectories(storage.resolve("bbbb/chk-4"));
        completed(dir.resolve("savepoints/savepoint-aaaa00-1"), T.plusSeconds(30));

        assertEquals(
                newest,
                ResumePoint.find(
                        "risk",
                        storage.toUri().toString(),
                        Optional.of(dir.resolve("savepoints").toUri().toString())));
        assertEquals(newest, ResumePoint.find("risk", storage.toUri().toString(), Optional.empty()));
    }

    @Test
    void aSavepointTakenAfterTheNewestCheckpointIsNamedNotPassedOver() throws IOException {
        Path storage = dir.resolve("checkpoints");
        Path checkpoint = completed(storage.resolve("aaaa/chk-40"), T);
        Path savepoint = completed(dir.resolve("savepoints/savepoint-aaaa00-1"), T.plusSeconds(5));

        UserError refused = assertThrows(
                UserError.class,
                () -> ResumePoint.find(
                        "risk",
                        storage.toUri().toString(),
                        Optional.of(dir.resolve("savepoints").toUri().toString())));
        assertTrue(refused.getMessage().contains(savepoint.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("--from-savepoint " + checkpoint), refused.getMessage());
    }

    @Test
    void noCompletedCheckpointIsAUserError() throws IOException {
        Path storage = dir.resolve("checkpoints");
        Files.createDirectories(storage.resolve("aaaa/chk-1"));

        UserError refused = assertThrows(
                UserError.class,
                () -> ResumePoint.find("picture", storage.toUri().toString(), Optional.empty()));
        assertTrue(refused.getMessage().startsWith("no completed checkpoint of picture under"), refused.getMessage());
        assertThrows(
                UserError.class,
                () -> ResumePoint.find("picture", dir.resolve("none").toUri().toString(), Optional.empty()));
    }

    private static Path completed(Path folder, Instant at) throws IOException {
        Path metadata = Files.createDirectories(folder).resolve("_metadata");
        Files.writeString(metadata, "metadata");
        Files.setLastModifiedTime(metadata, FileTime.from(at));
        return folder;
    }
}
