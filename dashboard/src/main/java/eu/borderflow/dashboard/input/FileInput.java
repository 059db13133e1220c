package eu.borderflow.dashboard.input;

import eu.borderflow.dashboard.feed.Origin;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.InputRecord;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.flag.FlagTime;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * A bounded run's output files as the dashboard's input, read once at start: {@code incidents.avro} (a dataset's),
 * {@code flags.avro} and {@code picture.avro} (a run's), from each folder given. The records of all files are applied
 * in the order they happened (an incident when it was reported, a flag at its trigger, a picture at its window's
 * end), so the feed reads like the day it shows. Nothing arrives later; reviews and level changes cannot be made on
 * files (the view is read-only). A record's origin is its file name with the folder's index as partition, and its
 * offset its place among that file's records in this order.
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

    /** A record read from a file, with the time it happened. */
    private record Timed(Instant at, Origin origin, SpecificRecord value) {}

    @Override
    public void start() {
        List<Timed> all = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            Path folder = folders.get(i);
            read(folder.resolve(INCIDENTS), Incident.class, i, Incident::getReportedTime, all);
            read(folder.resolve(FLAGS), RiskFlag.class, i, FlagTime::raisedAt, all);
            read(folder.resolve(PICTURE), PictureUpdate.class, i, PictureUpdate::getWindowEnd, all);
        }
        all.sort(Comparator.comparing(Timed::at));
        Map<Origin, Long> offsets = new HashMap<>();
        List<InputRecord> batch = new ArrayList<>(BATCH);
        for (Timed t : all) {
            batch.add(new InputRecord(t.origin(), offsets.merge(t.origin(), 1L, Long::sum) - 1, t.value()));
            if (batch.size() == BATCH) {
                view.apply(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        view.apply(batch);
        view.pictureSettled();
        status.put("caught_up", true);
    }

    private <T extends SpecificRecord> void read(
            Path file, Class<T> type, int folderIndex, Function<T, Instant> at, List<Timed> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Origin origin = new Origin(file.getFileName().toString(), folderIndex);
        int n = 0;
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            while (in.hasNext()) {
                T record = in.next();
                into.add(new Timed(at.apply(record), origin, record));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        metrics.recordsRead(origin.topic(), n);
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
