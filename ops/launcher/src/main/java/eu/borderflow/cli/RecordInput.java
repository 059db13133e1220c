package eu.borderflow.cli;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.EvaluationInputException;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.TopicSnapshot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a command reads: a run's output folder or one of its files, or with a bootstrap address a topic, read from the
 * beginning to its committed end. The Kafka client properties are read only for a topic, so a broken
 * {@code BORDERFLOW_KAFKA_CONFIG} does not stop a command that reads files.
 */
final class RecordInput {

    /** What a topic name looks like (risk.flags, borderflow.deadletters): no folder, words between dots. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");

    private RecordInput() {}

    /** Flags: {@code flags.avro} of a run's output folder, a flags file or a topic. */
    static List<RiskFlag> flags(
            String from,
            String bootstrap,
            Supplier<Map<String, String>> kafkaProperties,
            PrintWriter err,
            String command) {
        return load(RiskFlag.class, DatasetFiles.FLAGS, from, bootstrap, kafkaProperties, err, command);
    }

    /** Dead letters: {@code deadletters.avro} of a run's output folder, a dead-letter file or a topic. */
    static List<DeadLetter> deadLetters(
            String from,
            String bootstrap,
            Supplier<Map<String, String>> kafkaProperties,
            PrintWriter err,
            String command) {
        return load(DeadLetter.class, DatasetFiles.DEAD_LETTERS, from, bootstrap, kafkaProperties, err, command);
    }

    /**
     * Reads the records; records of a topic that are not of {@code type} are skipped and counted on {@code err}.
     *
     * @throws EvaluationInputException a missing file, an unreadable file or an unreachable topic
     */
    private static <T extends SpecificRecord> List<T> load(
            Class<T> type,
            String fileInFolder,
            String from,
            String bootstrap,
            Supplier<Map<String, String>> kafkaProperties,
            PrintWriter err,
            String command) {
        if (bootstrap == null) {
            Path path = Path.of(from);
            if (!Files.exists(path) && TOPIC_NAME.matcher(from).matches() && !from.endsWith(".avro")) {
                throw new EvaluationInputException(
                        "no such file: " + from + " (to read the topic " + from + ", add --bootstrap HOST:PORT)", null);
            }
            return EvaluationInputs.readFile(type, Files.isDirectory(path) ? path.resolve(fileInFolder) : path);
        }
        TopicSnapshot<T> snapshot = TopicSnapshot.read(bootstrap, kafkaProperties.get(), from, type);
        if (snapshot.undecodable() > 0) {
            err.println(command + ": skipped " + snapshot.undecodable() + " records of " + from + " that are not "
                    + type.getSimpleName() + "s");
        }
        return snapshot.records();
    }
}
