package eu.borderflow.risk.traveller;

import eu.borderflow.risk.rules.AllowListMutator;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs crossings through the operator that holds a rule, as given or with every field outside the rule's allow-list
 * changed; identical flags show that the rule reads nothing else.
 */
final class AllowListCheck {

    private AllowListCheck() {}

    /** The rule's flags; {@code seed < 0} means the crossings unchanged. */
    static List<RiskFlag> flags(List<BorderCrossing> crossings, String ruleId, RuleDescriptor rule, long seed)
            throws Exception {
        List<BorderCrossing> input = new ArrayList<>();
        for (int i = 0; i < crossings.size(); i++) {
            input.add(
                    seed < 0
                            ? crossings.get(i)
                            : AllowListMutator.mutateOutside(crossings.get(i), rule.allowList(), seed * 1000 + i));
        }
        long end = input.stream()
                        .mapToLong(c -> c.getEventTime().toEpochMilli())
                        .max()
                        .orElseThrow()
                + Duration.ofDays(10).toMillis();
        switch (ruleId) {
            case "R7", "R8" -> {
                try (RuleHarness<DocumentCrossing> h = RuleHarness.document(Crossings.CONFIG)) {
                    h.send(input.toArray(BorderCrossing[]::new));
                    h.watermark(end);
                    return h.flags(ruleId);
                }
            }
            default -> {
                try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(Crossings.CONFIG)) {
                    h.send(input.toArray(BorderCrossing[]::new));
                    h.watermark(end);
                    return h.flags(ruleId);
                }
            }
        }
    }
}
