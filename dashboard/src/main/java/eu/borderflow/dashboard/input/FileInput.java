package eu.borderflow.dashboard.input;

import eu.borderflow.dashboard.feed.Origin;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.InputRecord;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded run's output files as the dashboard's input, read once at start: {@code incidents.avro} (a dataset's),
 * {@code flags.avro} and {@code picture.avro} (a run's), from each folder given. Nothing arrives later; reviews and
 * level changes cannot be made on files (the view is read-only). The record's origin is the file name, with the
 * folder's index as partition and the record number as offset.
 */
public final class FileInput implements DashboardInput {

    public static final String INCIDENTS = "incidents.avro";
    public static final String FLAGS = "flags.avro";
    public static final String PICTURE = "picture.avro";
    private static final int BATCH = 1000;

    private final List<Path> folders;
    private final SituationView view;
    private final DashboardMetrics metrics;
    private final Map<String, Object> status = new LinkedHashMap<>();

    public FileInput(List<Path> folders, SituationView view, DashboardMetrics metrics) {
        this.folders = List.copyOf(folders);
        this.view = view;
        this.metrics = metrics;
        status.put("mode", "files");
        status.put("source", folders.stream().map(Path::toString).toList());
        status.put("connected", true);
        status.put("caught_up", false);
    }

    /** The files of these folders that the dashboard reads; empty when there are none. */
    public static List<Path> filesIn(List<Path> folders) {
        List<Path> out = new ArrayList<>();
        for (Path folder : folders) {
            for (String name : List.of(INCIDENTS, FLAGS, PICTURE)) {
                if (Files.isRegularFile(folder.resolve(name))) {
                    out.add(folder.resolve(name));
                }
            }
        }
        return out;
    }

    @Override
    public void start() {
        for (int i = 0; i < folders.size(); i++) {
            Path folder = folders.get(i);
            read(folder.resolve(INCIDENTS), Incident.class, i);
            read(folder.resolve(FLAGS), RiskFlag.class, i);
            read(folder.resolve(PICTURE), PictureUpdate.class, i);
        }
        status.put("caught_up", true);
    }

    private <T extends SpecificRecord> void read(Path file, Class<T> type, int folderIndex) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Origin origin = new Origin(file.getFileName().toString(), folderIndex);
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            List<InputRecord> batch = new ArrayList<>(BATCH);
            long offset = 0;
            while (in.hasNext()) {
                batch.add(new InputRecord(origin, offset++, in.next()));
                if (batch.size() == BATCH) {
                    view.apply(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            view.apply(batch);
            metrics.recordsRead(origin.topic(), (int) offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> status() {
        return new LinkedHashMap<>(status);
    }

    @Override
    public void close() {
        // Nothing runs in the background.
    }
}
