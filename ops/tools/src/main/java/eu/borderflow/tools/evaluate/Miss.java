package eu.borderflow.tools.evaluate;

/** An expected flag the job did not raise (ids only). */
public record Miss(String ruleId, String triggerEventId, String scenarioId) {
}
