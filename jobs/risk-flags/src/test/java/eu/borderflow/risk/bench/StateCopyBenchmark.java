package eu.borderflow.risk.bench;

import eu.borderflow.risk.traveller.OpenStay;
import eu.borderflow.risk.traveller.TravellerFile;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The copy of an EES file that each crossing is applied to (so that a crossing the rules fail on leaves the file as
 * it was): by Flink's reflective POJO serializer (the baseline, what the operator used before) and by
 * {@link TravellerFile#copy()}. The file has two closed stays, an open stay and a visa.
 * <p>
 * {@code ops/borderflow bench --only StateCopyBenchmark}; the score is copies per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
public class StateCopyBenchmark {

    @State(Scope.Thread)
    public static class Files {
        final TravellerFile file = fileWithAVisa();
        final TypeSerializer<TravellerFile> pojo =
                Types.POJO(TravellerFile.class).createSerializer(new SerializerConfigImpl());
    }

    @Benchmark
    public TravellerFile baselinePojoSerializerCopy(Files files) {
        return files.pojo.copy(files.file);
    }

    @Benchmark
    public TravellerFile handWrittenCopy(Files files) {
        return files.file.copy();
    }

    private static TravellerFile fileWithAVisa() {
        TravellerFile file = TravellerFile.empty();
        file.setStays(new int[] {20_100, 20_110, 20_140, 20_152});
        file.setLastMovementDay(20_190);
        file.setVisaDigests(new long[] {0x5eed_cafe_f00dL});
        file.setVisaEntries(new int[] {2});
        file.setVisaDaysUsed(new int[] {12});
        file.setVisaLastDays(new int[] {20_152});
        file.setVisaKeepUntil(new int[] {20_300});
        OpenStay stay = new OpenStay();
        stay.setEntryEventId("E-2025-03-14-DEU-FRA-000123456");
        stay.setEntryTime(1_741_958_400_000L);
        stay.setEntryDay(20_190);
        stay.setBcpCode("DEU-FRANKFURT-AIRPORT");
        stay.setSectionId("DEU-AIR-FRA");
        stay.setRetentionUntil(21_300);
        stay.setLastDayAllowed(20_250);
        stay.setLatestLawfulExit(20_250);
        stay.setMissingExitDeadline(1_747_000_000_000L);
        stay.setVisaDigest(0x5eed_cafe_f00dL);
        file.setOpenStay(stay);
        return file;
    }
}
