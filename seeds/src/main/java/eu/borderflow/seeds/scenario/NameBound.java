package eu.borderflow.seeds.scenario;

/**
 * A cheap upper bound on the Jaro-Winkler similarity of two folded names from the letters they hold, to skip name
 * comparisons that cannot reach a threshold. Jaro's matching characters are at most the characters the names share,
 * so Jaro is at most (shared/|a| + shared/|b| + 1) / 3, and Winkler's prefix boost (0.1 per common prefix character,
 * at most 4) adds at most 0.4 (1 - Jaro). The word order does not change the letters, so the bound holds for the
 * written and the sorted forms alike.
 */
final class NameBound {

    private static final int ALPHABET = 27;
    private static final double MAX_BOOST = 0.4;

    private NameBound() {}

    /** How often each letter A-Z (and the space, last) occurs in a folded name; the name's length at the end. */
    static int[] letters(String folded) {
        int[] counts = new int[ALPHABET + 1];
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            counts[c >= 'A' && c <= 'Z' ? c - 'A' : ALPHABET - 1]++;
        }
        counts[ALPHABET] = folded.length();
        return counts;
    }

    /** False when the two names' similarity is certainly below {@code threshold}. */
    static boolean mayReach(int[] a, int[] b, double threshold) {
        if (a[ALPHABET] == 0 || b[ALPHABET] == 0) {
            return true;
        }
        int shared = 0;
        for (int i = 0; i < ALPHABET; i++) {
            shared += Math.min(a[i], b[i]);
        }
        double jaro = ((double) shared / a[ALPHABET] + (double) shared / b[ALPHABET] + 1) / 3;
        return jaro * (1 - MAX_BOOST) + MAX_BOOST >= threshold;
    }
}
