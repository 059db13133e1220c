package eu.borderflow.seeds.generate;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.BcpChooser;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PersonWatch;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.UploadNoise;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.travel.MinimumTravelTime;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * Crossings per second of {@code generate} on one thread, writing into files in a temp dir, for a fixed seed,
 * traveller count and period (100,000 travellers, 365 days: 1.12 million crossings, 195 MB):
 * <ul>
 *   <li>{@code generate}: the whole command, {@link Generator#run} (reference data, scenarios, alerts, incidents,
 *       background traffic, ground truth, manifest with sha256 of every file);</li>
 *   <li>{@code crossingStream}: only what is paid per crossing: the background population and its traffic, upload
 *       noise, arrival ordering, encoding and the crossings container file (no scenarios);</li>
 *   <li>baseline, same run: appending the same number of pre-built {@link BorderCrossing} records with a plain Avro
 *       {@link DataFileWriter} (specific datum writer, the dataset's null codec), i.e. what only writing the crossings
 *       file costs when the records already exist.</li>
 * </ul>
 * Crossing counts are constants because JMH needs them at compile time; a benchmark fails rather than report a wrong
 * rate if the generator starts producing other counts. The baseline's pre-built records are the first
 * {@link Prebuilt#SAMPLE} crossings of the same dataset read back, appended in turn (holding a million decoded records
 * would not fit the fork's heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class GenerateBenchmark {

    private static final long SEED = 42;
    private static final int FILE_BUFFER_BYTES = 1 << 16;
    private static final int TRAVELLERS = 100_000;
    private static final int DAYS = 365;
    private static final LocalDate START = LocalDate.parse(GenerateOptions.DEFAULT_START);
    /** What {@code generate --seed 42 --travellers 100000 --days 365} writes into crossings.avro. */
    private static final int CROSSINGS = 1_121_136;
    /** Background crossings (with re-sent copies) of the same world, without the scenarios' scripted ones. */
    private static final int BACKGROUND_CROSSINGS = 1_119_676;
    /** The day range Generator tabulates around the period (its HISTORY_DAYS and FUTURE_DAYS). */
    private static final int HISTORY_DAYS = 400;

    private static final int FUTURE_DAYS = 400;

    private Path dir;

    @Setup(Level.Trial)
    public void createDir() throws IOException {
        dir = Files.createTempDirectory("generate-bench");
    }

    @TearDown(Level.Trial)
    public void deleteDir() throws IOException {
        delete(dir);
    }

    /** The whole {@code generate} command. */
    @Benchmark
    @OperationsPerInvocation(CROSSINGS)
    public long generate() throws IOException {
        long written =
                Generator.run(options(dir.resolve("dataset")), Progress.NONE).get(Generator.CROSSINGS);
        return check(written, CROSSINGS);
    }

    /** The per-crossing path alone: population, traffic, noise, arrival order, encoding, the container file. */
    @Benchmark
    @OperationsPerInvocation(BACKGROUND_CROSSINGS)
    public long crossingStream() throws IOException {
        ReferenceData reference = ReferenceData.load();
        Period period = new Period(START, DAYS);
        BcpChooser chooser = new BcpChooser(reference.bcps(), reference.calibration());
        IdFactory ids = new IdFactory(SEED);
        BackgroundEncoder encoder = new BackgroundEncoder(reference.bcps(), ids);
        CrossingFactory factory =
                new CrossingFactory(reference.bcps(), period.startDay() - HISTORY_DAYS, period.lastDay() + FUTURE_DAYS);
        BackgroundTraffic background = new BackgroundTraffic(
                period,
                reference.bcps(),
                reference.calibration(),
                new BcpClock(reference.bcps(), period.startDay() - HISTORY_DAYS, period.lastDay() + FUTURE_DAYS),
                chooser,
                new TravelTimes(reference.bcps(), MinimumTravelTime.fromConfig(ConfigLoader.defaults())),
                factory,
                AuthorisedStay.SCHENGEN,
                PersonWatch.NONE,
                new PopulationFactory(SEED, period, ids, reference, chooser, AuthorisedStay.SCHENGEN),
                TRAVELLERS,
                encoder::prepare);
        try (EncodedRecordFile writer = EncodedRecordFile.create(
                BorderCrossing.class,
                new BufferedOutputStream(Files.newOutputStream(dir.resolve(Generator.CROSSINGS)), FILE_BUFFER_BYTES),
                Generator.syncSeed(SEED, Generator.CROSSINGS))) {
            return check(
                    CrossingStream.write(
                                    background,
                                    List.of(),
                                    Set.of(),
                                    new UploadNoise(SEED, "upload-noise", reference.calibration()),
                                    new UploadNoise(SEED, "scripted-upload-noise", reference.calibration()),
                                    new BackgroundTruth(
                                            ids,
                                            PseudonymiserFactory.fromConfig(ConfigLoader.defaults()),
                                            reference.bcps(),
                                            factory,
                                            Duration.ofHours(72)),
                                    period,
                                    writer,
                                    encoder,
                                    ids,
                                    Progress.NONE)
                            .records(),
                    BACKGROUND_CROSSINGS);
        }
    }

    /** Plain Avro: append {@link #CROSSINGS} pre-built records to a container file. */
    @Benchmark
    @OperationsPerInvocation(CROSSINGS)
    public long baselineAppendPrebuilt(Prebuilt prebuilt) throws IOException {
        Path file = dir.resolve("baseline.avro");
        BorderCrossing[] sample = prebuilt.sample;
        try (DataFileWriter<BorderCrossing> writer = AvroFiles.create(BorderCrossing.class, file, "baseline")) {
            for (int i = 0; i < CROSSINGS; i++) {
                writer.append(sample[i % sample.length]);
            }
        }
        return Files.size(file);
    }

    /** Records of the benchmark dataset, decoded once; only the baseline's fork makes them. */
    @State(Scope.Benchmark)
    public static class Prebuilt {

        static final int SAMPLE = 100_000;

        BorderCrossing[] sample;

        @Setup(Level.Trial)
        public void readDataset() throws IOException {
            Path tmp = Files.createTempDirectory("generate-bench-sample");
            try {
                Generator.run(options(tmp), Progress.NONE);
                List<BorderCrossing> records = new ArrayList<>(SAMPLE);
                try (DataFileStream<BorderCrossing> in =
                        AvroFiles.open(BorderCrossing.class, tmp.resolve(Generator.CROSSINGS))) {
                    while (in.hasNext() && records.size() < SAMPLE) {
                        records.add(in.next());
                    }
                }
                sample = records.toArray(BorderCrossing[]::new);
            } finally {
                delete(tmp);
            }
        }
    }

    private static GenerateOptions options(Path out) {
        return new GenerateOptions(SEED, TRAVELLERS, DAYS, START, out);
    }

    private static long check(long written, int expected) {
        if (written != expected) {
            throw new IllegalStateException("the benchmark dataset now has " + written + " crossings, not " + expected
                    + ": update the constant in GenerateBenchmark");
        }
        return written;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
