package eu.borderflow.picture.testing;

import eu.borderflow.seeds.testkit.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The usual test world (seed 11, 3,000 travellers, 45 days from 2025-01-06) and the settled picture of a bounded run
 * over it, each made once per test JVM.
 */
public final class TestWorld {

    private static Path settled;

    private TestWorld() {}

    public static Path dataset() {
        return Dataset.generate(11, 3000, 45).dir;
    }

    /** The output folder of a bounded run over {@link #dataset()}, made by {@code run} on first use. */
    public static synchronized Path settledPicture(BoundedRun run) throws Exception {
        if (settled == null) {
            Path out = Files.createTempDirectory("picture-w11-");
            run.into(dataset(), out).call();
            settled = out;
        }
        return settled;
    }

    /** A bounded picture run from a dataset folder into an output folder. */
    @FunctionalInterface
    public interface BoundedRun {
        Callable<Void> into(Path dataset, Path out);
    }
}
