package eu.borderflow.risk.alerts;

import eu.borderflow.risk.flag.Flags;
import eu.borderflow.schema.Condition;
import java.util.List;
import java.util.Locale;

/** The field comparisons of a person match, as conditions: scores, outcomes and variants, never the names. */
final class PersonConditions {

    private PersonConditions() {}

    static void add(List<Condition> conditions, String prefix, PersonMatch match) {
        conditions.add(Flags.condition(
                prefix + "name_similarity_jaro_winkler",
                String.format(Locale.ROOT, "%.3f", match.getSimilarity()),
                ">=",
                match.getThreshold(),
                match.getSimilarity() >= match.getThreshold()));
        conditions.add(Flags.condition(
                prefix + "name_variant_matched",
                match.variantLabel(),
                "best of",
                "alert name and aliases, as written and with parts reordered",
                true));
        conditions.add(Flags.condition(
                prefix + "birth_date",
                match.getBirthDate(),
                "compatible",
                "same date, day/month swapped, or year only on the alert",
                match.getBirthDate().compatible()));
    }
}
