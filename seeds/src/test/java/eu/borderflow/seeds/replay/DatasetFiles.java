package eu.borderflow.seeds.replay;

import eu.borderflow.schema.serde.AvroFiles;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a test dataset back with plain Avro: the ground truth replay's output is compared with. */
final class DatasetFiles {

    /** One record of a dataset file, with what the contract says its topic, key, timestamp and arrival are. */
    record Expected(String topic, String key, long timestamp, long arrival, int fileRank, SpecificRecord value) {
    }

    /** Files whose records arrive at the same instant are published in this order (alert changes first). */
    private static final List<String> TIE_ORDER = List.of("alerts.avro", "crossings.avro", "incidents.avro");

    private DatasetFiles() {
    }

    static <T extends SpecificRecord> List<Expected> read(Path dir, ReplayedFile<T> file) throws IOException {
        List<Expected> records = new ArrayList<>();
        int rank = TIE_ORDER.indexOf(file.fileName());
        try (DataFileStream<T> in = AvroFiles.open(file.type(), dir.resolve(file.fileName()))) {
            for (T record : in) {
                records.add(new Expected(file.topic(), file.key().apply(record),
                        file.eventTimeMillis().applyAsLong(record), file.arrivalMillis().applyAsLong(record), rank,
                        record));
            }
        }
        return records;
    }

    /** All three files in the order the contract asks for: by arrival, ties alerts, crossings, incidents. */
    static List<Expected> mergedByArrival(Path dir) throws IOException {
        List<Expected> all = new ArrayList<>();
        for (ReplayedFile<?> file : ReplayedFile.ALL) {
            all.addAll(read(dir, file));
        }
        // stable sort: within one file and one arrival instant, file order is kept
        all.sort(Comparator.comparingLong(Expected::arrival).thenComparingInt(Expected::fileRank));
        return all;
    }
}
