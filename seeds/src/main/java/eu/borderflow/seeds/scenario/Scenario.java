package eu.borderflow.seeds.scenario;

import java.util.List;

/** One planted situation for one rule: expected flags and the near-misses around them. */
public interface Scenario {

    /** Rule id, R1..R11. */
    String ruleId();

    /** Fewest period days the scenario fits in (deadlines plus grace plus traffic after them). */
    default int minDays() {
        return ScenarioContext.MIN_DAYS;
    }

    /** Plants instance {@code instance} (0-based) into the context. */
    void plant(ScenarioContext ctx, int instance);

    /** The scenario families it plants. */
    List<Family> families();
}
