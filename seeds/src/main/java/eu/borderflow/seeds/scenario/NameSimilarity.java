package eu.borderflow.seeds.scenario;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jaro-Winkler similarity of normalised full names, the way a matcher would compare them: diacritics stripped, upper
 * case, letters only. The planner checks names in every word order so planted matches and near-misses hold whichever
 * order a rule compares.
 */
public final class NameSimilarity {

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^A-Z]+");
    /** Winkler's boost: 0.1 per common prefix char, for at most 4 chars, so Jaro-Winkler <= 0.6 Jaro + 0.4. */
    private static final double MAX_BOOST = 0.4;
    /** A normalised name holds the letters A-Z and spaces. */
    private static final int ALPHABET = 27;

    private NameSimilarity() {
    }

    public static String normalise(String name) {
        String stripped = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(stripped.toUpperCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The lowest similarity over the word orders (given-surname, surname-given, sorted words). */
    public static double min(String givenA, String surnameA, String givenB, String surnameB) {
        double best = 1.0;
        for (String[] pair : orders(givenA, surnameA, givenB, surnameB)) {
            best = Math.min(best, JW.apply(pair[0], pair[1]));
        }
        return best;
    }

    /**
     * A full name in the normalised word orders {@link #max} compares, computed once for many comparisons, with how
     * often each character occurs in it (the same in every order).
     */
    public record Forms(String givenSurname, String surnameGiven, String sortedWords, int[] characters) {

        public static Forms of(String given, String surname) {
            String givenSurname = normalise(given + " " + surname);
            int[] characters = new int[ALPHABET];
            givenSurname.chars().forEach(c -> characters[c == ' ' ? ALPHABET - 1 : c - 'A']++);
            return new Forms(givenSurname, normalise(surname + " " + given), sorted(given + " " + surname), characters);
        }
    }

    /**
     * False when {@link #max(Forms, Forms)} is certainly below {@code threshold}, from the characters alone: Jaro's
     * matches are at most the characters the names share, so Jaro <= (shared/|a| + shared/|b| + 1) / 3. Most pairs of
     * different names fail this bound, which spares their five Jaro-Winkler comparisons.
     */
    public static boolean mayReach(Forms a, Forms b, double threshold) {
        int shared = 0;
        for (int i = 0; i < ALPHABET; i++) {
            shared += Math.min(a.characters[i], b.characters[i]);
        }
        double jaro = ((double) shared / a.givenSurname.length() + (double) shared / b.givenSurname.length() + 1) / 3;
        return jaro * (1 - MAX_BOOST) + MAX_BOOST >= threshold;
    }

    /** {@link #max(String, String, String, String)} of two names given in their normalised forms (same result). */
    public static double max(Forms a, Forms b) {
        double best = Math.max(JW.apply(a.givenSurname, b.givenSurname), JW.apply(a.surnameGiven, b.surnameGiven));
        best = Math.max(best, JW.apply(a.sortedWords, b.sortedWords));
        return Math.max(best, Math.max(JW.apply(a.givenSurname, b.surnameGiven), JW.apply(a.surnameGiven, b.givenSurname)));
    }

    /** The highest similarity over the word orders. */
    public static double max(String givenA, String surnameA, String givenB, String surnameB) {
        double best = 0.0;
        for (String[] pair : orders(givenA, surnameA, givenB, surnameB)) {
            best = Math.max(best, JW.apply(pair[0], pair[1]));
        }
        return Math.max(best, Math.max(JW.apply(normalise(givenA + " " + surnameA), normalise(surnameB + " " + givenB)),
                JW.apply(normalise(surnameA + " " + givenA), normalise(givenB + " " + surnameB))));
    }

    private static String[][] orders(String givenA, String surnameA, String givenB, String surnameB) {
        return new String[][] {
                {normalise(givenA + " " + surnameA), normalise(givenB + " " + surnameB)},
                {normalise(surnameA + " " + givenA), normalise(surnameB + " " + givenB)},
                {sorted(givenA + " " + surnameA), sorted(givenB + " " + surnameB)}};
    }

    private static String sorted(String name) {
        String[] words = normalise(name).split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
