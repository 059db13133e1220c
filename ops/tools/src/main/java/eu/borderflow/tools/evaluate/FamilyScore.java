package eu.borderflow.tools.evaluate;

/**
 * One scenario family (GroundTruthEntry.family, e.g. {@code R3/window-edge}): what it plants (expected flags and
 * near-misses) and how the flags scored on it. False alarms on triggers the truth does not list count in
 * {@code <rule>/unlisted}.
 */
public record FamilyScore(
        String family, int expected, int nearMisses, int truePositives, int falsePositives, int falseNegatives) {

    public double precision() {
        int flagged = truePositives + falsePositives;
        return flagged == 0 ? 1.0 : (double) truePositives / flagged;
    }

    public double recall() {
        int all = truePositives + falseNegatives;
        return all == 0 ? 1.0 : (double) truePositives / all;
    }
}
