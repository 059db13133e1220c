package eu.borderflow.risk.bench;

import eu.borderflow.risk.alerts.CrossingProbe;
import eu.borderflow.risk.alerts.CrossingProbeSerializer;
import eu.borderflow.schema.CrossingKind;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One person probe sent to an alert join and read back, as the network does it: with Flink's reflective POJO
 * serializer (the baseline, what the job used before) and with the hand-written {@link CrossingProbeSerializer}.
 * <p>
 * {@code ops/borderflow bench --only WireSerializerBenchmark}; the score is probes written and read per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
public class WireSerializerBenchmark {

    @State(Scope.Thread)
    public static class Wire {
        final CrossingProbe probe = personProbe();
        final TypeSerializer<CrossingProbe> pojo = CrossingProbe.TYPE.createSerializer(new SerializerConfigImpl());
        final TypeSerializer<CrossingProbe> handWritten = CrossingProbeSerializer.INSTANCE;
        final DataOutputSerializer out = new DataOutputSerializer(512);
        final DataInputDeserializer in = new DataInputDeserializer();

        @Setup
        public void check() throws IOException {
            if (!roundTrip(pojo).getSortedName().equals(roundTrip(handWritten).getSortedName())) {
                throw new IllegalStateException("the two serializers disagree");
            }
        }

        CrossingProbe roundTrip(TypeSerializer<CrossingProbe> serializer) throws IOException {
            out.clear();
            serializer.serialize(probe, out);
            in.setBuffer(out.getSharedBuffer(), 0, out.length());
            return serializer.deserialize(in);
        }
    }

    @Benchmark
    public CrossingProbe baselinePojoSerializer(Wire wire) throws IOException {
        return wire.roundTrip(wire.pojo);
    }

    @Benchmark
    public CrossingProbe handWrittenSerializer(Wire wire) throws IOException {
        return wire.roundTrip(wire.handWritten);
    }

    /** A probe as the name blocking produces it, with field lengths of the generated worlds. */
    private static CrossingProbe personProbe() {
        CrossingProbe probe = new CrossingProbe();
        probe.setFileId("F3a9c0d2e7b14f58a");
        probe.setEventId("E-2025-03-14-DEU-FRA-000123456");
        probe.setKind(CrossingKind.ENTRY);
        probe.setEventTime(1_741_958_400_000L);
        probe.setBcpCode("DEU-FRANKFURT-AIRPORT");
        probe.setSectionId("DEU-AIR-FRA");
        probe.setRetentionUntil(21_000);
        probe.setKey("N:kowalski|anna");
        probe.setKeys(new String[] {"N:kowalski|anna", "N:anna|kowalski", "P:KWLSK"});
        probe.setOrderedName("anna maria kowalski");
        probe.setSortedName("anna kowalski maria");
        probe.setBirthYear(1984);
        probe.setBirthMonth(7);
        probe.setBirthDay(21);
        return probe;
    }
}
