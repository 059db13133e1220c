package eu.borderflow.tools.evaluate;

/** An expected flag the job did not raise (ids only), with its scenario and family. */
public record Miss(String ruleId, String triggerEventId, String scenarioId, String family) {}
