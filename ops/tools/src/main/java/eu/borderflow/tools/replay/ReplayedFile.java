package eu.borderflow.tools.replay;

import eu.borderflow.config.TopicNames;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * One dataset file that {@code replay} publishes (docs/CONTRACTS.md): its record type, its topic among the
 * environment's topic names, the field that is the
 * Kafka key, the arrival time the file is sorted by, and the event time that becomes the Kafka timestamp. Fields are
 * dotted paths in the Avro schema.
 */
public record ReplayedFile(
        String fileName,
        Class<? extends SpecificRecord> type,
        Function<TopicNames, String> topic,
        String keyField,
        String arrivalField,
        String eventTimeField) {

    public static final ReplayedFile ALERTS = new ReplayedFile(
            "alerts.avro", AlertChange.class, TopicNames::getAlerts, "alert_id", "event_time", "event_time");

    public static final ReplayedFile CROSSINGS = new ReplayedFile(
            "crossings.avro",
            BorderCrossing.class,
            TopicNames::getCrossings,
            "traveller.file_id",
            "ingest_time",
            "event_time");

    public static final ReplayedFile INCIDENTS = new ReplayedFile(
            "incidents.avro", Incident.class, TopicNames::getIncidents, "section_id", "reported_time", "event_time");

    /**
     * The files of a dataset, in the order that breaks arrival-time ties between them: an alert change that takes
     * effect at the same instant as a crossing arrives is published first.
     */
    public static final List<ReplayedFile> ALL = List.of(ALERTS, CROSSINGS, INCIDENTS);
}
