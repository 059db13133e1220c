package eu.borderflow.risk.rules;

import java.util.Set;

/**
 * DOMAIN.md section 5: no rule may use race, ethnic origin, religion, political opinion, health or sexual orientation;
 * nationality, sex or age may never be the only input.
 */
public final class ProtectedAttributes {

    /** Words that must never appear in any allow-list entry. */
    public static final Set<String> FORBIDDEN =
            Set.of("race", "ethnic", "religion", "political", "health", "sexual_orientation", "orientation");

    /** May be read together with other evidence, never alone. */
    public static final Set<String> NEVER_ALONE = Set.of(
            "traveller.nationality",
            "traveller.sex",
            "traveller.date_of_birth",
            "person.nationalities",
            "person.sex",
            "person.date_of_birth");

    private ProtectedAttributes() {}

    static void check(String ruleId, Set<String> allowList) {
        for (String field : allowList) {
            for (String word : FORBIDDEN) {
                if (field.toLowerCase().contains(word)) {
                    throw new IllegalArgumentException(ruleId + " may not read protected attribute " + field);
                }
            }
        }
        if (!allowList.isEmpty() && NEVER_ALONE.containsAll(allowList)) {
            throw new IllegalArgumentException(ruleId + " may not rest on nationality, sex or age alone");
        }
    }
}
