package eu.borderflow.tools.evaluate;

import eu.borderflow.dataset.DatasetManifest;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where evaluate and the commands that show a run's output read from: a dataset's ground truth, and flags (or dead
 * letters) from a run folder, an Avro file or a topic.
 */
public final class EvaluationInputs {

    public static final String GROUND_TRUTH_FILE = "ground-truth.avro";
    public static final String FLAGS_FILE = "flags.avro";

    private EvaluationInputs() {}

    /** {@code ground-truth.avro} in the dataset folder {@code truth} (or that file itself). */
    public static List<GroundTruthEntry> groundTruth(Path truth) {
        Path file = (Files.isDirectory(truth) ? truth.resolve(GROUND_TRUTH_FILE) : truth).toAbsolutePath();
        DatasetManifest.mismatch(file.getParent(), List.of(file.getFileName().toString()))
                .ifPresent(problem -> {
                    throw new EvaluationInputException(problem, null);
                });
        return readFile(GroundTruthEntry.class, file);
    }

    /** {@code flags.avro} of a {@code run risk} output folder, or a flags Avro file. */
    public static List<RiskFlag> flagFile(Path flags) {
        return readFile(RiskFlag.class, Files.isDirectory(flags) ? flags.resolve(FLAGS_FILE) : flags);
    }

    /** Every committed flag on {@code topic}, from the beginning up to the end offsets found at start. */
    public static TopicSnapshot<RiskFlag> flagTopic(String bootstrap, String topic) {
        return flagTopic(bootstrap, Map.of(), topic);
    }

    /** The same with Kafka client properties (security settings). */
    public static TopicSnapshot<RiskFlag> flagTopic(
            String bootstrap, Map<String, String> clientProperties, String topic) {
        return TopicSnapshot.read(bootstrap, clientProperties, topic, RiskFlag.class);
    }

    /** Every record of an Avro data file of {@code type}; a file cut short is an error, not a shorter list. */
    public static <T extends SpecificRecord> List<T> readFile(Class<T> type, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EvaluationInputException("no such file: " + file, null);
        }
        List<T> records = new ArrayList<>();
        long cut;
        try (DataFileReader<T> in = AvroFiles.openSeekable(type, file)) {
            in.forEach(records::add);
            cut = AvroFiles.bytesAfterLastBlock(in, file);
        } catch (IOException | AvroRuntimeException e) {
            throw new EvaluationInputException(
                    "cannot read " + file + " as " + type.getSimpleName() + " records: " + e.getMessage(), e);
        }
        // A score over part of a file would be wrong without a word.
        if (cut != 0) {
            throw new EvaluationInputException(
                    file + " is cut short: " + cut + " bytes after its last whole block; copy it again", null);
        }
        return records;
    }
}
