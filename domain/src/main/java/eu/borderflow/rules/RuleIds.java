package eu.borderflow.rules;

import java.util.Comparator;

/** Rule ids in the order people read them: R2 before R10; an id without a number (a family such as "background") last. */
public final class RuleIds {

    public static final Comparator<String> ORDER =
            Comparator.comparingInt(RuleIds::number).thenComparing(Comparator.naturalOrder());

    private RuleIds() {}

    /** The number in a rule id (10 for R10); {@link Integer#MAX_VALUE} for an id without one. */
    public static int number(String ruleId) {
        // No regex or allocation: the generator sorts its ground truth with this.
        int number = 0;
        int digits = 0;
        for (int i = 0; i < ruleId.length(); i++) {
            char c = ruleId.charAt(i);
            if (c >= '0' && c <= '9') {
                number = number * 10 + (c - '0');
                digits++;
            }
        }
        return digits == 0 || digits > 9 ? Integer.MAX_VALUE : number;
    }
}
