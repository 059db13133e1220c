package eu.borderflow.tools.evaluate;

/**
 * Hits, false alarms and misses of one rule (or all rules). Precision is 1 when nothing was flagged (no false alarm),
 * recall is 1 when nothing was expected (nothing missed).
 */
public record RuleScore(String ruleId, int truePositives, int falsePositives, int falseNegatives) {

    public double precision() {
        int flagged = truePositives + falsePositives;
        return flagged == 0 ? 1.0 : (double) truePositives / flagged;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    public boolean hasExpectedFlags() {
        return truePositives + falseNegatives > 0;
    }

    RuleScore plus(RuleScore other) {
        return new RuleScore(
                ruleId,
                truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }
}
