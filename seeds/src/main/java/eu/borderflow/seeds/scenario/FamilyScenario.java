package eu.borderflow.seeds.scenario;

import java.util.Arrays;
import java.util.List;

/** A rule's scenario families, planted in turn: instance i plants family i mod n. */
abstract class FamilyScenario implements Scenario {

    private final String ruleId;
    private final List<Family> families;

    FamilyScenario(String ruleId, String... familyNames) {
        this.ruleId = ruleId;
        this.families =
                Arrays.stream(familyNames).map(n -> new Family(ruleId, n)).toList();
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    public List<Family> families() {
        return families;
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        Family family = families.get(instance % families.size());
        plant(ctx, family, family.scenario(instance));
    }

    /** Plants one instance of {@code family}: its expected flag(s) and near-miss(es). */
    abstract void plant(ScenarioContext ctx, Family family, String id);
}
