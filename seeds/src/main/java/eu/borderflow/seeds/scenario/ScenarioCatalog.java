package eu.borderflow.seeds.scenario;

import eu.borderflow.seeds.reference.Calibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every planted scenario, one per rule with its families, and how many instances of each a dataset gets. */
public final class ScenarioCatalog {

    /** What was planted: instances per rule, and rules skipped because the period is too short. */
    public record Planted(Map<String, Integer> instances, List<String> skipped) {}

    private ScenarioCatalog() {}

    public static List<Scenario> all() {
        return List.of(
                new StolenDocumentScenario(),
                new PersonAlertScenario(),
                new OverstayScenario(),
                new MissingExitScenario(),
                new VisaEntriesScenario(),
                new DocumentExpiryScenario(),
                new ImpossibleTravelScenario(),
                new BiometricMismatchScenario(),
                new ReturnAlertScenario(),
                new AlertReviewScenario(),
                new SectionPressureScenario());
    }

    public static Planted plantAll(ScenarioContext ctx, int travellers, Calibration calibration) {
        int perRule = Math.max(
                calibration.integer("/scenarios/min_per_rule"),
                Math.min(
                        calibration.integer("/scenarios/max_per_rule"),
                        travellers / calibration.integer("/scenarios/travellers_per_instance")));
        Map<String, Integer> instances = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Scenario s : all()) {
            if (ctx.period().days() < s.minDays()) {
                skipped.add(s.ruleId() + ": needs at least " + s.minDays() + " days");
                instances.put(s.ruleId(), 0);
                continue;
            }
            ctx.travellers().planting(s.ruleId());
            int n = s instanceof SectionPressureScenario
                    ? Math.min(perRule, SectionPressureScenario.maxInstances(ctx))
                    : perRule;
            for (int i = 0; i < n; i++) {
                s.plant(ctx, i);
            }
            instances.put(s.ruleId(), n);
        }
        return new Planted(instances, skipped);
    }
}
