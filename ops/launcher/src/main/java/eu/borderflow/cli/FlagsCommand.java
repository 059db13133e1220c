package eu.borderflow.cli;

import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.RiskFlag;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flags}: what the operators of a border post would see, the latest flags with their explanation. Flags hold
 * tokens, never names or document numbers, so printing them discloses nothing the flag topic does not.
 */
@Command(
        name = "flags",
        mixinStandardHelpOptions = true,
        description = {
            "Shows risk flags: a count per rule, then the newest by event time with their explanation.",
            "Each comes with its severity, recommended action and place. Every flag is a recommendation for a",
            "person to review.",
            "  flags --from risk.flags --bootstrap HOST:PORT   the committed flags of a topic",
            "  flags --from OUT_DIR                            flags.avro of a bounded run (or a flags file)"
        })
public final class FlagsCommand implements Callable<Integer> {

    private static final int TOKEN_PREFIX = 10;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOutputOptions input;

    @Override
    public Integer call() {
        int last = input.last();
        List<RiskFlag> flags = input.flags(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Integer> perRule = new TreeMap<>(RuleIds.ORDER);
        flags.forEach(f -> perRule.merge(f.getRuleId(), 1, Integer::sum));
        out.println(flags.size() + " flag records; per rule: " + perRule);
        flags.stream()
                .sorted(Comparator.comparing(RiskFlag::getEventTime)
                        .thenComparing(RiskFlag::getFlagId)
                        .reversed())
                .limit(last)
                .forEach(f -> out.printf(
                        Locale.ROOT,
                        "%s %-4s %-6s %-9s %-12s at %-10s subject %s…%n    %s%n",
                        f.getEventTime(),
                        f.getRuleId(),
                        f.getSeverity(),
                        f.getStatus(),
                        f.getRecommendedAction(),
                        f.getBcpCode() == null ? "-" : f.getBcpCode(),
                        prefix(f.getSubjectToken()),
                        f.getExplanation()));
        out.flush();
        return ExitCodes.OK;
    }

    private static String prefix(String token) {
        return token.substring(0, Math.min(TOKEN_PREFIX, token.length()));
    }
}
