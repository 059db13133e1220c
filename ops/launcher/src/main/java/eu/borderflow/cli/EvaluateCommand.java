package eu.borderflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.Evaluation;
import eu.borderflow.tools.evaluate.EvaluationInputException;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.EvaluationReport;
import eu.borderflow.tools.evaluate.FalseAlarm;
import eu.borderflow.tools.evaluate.FamilyScore;
import eu.borderflow.tools.evaluate.Miss;
import eu.borderflow.tools.evaluate.RuleScore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: how well the flags of a run find what the generator planted (docs/CONTRACTS.md "Evaluation"). */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Scores flags against a dataset's ground truth: precision and recall per rule and per scenario family.",
            "It prints true positives, false alarms, misses, precision and recall, then the misses and false alarms",
            "(ids, rule, family).",
            "Strict: a second flag on a trigger already flagged, and a flag raised before its trigger's",
            "deadline (R4's grace) even if withdrawn later, are false alarms (docs/CONTRACTS.md).",
            "Exit 0 when every threshold is met, 1 when a rule with expected flags or the overall score",
            "falls below --min-precision/--min-recall, 2 on bad input (an unknown rule in --rules, or flags",
            "pseudonymised with another key than the world)."
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--truth",
            required = true,
            paramLabel = "DIR",
            description = "Generated dataset folder holding ground-truth.avro.")
    private Path truth;

    @Option(
            names = "--flags",
            required = true,
            paramLabel = "PATH",
            description =
                    "Output folder of `run risk` (its flags.avro), a flags .avro file, or with --bootstrap a topic.")
    private String flags;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description =
                    "Read --flags as a topic on this broker: from the beginning to its end offsets, committed only.")
    private String bootstrap;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(
            names = "--min-precision",
            paramLabel = "P",
            defaultValue = "0",
            description = "Lowest acceptable precision, 0..1 (default: ${DEFAULT-VALUE}).")
    private double minPrecision;

    @Option(
            names = "--min-recall",
            paramLabel = "R",
            defaultValue = "0",
            description = "Lowest acceptable recall, 0..1 (default: ${DEFAULT-VALUE}).")
    private double minRecall;

    @Option(
            names = "--rules",
            split = ",",
            paramLabel = "R1,R2,...",
            description = "Score only these rules (e.g. the ones the evaluated job implements); default: every rule.")
    private Set<String> rules;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        requireFraction("--min-precision", minPrecision);
        requireFraction("--min-recall", minRecall);
        if (rules != null && rules.stream().allMatch(String::isBlank)) {
            // A stray comma scored nothing and passed every threshold.
            throw new UserError("--rules names no rule; give rule ids such as --rules R1,R2");
        }
        PrintWriter out = spec.commandLine().getOut();
        EvaluationReport report;
        try {
            List<GroundTruthEntry> expected = EvaluationInputs.groundTruth(truth);
            List<RiskFlag> raised = RecordInput.flags(
                    flags, bootstrap, kafka::properties, spec.commandLine().getErr(), "evaluate");
            requireOneKey(expected, raised);
            if (rules != null) {
                requireKnown(rules, expected, raised);
                expected = expected.stream()
                        .filter(e -> rules.contains(e.getRuleId()))
                        .toList();
                raised = raised.stream()
                        .filter(f -> rules.contains(f.getRuleId()))
                        .toList();
            }
            report = Evaluation.evaluate(expected, raised);
        } catch (EvaluationInputException e) {
            throw new UserError(e.getMessage(), e);
        }
        List<String> shortfalls = report.shortfalls(minPrecision, minRecall);
        if (json) {
            out.println(toJson(report, shortfalls));
        } else {
            printTable(out, report);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String shortfall : shortfalls) {
            err.println("evaluate: below threshold: " + shortfall);
        }
        out.flush();
        unflaggedRules(report)
                .forEach(rule -> err.println("evaluate: no " + rule
                        + " flag among the flags read, though the ground truth expects some: if they are one job's flags and"
                        + " another job raises " + rule + ", leave it out with --rules"));
        return shortfalls.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A rule id in --rules that neither the ground truth nor the flags know is a typo, not a rule to ignore. */
    private static void requireKnown(Set<String> asked, List<GroundTruthEntry> expected, List<RiskFlag> raised) {
        Set<String> known = new TreeSet<>(RuleIds.ORDER);
        expected.forEach(e -> known.add(e.getRuleId()));
        raised.forEach(f -> known.add(f.getRuleId()));
        List<String> unknown =
                asked.stream().filter(r -> !known.contains(r)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UserError(
                    "--rules: " + String.join(", ", unknown) + (unknown.size() == 1 ? " appears" : " appear")
                            + " neither in the ground truth nor among the flags (they know " + String.join(",", known)
                            + ")");
        }
    }

    /** Rules with expected flags, every one missed, and not one flag of the rule read. */
    private static List<String> unflaggedRules(EvaluationReport report) {
        return report.rules().stream()
                .filter(r -> r.truePositives() == 0 && r.falsePositives() == 0 && r.falseNegatives() > 0)
                .map(RuleScore::ruleId)
                .toList();
    }

    /**
     * Tokens start with the id of their key ({@code Pseudonymiser}): flags of another key than the world's name no
     * subject the ground truth knows, and would score every rule 0.000 as if the rules were broken.
     */
    private static void requireOneKey(List<GroundTruthEntry> expected, List<RiskFlag> raised) {
        Set<String> world = keyIds(expected.stream().map(GroundTruthEntry::getSubjectToken));
        Set<String> flagged = keyIds(raised.stream().map(RiskFlag::getSubjectToken));
        if (!world.isEmpty() && !flagged.isEmpty() && flagged.stream().noneMatch(world::contains)) {
            throw new UserError("the flags' tokens are of key " + String.join(", ", flagged)
                    + ", the world's of key " + String.join(", ", world)
                    + ": run the job with the BORDERFLOW_TOKEN_KEY the world was generated with");
        }
    }

    /** The key ids of the tokens; a subject that is no token (R11's section id) has none. */
    private static Set<String> keyIds(Stream<String> tokens) {
        return tokens.map(Pseudonymiser::keyIdOfToken)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void requireFraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new UserError(option + " must be between 0 and 1, not " + value);
        }
    }

    private static void printTable(PrintWriter out, EvaluationReport report) {
        String row = "%-8s %7s %7s %7s %10s %8s%n";
        out.printf(Locale.ROOT, row, "rule", "TP", "FP", "FN", "precision", "recall");
        for (RuleScore score : report.rules()) {
            printScore(out, score);
        }
        printScore(out, report.overall());
        out.println();
        String familyRow = "%-36s %6s %6s %6s %6s %6s %10s %8s%n";
        out.printf(Locale.ROOT, familyRow, "family", "planted", "near", "TP", "FP", "FN", "precision", "recall");
        for (FamilyScore f : report.families()) {
            out.printf(
                    Locale.ROOT,
                    "%-36s %6d %6d %6d %6d %6d %10.3f %8.3f%n",
                    f.family(),
                    f.expected(),
                    f.nearMisses(),
                    f.truePositives(),
                    f.falsePositives(),
                    f.falseNegatives(),
                    f.precision(),
                    f.recall());
        }
        out.println();
        out.println("misses (" + report.misses().size() + "):");
        for (Miss miss : report.misses()) {
            out.println("  " + miss.ruleId() + " " + miss.triggerEventId() + " (scenario " + miss.scenarioId()
                    + ", family " + miss.family() + ")");
        }
        out.println("false alarms (" + report.falseAlarms().size() + "):");
        for (FalseAlarm alarm : report.falseAlarms()) {
            out.println("  " + alarm.flagId() + " " + alarm.reason() + " (family " + alarm.family() + ")");
        }
    }

    private static void printScore(PrintWriter out, RuleScore score) {
        out.printf(
                Locale.ROOT,
                "%-8s %7d %7d %7d %10.3f %8.3f%n",
                score.ruleId(),
                score.truePositives(),
                score.falsePositives(),
                score.falseNegatives(),
                score.precision(),
                score.recall());
    }

    private static String toJson(EvaluationReport report, List<String> shortfalls) throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "rules", report.rules().stream().map(EvaluateCommand::scoreJson).toList());
        json.put("overall", scoreJson(report.overall()));
        json.put(
                "families",
                report.families().stream().map(EvaluateCommand::familyJson).toList());
        json.put("misses", report.misses());
        json.put("false_alarms", report.falseAlarms());
        json.put("shortfalls", shortfalls);
        json.put("passed", shortfalls.isEmpty());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
    }

    private static Map<String, Object> familyJson(FamilyScore family) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("family", family.family());
        json.put("expected", family.expected());
        json.put("near_misses", family.nearMisses());
        json.put("tp", family.truePositives());
        json.put("fp", family.falsePositives());
        json.put("fn", family.falseNegatives());
        json.put("precision", family.precision());
        json.put("recall", family.recall());
        return json;
    }

    private static Map<String, Object> scoreJson(RuleScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", score.ruleId());
        json.put("tp", score.truePositives());
        json.put("fp", score.falsePositives());
        json.put("fn", score.falseNegatives());
        json.put("precision", score.precision());
        json.put("recall", score.recall());
        return json;
    }
}
