package eu.borderflow.tools.evaluate;

/** A flag the ground truth does not expect (ids only), why it counts as a false alarm, and its scenario family. */
public record FalseAlarm(String flagId, String ruleId, String triggerEventId, Reason reason, String family) {

    public enum Reason {
        /** The trigger is a planted near miss: the rule should not have fired. */
        NEAR_MISS,
        /** The trigger is expected, but the flag names another subject. */
        SUBJECT_MISMATCH,
        /** The ground truth does not list the trigger at all. */
        UNLISTED,
        /** Another flag already stands on this trigger, or this one was raised again: one flag per trigger. */
        DUPLICATE,
        /** Raised before the trigger's deadline (R4: the grace for late uploads), even if withdrawn later. */
        PREMATURE
    }
}
