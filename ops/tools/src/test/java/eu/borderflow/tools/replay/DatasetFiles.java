package eu.borderflow.tools.replay;

import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads a test dataset back with plain Avro and the generated getters: the ground truth replay's output is compared
 * with, written from docs/CONTRACTS.md (topic, key, timestamp and arrival of each file), not from replay's code.
 */
final class DatasetFiles {

    /** One record of a dataset file, with what the contract says its topic, key, timestamp and arrival are. */
    record Expected(String topic, String key, long timestamp, long arrival, int fileRank, SpecificRecord value) {}

    private DatasetFiles() {}

    static List<Expected> crossings(Path dir) throws IOException {
        return read(
                dir.resolve("crossings.avro"),
                BorderCrossing.class,
                1,
                c -> new Expected(
                        "ees.crossings",
                        c.getTraveller().getFileId(),
                        c.getEventTime().toEpochMilli(),
                        c.getIngestTime().toEpochMilli(),
                        1,
                        c));
    }

    static List<Expected> alerts(Path dir) throws IOException {
        return read(
                dir.resolve("alerts.avro"),
                AlertChange.class,
                0,
                a -> new Expected(
                        "sis.alerts",
                        a.getAlertId(),
                        a.getEventTime().toEpochMilli(),
                        a.getEventTime().toEpochMilli(),
                        0,
                        a));
    }

    static List<Expected> incidents(Path dir) throws IOException {
        return read(
                dir.resolve("incidents.avro"),
                Incident.class,
                2,
                i -> new Expected(
                        "eurosur.incidents",
                        i.getSectionId(),
                        i.getEventTime().toEpochMilli(),
                        i.getReportedTime().toEpochMilli(),
                        2,
                        i));
    }

    /**
     * All three files in the order the contract asks for: by arrival; at one instant alert changes first, then
     * crossings, then incidents, each in file order.
     */
    static List<Expected> mergedByArrival(Path dir) throws IOException {
        List<Expected> all = new ArrayList<>();
        all.addAll(alerts(dir));
        all.addAll(crossings(dir));
        all.addAll(incidents(dir));
        // stable sort: within one file and one arrival instant, file order is kept
        all.sort(Comparator.comparingLong(Expected::arrival).thenComparingInt(Expected::fileRank));
        return all;
    }

    private static <T extends SpecificRecord> List<Expected> read(
            Path file, Class<T> type, int rank, Function<T, Expected> expected) throws IOException {
        List<Expected> records = new ArrayList<>();
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            for (T record : in) {
                records.add(expected.apply(record));
            }
        }
        return records;
    }
}
