package eu.borderflow.cli.bench;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.file.DataFileStream;

/**
 * The benchmark's world, generated once into {@code var/bench/worlds/} and reused while its parameters stay the same:
 * enough days of traffic for about the crossings asked for, its crossing count and its travellers with a crossing
 * (every one of them holds state through the run: an EES file is kept at least 180 days).
 */
record BenchWorld(Path dir, long crossings, long activeTravellers, int days) {

    /** Crossings per traveller per day in the generator's calibration (100,000 travellers: 1.12 M a year). */
    private static final double CROSSINGS_PER_TRAVELLER_DAY = 0.0307;

    private static final String COUNTS = "bench-counts.txt";

    /** The first day of every benchmark world: the generator's default, so a world is the same on any day. */
    static final LocalDate START = LocalDate.parse(GenerateOptions.DEFAULT_START);

    /** Days of traffic for about {@code crossings} crossings of {@code travellers} travellers, at least a week. */
    static int daysFor(int travellers, long crossings) {
        return (int) Math.max(7, Math.ceil(crossings / (travellers * CROSSINGS_PER_TRAVELLER_DAY)));
    }

    static BenchWorld prepare(Path worlds, long seed, int travellers, long crossings, PrintWriter console)
            throws IOException {
        int days = daysFor(travellers, crossings);
        Path dir = worlds.resolve("seed" + seed + "-t" + travellers + "-d" + days);
        Path counts = dir.resolve(COUNTS);
        if (!Files.isRegularFile(counts)) {
            console.printf("generating a world of %,d travellers over %d days into %s ...%n", travellers, days, dir);
            console.flush();
            BenchBroker.deleteTree(dir);
            Generator.run(new GenerateOptions(seed, travellers, days, START, dir), Progress.NONE);
            long[] counted = count(dir.resolve(DatasetFiles.CROSSINGS));
            Files.writeString(counts, counted[0] + " " + counted[1] + "\n");
        }
        String[] fields = Files.readString(counts).trim().split(" ");
        return new BenchWorld(dir, Long.parseLong(fields[0]), Long.parseLong(fields[1]), days);
    }

    private static long[] count(Path file) throws IOException {
        long n = 0;
        Set<String> files = new HashSet<>();
        try (DataFileStream<BorderCrossing> in = AvroFiles.open(BorderCrossing.class, file)) {
            BorderCrossing reuse = null;
            while (in.hasNext()) {
                reuse = in.next(reuse);
                files.add(reuse.getTraveller().getFileId());
                n++;
            }
        }
        return new long[] {n, files.size()};
    }
}
