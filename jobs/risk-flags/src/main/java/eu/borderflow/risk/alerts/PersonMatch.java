package eu.borderflow.risk.alerts;

/**
 * The outcome of comparing a crossing's traveller with one person alert version: the best name similarity, which
 * name variant and which part order gave it, and the birth-date comparison. Holds no names.
 *
 * @param variant 0 for the alert's name, i for its i-th alias
 */
public record PersonMatch(AlertVersion alert, double similarity, double threshold, int variant, boolean sortedParts,
                          BirthDateMatch birthDate) {

    public boolean matched() {
        return similarity >= threshold && birthDate.compatible();
    }

    public String variantLabel() {
        return (variant == 0 ? "alert name" : "alias " + variant) + (sortedParts ? ", parts reordered" : ", as written");
    }
}
