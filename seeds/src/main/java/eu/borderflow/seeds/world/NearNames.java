package eu.borderflow.seeds.world;

import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Names just below R2's threshold: a person's name with a letter or two changed, dropped or swapped, until its
 * similarity ({@link PersonMatchRule}) with the person's name is at least {@code min} and with every spelling the
 * person travels under below the threshold: another person, or a clerk's typo, that a matcher must not take for a
 * match.
 */
public final class NearNames {

    private static final int TRIES = 400;
    private static final String LETTERS = "abcdefghijklmnoprstuvyz";

    private final PersonMatchRule rule;
    private final double min;

    public NearNames(PersonMatchRule rule, double min) {
        this.rule = rule;
        this.min = min;
    }

    /**
     * {surname, given names} near {@code surname given} but not matching any of {@code spellings} (each {surname,
     * given}); null when none is found.
     */
    public String[] near(String surname, String given, List<String[]> spellings, RandomGenerator rng) {
        NameForms original = NameForms.of(surname, given);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            String s = surname;
            String g = given;
            int edits = 1 + attempt % 3;
            for (int e = 0; e < edits; e++) {
                if (rng.nextBoolean() || g.length() < 3) {
                    s = edit(s, rng);
                } else {
                    g = edit(g, rng);
                }
            }
            NameForms candidate = NameForms.of(s, g);
            double sim = PersonMatchRule.similarity(candidate, original);
            if (sim >= min && sim < rule.nameSimilarityMin() && belowAll(candidate, spellings)) {
                return new String[] {s, g};
            }
        }
        return null;
    }

    private boolean belowAll(NameForms candidate, List<String[]> spellings) {
        for (String[] spelling : spellings) {
            if (rule.namesMatch(PersonMatchRule.similarity(candidate, NameForms.of(spelling[0], spelling[1])))) {
                return false;
            }
        }
        return true;
    }

    /** One letter changed, dropped or swapped with the next (never the first letter). */
    private static String edit(String name, RandomGenerator rng) {
        if (name.length() < 3) {
            return name;
        }
        int at = 1 + rng.nextInt(name.length() - 1);
        char letter = LETTERS.charAt(rng.nextInt(LETTERS.length()));
        return switch (rng.nextInt(3)) {
            case 0 -> name.substring(0, at) + letter + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            default ->
                at + 1 < name.length()
                        ? name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2)
                        : name.substring(0, at) + letter;
        };
    }
}
