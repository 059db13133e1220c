package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.picture.testing.TestWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settled picture of the test world is a function of the data alone: the same bytes at parallelism 1 as at 2,
 * although sections are spread over instances differently and the inputs interleave differently.
 */
class SettledPictureDeterminismTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

    @Test
    void theSameWorldGivesTheSameBytesAtAnyParallelism() throws Exception {
        Path settled = TestWorld.settledPicture((dataset, out) -> () -> {
            BoundedPicture.run(dataset, null, out);
            return null;
        });
        BoundedPicture.run(TestWorld.dataset(), null, dir, 1);
        for (String file : List.of(DatasetFiles.PICTURE, DatasetFiles.FLAGS, DatasetFiles.DEAD_LETTERS)) {
            assertArrayEquals(Files.readAllBytes(settled.resolve(file)), Files.readAllBytes(dir.resolve(file)), file);
        }
    }
}
