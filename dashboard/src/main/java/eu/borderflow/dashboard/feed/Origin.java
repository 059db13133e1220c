package eu.borderflow.dashboard.feed;

import java.util.Comparator;

/**
 * Where a record came from: a Kafka topic partition, or for a bounded run's files the file name with partition 0
 * (offsets are then record numbers in the file).
 */
public record Origin(String topic, int partition) implements Comparable<Origin> {

    private static final Comparator<Origin> ORDER =
            Comparator.comparing(Origin::topic).thenComparingInt(Origin::partition);

    @Override
    public int compareTo(Origin other) {
        return ORDER.compare(this, other);
    }
}
