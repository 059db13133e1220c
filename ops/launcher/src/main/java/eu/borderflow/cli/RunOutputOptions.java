package eu.borderflow.cli;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.EvaluationInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that show a run's output (flags, deadletters): where to read it from, a run's output
 * folder, one of its files or (with --bootstrap) a topic, and how many of the newest records to print.
 */
public final class RunOutputOptions {

    @Option(
            names = "--from",
            required = true,
            paramLabel = "PATH|TOPIC",
            description = "A run's output folder, one of its files, or (with --bootstrap) a topic.")
    private String from;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Read --from as a Kafka topic.")
    private String bootstrap;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many of the newest to print (default: ${DEFAULT-VALUE}).")
    private int last;

    /** How many of the newest records to print. */
    int last() {
        if (last < 0) {
            throw new UserError("--last must be 0 or more");
        }
        return last;
    }

    List<RiskFlag> flags(PrintWriter err) {
        return read(() -> RecordInput.flags(from, bootstrap, kafka::properties, err, "flags"));
    }

    List<DeadLetter> deadLetters(PrintWriter err) {
        return read(() -> RecordInput.deadLetters(from, bootstrap, kafka::properties, err, "deadletters"));
    }

    /** A missing or unreadable input is the user's to fix: said in one line, exit 2. */
    private static <T> T read(Supplier<T> input) {
        try {
            return input.get();
        } catch (EvaluationInputException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
