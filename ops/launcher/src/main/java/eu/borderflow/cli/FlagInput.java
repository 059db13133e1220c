package eu.borderflow.cli;

import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.EvaluationInputException;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.TopicSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The flags a command reads: a run's output folder or a flags file, or with a bootstrap address a topic. */
final class FlagInput {

    private FlagInput() {}

    /**
     * Reads the flags; records of a topic that are not flags are skipped and counted on {@code err}.
     *
     * @throws EvaluationInputException a missing file, an unreadable file or an unreachable topic
     */
    static List<RiskFlag> load(
            String from, String bootstrap, Map<String, String> kafkaProperties, PrintWriter err, String command) {
        if (bootstrap == null) {
            return EvaluationInputs.flagFile(Path.of(from));
        }
        TopicSnapshot<RiskFlag> snapshot = EvaluationInputs.flagTopic(bootstrap, kafkaProperties, from);
        if (snapshot.undecodable() > 0) {
            err.println(command + ": skipped " + snapshot.undecodable() + " records of " + from
                    + " that are not RiskFlags");
        }
        return snapshot.records();
    }
}
