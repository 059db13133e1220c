package eu.borderflow.dashboard.testing;

import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The beginning of a generated dataset up to an arrival time (docs/CONTRACTS.md: a crossing arrives at its
 * {@code ingest_time}, an alert change at its {@code event_time}, an incident report at its {@code reported_time}):
 * what a live feed has delivered by then, in the layout {@code replay} reads.
 */
public final class DatasetPrefix {

    private DatasetPrefix() {}

    /** Writes the records of {@code dataset} that arrived up to {@code until} into {@code into}. */
    public static void write(Path dataset, Path into, Instant until) throws IOException {
        Files.createDirectories(into);
        copy(dataset, into, "crossings.avro", BorderCrossing.class, BorderCrossing::getIngestTime, until);
        copy(dataset, into, "alerts.avro", AlertChange.class, AlertChange::getEventTime, until);
        copy(dataset, into, "incidents.avro", Incident.class, Incident::getReportedTime, until);
    }

    private static <T extends SpecificRecord> void copy(
            Path from, Path into, String file, Class<T> type, Function<T, Instant> arrival, Instant until)
            throws IOException {
        try (DataFileStream<T> in = AvroFiles.open(type, from.resolve(file));
                DataFileWriter<T> out = AvroFiles.create(type, into.resolve(file), file)) {
            for (T record : in) {
                if (!arrival.apply(record).isAfter(until)) {
                    out.append(record);
                }
            }
        }
    }
}
