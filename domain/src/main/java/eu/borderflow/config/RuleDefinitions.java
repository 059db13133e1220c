package eu.borderflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.review.ReviewDates;

/**
 * The rule definitions of the domain library as configured in rules.yaml. Kept apart from the definitions, which the
 * risk job's operators hold: a class shipped to a TaskManager never refers to the configuration files.
 */
public final class RuleDefinitions {

    private RuleDefinitions() {}

    /** R2's match: rules.yaml {@code rules.R2.name_similarity_min}. */
    public static PersonMatchRule personMatch(ConfigLoader config) {
        JsonNode min = config.tree("rules").at("/rules/R2/name_similarity_min");
        if (!min.isNumber()) {
            throw new ConfigException("rules.yaml needs a number rules.R2.name_similarity_min");
        }
        try {
            return new PersonMatchRule(min.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("rules.yaml: " + e.getMessage(), e);
        }
    }

    /** R10's review dates: rules.yaml {@code rules.R10.notice_months}. */
    public static ReviewDates reviewDates(ConfigLoader config) {
        JsonNode months = config.tree("rules").at("/rules/R10/notice_months");
        if (!months.canConvertToInt()) {
            throw new ConfigException("rules.yaml needs an integer rules.R10.notice_months");
        }
        return new ReviewDates(months.intValue());
    }
}
