package eu.borderflow.tools.kafka;

import java.util.List;

/** What {@link TopicSetup} did to one topic; {@code notes} lists altered settings or what it could not change. */
public record TopicChange(String topic, Action action, List<String> notes) {

    public enum Action {
        CREATED,
        ALTERED,
        UNCHANGED,
        /** A change held back until asked for (partitions to grow); settings may have been altered too. */
        HELD
    }

    @Override
    public String toString() {
        return topic + ": " + action.name().toLowerCase()
                + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
}
