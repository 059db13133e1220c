package eu.borderflow.tools.replay;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What replay pays per crossing before Kafka: read it from the file, find key, arrival and event time, and produce the
 * single-object value. Baseline in the same run: the straightforward way (decode the whole record, re-encode it with
 * {@code SingleObjectSerde}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class ReplayReadBenchmark {

    private static final int CROSSINGS = 100_000;

    private Path dir;

    @Setup(Level.Trial)
    public void writeDataset() throws IOException {
        dir = Files.createTempDirectory("replay-bench");
        new ReplayDatasetWriter(1).write(dir, CROSSINGS, 1, 1);
    }

    @TearDown(Level.Trial)
    public void deleteDataset() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(CROSSINGS)
    public void replayCursor(Blackhole sink) throws IOException {
        try (ArrivalCursor cursor = ArrivalCursor.open(ReplayedFile.CROSSINGS, dir, "ees.crossings")) {
            while (cursor.advance()) {
                sink.consume(cursor.arrivalMillis());
                sink.consume(cursor.eventTimeMillis());
                sink.consume(cursor.key());
                sink.consume(cursor.encodedValue());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(CROSSINGS)
    public void baselineDecodeAndReencode(Blackhole sink) throws IOException {
        SingleObjectSerde<BorderCrossing> serde = SingleObjectSerde.of(BorderCrossing.class);
        try (DataFileStream<BorderCrossing> in =
                AvroFiles.open(BorderCrossing.class, dir.resolve(ReplayedFile.CROSSINGS.fileName()))) {
            BorderCrossing crossing = null;
            while (in.hasNext()) {
                crossing = in.next(crossing);
                sink.consume(crossing.getIngestTime().toEpochMilli());
                sink.consume(crossing.getEventTime().toEpochMilli());
                sink.consume(crossing.getTraveller().getFileId());
                sink.consume(serde.encode(crossing));
            }
        }
    }
}
