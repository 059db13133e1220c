package eu.borderflow.tools.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores per rule, overall and per scenario family, with the misses and false alarms behind them. */
public record EvaluationReport(
        List<RuleScore> rules,
        RuleScore overall,
        List<FamilyScore> families,
        List<Miss> misses,
        List<FalseAlarm> falseAlarms) {

    public static final String OVERALL = "overall";

    /**
     * Why the run falls short of the thresholds: every rule that has expected flags, and the overall score, must
     * reach them. Empty when it passes.
     */
    public List<String> shortfalls(double minPrecision, double minRecall) {
        List<String> shortfalls = new ArrayList<>();
        List<RuleScore> checked = new ArrayList<>(
                rules.stream().filter(RuleScore::hasExpectedFlags).toList());
        checked.add(overall);
        for (RuleScore score : checked) {
            if (score.precision() < minPrecision) {
                shortfalls.add(String.format(
                        Locale.ROOT, "%s precision %.3f < %.3f", score.ruleId(), score.precision(), minPrecision));
            }
            if (score.recall() < minRecall) {
                shortfalls.add(
                        String.format(Locale.ROOT, "%s recall %.3f < %.3f", score.ruleId(), score.recall(), minRecall));
            }
        }
        return shortfalls;
    }
}
