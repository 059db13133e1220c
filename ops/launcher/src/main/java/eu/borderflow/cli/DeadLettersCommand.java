package eu.borderflow.cli;

import eu.borderflow.schema.DeadLetter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deadletters}: what the dead-letter alert's runbook asks a person to read (ops/RUNBOOK.md, Dead letters):
 * which producer sends what, by reason and source coordinates. A dead letter holds the rejected record's bytes, which
 * are restricted data (raw names, document numbers): they are never printed, only their size.
 */
@Command(
        name = "deadletters",
        mixinStandardHelpOptions = true,
        description = {
            "Shows dead letters: a count per reason code, job and source, then the newest with their reason.",
            "Each comes with where it was read (topic/partition@offset, or file@position) and its event id. The",
            "rejected bytes are restricted data and are never printed.",
            "  deadletters --from borderflow.deadletters --bootstrap HOST:PORT",
            "  deadletters --from OUT_DIR   deadletters.avro of a bounded run (or a file)"
        })
public final class DeadLettersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOutputOptions input;

    @Option(
            names = "--reason",
            paramLabel = "CODE",
            description = "Only dead letters with this reason code (e.g. UNDECODABLE, LATE, VALIDATION_EVENT_TIME).")
    private String reason;

    @Override
    public Integer call() {
        int last = input.last();
        List<DeadLetter> letters = input.deadLetters(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.println(letters.size() + " dead letters; per reason: " + count(letters, DeadLetter::getReasonCode)
                + "; per job: " + count(letters, DeadLetter::getJob) + "; per source: "
                + count(letters, DeadLetter::getSourceTopic));
        List<DeadLetter> shown = reason == null
                ? letters
                : letters.stream()
                        .filter(d -> reason.equalsIgnoreCase(d.getReasonCode()))
                        .toList();
        if (reason != null) {
            out.println(shown.size() + " with reason " + reason
                    + (shown.isEmpty() && !letters.isEmpty()
                            ? " (the reasons here: "
                                    + String.join(
                                            ", ",
                                            count(letters, DeadLetter::getReasonCode)
                                                    .keySet())
                                    + "; docs/CONTRACTS.md lists every code)"
                            : ""));
        }
        // Written in the order they were rejected (one partition, or the file's order): the newest are the last.
        for (int i = shown.size() - 1; i >= Math.max(0, shown.size() - last); i--) {
            print(out, shown.get(i));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, DeadLetter d) {
        out.printf(
                Locale.ROOT,
                "%s %-21s %-28s %s%s@%d  event %s  %s%s%n    %s%n",
                // A record read from a dataset file has no record time: -1.
                d.getRecordTimestamp().toEpochMilli() < 0 ? "-" : d.getRecordTimestamp(),
                d.getJob(),
                d.getReasonCode(),
                d.getSourceTopic(),
                d.getSourcePartition() >= 0 ? "/" + d.getSourcePartition() : "",
                d.getSourceOffset(),
                d.getEventId() == null ? "-" : d.getEventId(),
                size(d),
                d.getExceptionClass() == null ? "" : "  " + d.getExceptionClass() + " in " + d.getOperator(),
                d.getReason());
    }

    /** The rejected record's size as read, never its bytes. */
    private static String size(DeadLetter d) {
        int held = remaining(d.getOriginalKey()) + remaining(d.getOriginalValue());
        int original = d.getOriginalSize() >= 0 ? d.getOriginalSize() : held;
        return original + " B" + (d.getTruncated() ? " (cut to " + held + " B)" : "");
    }

    private static int remaining(ByteBuffer bytes) {
        return bytes == null ? 0 : bytes.remaining();
    }

    private static Map<String, Integer> count(List<DeadLetter> letters, Function<DeadLetter, String> by) {
        Map<String, Integer> counts = new TreeMap<>();
        letters.forEach(d -> counts.merge(String.valueOf(by.apply(d)), 1, Integer::sum));
        return counts;
    }
}
