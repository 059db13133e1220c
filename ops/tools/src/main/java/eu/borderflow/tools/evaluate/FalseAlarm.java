package eu.borderflow.tools.evaluate;

/** A flag the ground truth does not expect (ids only), and why it counts as a false alarm. */
public record FalseAlarm(String flagId, String ruleId, String triggerEventId, Reason reason) {

    public enum Reason {
        /** The trigger is a planted near miss: the rule should not have fired. */
        NEAR_MISS,
        /** The trigger is expected, but the flag names another subject. */
        SUBJECT_MISMATCH,
        /** The ground truth does not list the trigger at all. */
        UNLISTED
    }
}
