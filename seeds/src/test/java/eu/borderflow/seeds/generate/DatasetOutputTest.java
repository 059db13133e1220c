package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetOutputTest {

    /** Around the block sizes of direct writes and the 4 MiB buffer, in writes of odd sizes and single bytes. */
    private static final int[] LENGTHS = {
        0, 1, 511, 512, 4095, 4096, 4097, 65_537, (4 << 20) - 1, 4 << 20, (4 << 20) + 1, (9 << 20) + 4099
    };

    @ParameterizedTest(name = "direct requested: {0}")
    @ValueSource(booleans = {true, false})
    void theFileHoldsExactlyTheBytesWrittenAndTheDigestIsTheirs(boolean direct, @TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (int length : LENGTHS) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            Path file = dir.resolve("f" + length);
            Files.write(file, new byte[length + 10_000]);
            AtomicReference<String> digest = new AtomicReference<>();
            try (OutputStream out = DatasetOutput.create(file, digest::set, direct)) {
                int i = 0;
                while (i < length) {
                    if (i % 7 == 3) {
                        out.write(bytes[i++]);
                    } else {
                        int n = Math.min(length - i, 1 + random.nextInt(200_000));
                        out.write(bytes, i, n);
                        i += n;
                    }
                }
            }
            assertArrayEquals(
                    bytes, Files.readAllBytes(file), "a file of " + length + " bytes, replacing a longer one");
            assertEquals(DigestUtils.sha256Hex(bytes), digest.get(), "digest of " + length + " bytes");
        }
    }

    @Test
    void whereTheFileSystemTakesDirectWritesTheyAreUsed(@TempDir Path dir) throws IOException {
        boolean takesDirect;
        try (FileChannel probe = FileChannel.open(
                dir.resolve("probe"), StandardOpenOption.WRITE, StandardOpenOption.CREATE, ExtendedOpenOption.DIRECT)) {
            takesDirect = true;
        } catch (IOException | UnsupportedOperationException e) {
            takesDirect = false;
        }
        try (DatasetOutput out = DatasetOutput.create(dir.resolve("f"), hex -> {})) {
            assertEquals(takesDirect, out.direct(), Files.getFileStore(dir).type());
        }
    }
}
