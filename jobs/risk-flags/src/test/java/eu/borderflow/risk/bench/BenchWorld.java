package eu.borderflow.risk.bench;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * A generated world (seeds generator) as the job would see it: crossings and alert changes interleaved by arrival
 * (crossings by ingest time, alert changes by event time), with a bounded-out-of-orderness watermark every
 * {@link #WATERMARK_EVERY} records, the way the job's sources would emit periodic watermarks.
 */
public final class BenchWorld {

    /** Records (crossings or alert changes) between two watermarks. */
    public static final int WATERMARK_EVERY = 256;

    /** One step of the replay: exactly one of the fields is set. */
    public record Step(BorderCrossing crossing, AlertChange alert, long watermark) {}

    public final ConfigLoader config = ConfigLoader.defaults();
    public final List<BorderCrossing> crossings;
    public final List<AlertChange> alerts;
    public final List<Step> steps;

    private BenchWorld(List<BorderCrossing> crossings, List<AlertChange> alerts) {
        this.crossings = crossings;
        this.alerts = alerts;
        this.steps = interleave(
                crossings, alerts, TimeConfig.load(config).getOutOfOrderness().toMillis());
    }

    /** Generates the world into a temporary folder, reads it back and deletes the folder. */
    public static BenchWorld generate(long seed, int travellers, int days) throws IOException {
        Path dir = Files.createTempDirectory("borderflow-bench-");
        try {
            Generator.run(
                    new GenerateOptions(seed, travellers, days, LocalDate.parse(GenerateOptions.DEFAULT_START), dir),
                    Progress.NONE);
            return new BenchWorld(
                    read(BorderCrossing.class, dir.resolve("crossings.avro")),
                    read(AlertChange.class, dir.resolve("alerts.avro")));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static <T extends SpecificRecord> List<T> read(Class<T> type, Path file) throws IOException {
        List<T> records = new ArrayList<>();
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            in.forEach(records::add);
        }
        return records;
    }

    /** Both files are sorted by arrival already; merge them and add periodic watermarks. */
    private static List<Step> interleave(List<BorderCrossing> crossings, List<AlertChange> alerts, long outOfOrder) {
        List<Step> steps = new ArrayList<>(crossings.size() + alerts.size() + 1024);
        int c = 0;
        int a = 0;
        long maxEventTime = Long.MIN_VALUE;
        long lastWatermark = Long.MIN_VALUE;
        int sinceWatermark = 0;
        while (c < crossings.size() || a < alerts.size()) {
            boolean takeCrossing = a >= alerts.size()
                    || (c < crossings.size()
                            && !crossings
                                    .get(c)
                                    .getIngestTime()
                                    .isAfter(alerts.get(a).getEventTime()));
            long eventTime;
            if (takeCrossing) {
                BorderCrossing crossing = crossings.get(c++);
                steps.add(new Step(crossing, null, 0));
                eventTime = crossing.getEventTime().toEpochMilli();
            } else {
                AlertChange alert = alerts.get(a++);
                steps.add(new Step(null, alert, 0));
                eventTime = alert.getEventTime().toEpochMilli();
            }
            maxEventTime = Math.max(maxEventTime, eventTime);
            if (++sinceWatermark == WATERMARK_EVERY) {
                sinceWatermark = 0;
                long watermark = maxEventTime - outOfOrder - 1;
                if (watermark > lastWatermark) {
                    steps.add(new Step(null, null, watermark));
                    lastWatermark = watermark;
                }
            }
        }
        return steps;
    }
}
