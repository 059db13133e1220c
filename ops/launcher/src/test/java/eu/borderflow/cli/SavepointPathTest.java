package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What `stop --savepoint` prints is what `deploy --from-savepoint` accepts; a local path is made absolute. */
class SavepointPathTest {

    @Test
    void aSavepointUriAsFlinkPrintsItPassesUnchanged() {
        assertEquals(
                "file:/var/savepoints/savepoint-1a2b", DeployCommand.absolute("file:/var/savepoints/savepoint-1a2b"));
        assertEquals("file:///var/savepoints/sp", DeployCommand.absolute("file:///var/savepoints/sp"));
        assertEquals("s3://bucket/savepoints/sp", DeployCommand.absolute("s3://bucket/savepoints/sp"));
    }

    @Test
    void aRelativePathIsResolvedAgainstTheWorkingDirectory() {
        assertEquals(
                Path.of("var/savepoints/sp").toAbsolutePath().normalize().toString(),
                DeployCommand.absolute("var/./savepoints/sp"));
    }
}
