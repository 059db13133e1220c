package eu.borderflow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The newest completed checkpoint in a checkpoint folder ({@code <job id>/chk-<n>/_metadata}: a checkpoint without
 * its metadata file never completed), which the embedded streaming run resumes from after a stop, and {@code deploy
 * --resume} after the JobManager was lost.
 */
final class LatestCheckpoint {

    private static final String METADATA = "_metadata";

    private LatestCheckpoint() {}

    /**
     * Makes {@code env} resume from the newest completed checkpoint under {@code storageUri} (a local folder), after
     * dropping the older runs' folders; with {@code fresh}, forgets them all first. Returns the checkpoint resumed from.
     */
    static Optional<Path> resume(StreamExecutionEnvironment env, String storageUri, boolean fresh) throws IOException {
        if (!storageUri.startsWith("file:")) {
            return Optional.empty();
        }
        if (fresh) {
            deleteTree(Path.of(URI.create(storageUri)));
        }
        Optional<Path> resume = in(storageUri);
        resume.ifPresent(checkpoint -> {
            pruneExcept(storageUri, checkpoint);
            env.configure(new Configuration().set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toString()));
        });
        return resume;
    }

    /** The newest completed checkpoint's folder under {@code storageUri} (a file: URI), if there is one. */
    static Optional<Path> in(String storageUri) {
        Path root = Path.of(URI.create(storageUri));
        return completedUnder(root, "chk-").stream().max(Comparator.comparingLong(LatestCheckpoint::completedMillis));
    }

    /**
     * The folders named {@code prefix...} up to two levels under {@code root} whose metadata file was written: the
     * completed checkpoints ({@code <job id>/chk-N}) or savepoints ({@code savepoint-...}).
     */
    static List<Path> completedUnder(Path root, String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(
                root,
                3,
                (p, a) -> p.getFileName().toString().equals(METADATA)
                        && p.getParent().getFileName().toString().startsWith(prefix))) {
            return files.map(Path::getParent).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + root, e);
        }
    }

    /** When a completed checkpoint or savepoint folder completed: its metadata file's time, in epoch millis. */
    static long completedMillis(Path folder) {
        return modified(folder.resolve(METADATA));
    }

    /** The same to the second, to print. */
    static Instant completedAt(Path folder) {
        return Instant.ofEpochMilli(completedMillis(folder)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Removes the folders of earlier runs other than the one holding {@code kept}: their checkpoints are older. */
    static void pruneExcept(String storageUri, Path kept) {
        Path root = Path.of(URI.create(storageUri));
        Path keptJob = kept.getParent();
        try (Stream<Path> jobs = Files.list(root)) {
            for (Path job :
                    jobs.filter(j -> !j.equals(keptJob) && Files.isDirectory(j)).toList()) {
                deleteTree(job);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune the checkpoint folder " + root, e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
