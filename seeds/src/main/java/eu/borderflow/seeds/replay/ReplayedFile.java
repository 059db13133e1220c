package eu.borderflow.seeds.replay;

import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import eu.borderflow.seeds.kafka.Topics;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One dataset file that {@code replay} publishes (docs/CONTRACTS.md): its record type, topic, Kafka key, and the
 * arrival time the file is sorted by. The Kafka timestamp is always the record's event time.
 */
public record ReplayedFile<T extends SpecificRecord>(String fileName,
                                                     Class<T> type,
                                                     String topic,
                                                     Function<T, String> key,
                                                     ToLongFunction<T> arrivalMillis,
                                                     ToLongFunction<T> eventTimeMillis) {

    public static final ReplayedFile<AlertChange> ALERTS = new ReplayedFile<>("alerts.avro", AlertChange.class,
            Topics.ALERTS, AlertChange::getAlertId,
            a -> a.getEventTime().toEpochMilli(), a -> a.getEventTime().toEpochMilli());

    public static final ReplayedFile<BorderCrossing> CROSSINGS = new ReplayedFile<>("crossings.avro",
            BorderCrossing.class, Topics.CROSSINGS, c -> c.getTraveller().getFileId(),
            c -> c.getIngestTime().toEpochMilli(), c -> c.getEventTime().toEpochMilli());

    public static final ReplayedFile<Incident> INCIDENTS = new ReplayedFile<>("incidents.avro", Incident.class,
            Topics.INCIDENTS, Incident::getSectionId,
            i -> i.getReportedTime().toEpochMilli(), i -> i.getEventTime().toEpochMilli());

    /**
     * The files of a dataset, in the order that breaks arrival-time ties between them: an alert change that takes
     * effect at the same instant as a crossing arrives is published first.
     */
    public static final List<ReplayedFile<?>> ALL = List.of(ALERTS, CROSSINGS, INCIDENTS);
}
