package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.AvroFiles;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Crossings per second of {@code generate} on one thread, into files in a temp dir: the whole command
 * ({@link Generator#run}: scenarios, alerts, incidents, background traffic, ground truth, manifest with checksums)
 * for a fixed seed, traveller count and period. Baseline in the same run: appending the same number of pre-built
 * {@link BorderCrossing} records with a plain Avro {@link DataFileWriter} (specific datum writer, the dataset's null
 * codec), i.e. what writing the crossings file costs when the records already exist.
 *
 * <p>The crossing count of the dataset is a constant ({@link #CROSSINGS}) because JMH needs it at compile time; the
 * benchmark fails rather than report a wrong rate if the generator starts producing a different count. Pre-built
 * records for the baseline are the first {@link #SAMPLE} crossings of that dataset read back, appended in turn until
 * {@link #CROSSINGS} records are written (holding a million decoded records would not fit the fork's heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class GenerateBenchmark {

    private static final long SEED = 42;
    private static final int TRAVELLERS = 100_000;
    private static final int DAYS = 365;
    /** What {@code generate --seed 42 --travellers 100000 --days 365} writes into crossings.avro. */
    private static final int CROSSINGS = 1_121_136;
    private static final int SAMPLE = 100_000;

    private Path dir;
    private GenerateOptions options;
    private BorderCrossing[] sample;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        dir = Files.createTempDirectory("generate-bench");
        options = new GenerateOptions(SEED, TRAVELLERS, DAYS, LocalDate.parse(GenerateOptions.DEFAULT_START),
                dir.resolve("dataset"));
        generate();
        List<BorderCrossing> records = new ArrayList<>(SAMPLE);
        try (DataFileStream<BorderCrossing> in = AvroFiles.open(BorderCrossing.class,
                options.out().resolve(Generator.CROSSINGS))) {
            while (in.hasNext() && records.size() < SAMPLE) {
                records.add(in.next());
            }
        }
        sample = records.toArray(BorderCrossing[]::new);
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The whole {@code generate} command; returns the manifest's counts. */
    @Benchmark
    @OperationsPerInvocation(CROSSINGS)
    public Map<String, Long> generate() throws IOException {
        Map<String, Long> counts = Generator.run(options, Progress.NONE);
        if (counts.get(Generator.CROSSINGS) != CROSSINGS) {
            throw new IllegalStateException("the benchmark dataset now has " + counts.get(Generator.CROSSINGS)
                    + " crossings, not " + CROSSINGS + ": update GenerateBenchmark.CROSSINGS");
        }
        return counts;
    }

    /** Plain Avro: append {@link #CROSSINGS} pre-built records to a container file. */
    @Benchmark
    @OperationsPerInvocation(CROSSINGS)
    public long baselineAppendPrebuilt() throws IOException {
        Path file = dir.resolve("baseline.avro");
        try (DataFileWriter<BorderCrossing> writer = AvroFiles.create(BorderCrossing.class, file, "baseline")) {
            for (int i = 0; i < CROSSINGS; i++) {
                writer.append(sample[i % sample.length]);
            }
        }
        return Files.size(file);
    }
}
