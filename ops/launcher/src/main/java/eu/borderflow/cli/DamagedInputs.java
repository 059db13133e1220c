package eu.borderflow.cli;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.DecodeException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset files a bounded run found damaged: its UNDECODABLE dead letters from a file (not a topic), each a block
 * whose records the run's output lacks. Said apart from the dead-letter count, which reads like routine rejects.
 */
final class DamagedInputs {

    private final List<String> reasons = new ArrayList<>();

    void see(DeadLetter letter) {
        if (letter.getSourcePartition() == DeadLetters.NO_PARTITION
                && DecodeException.UNDECODABLE.equals(letter.getReasonCode())) {
            reasons.add(letter.getReason());
        }
    }

    void print(PrintWriter console) {
        reasons.forEach(reason -> console.println("damaged input (its block's records are missing): " + reason));
    }
}
