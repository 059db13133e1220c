package eu.borderflow.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderCrossing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jobs read Avro with its fast reader (-Dorg.apache.avro.fastread=true, opt-in in Avro 1.12): it must read every
 * record exactly as the default reader does, from the current schema and from every released version.
 */
class FastReaderTest {

    private static final int RECORDS_PER_VERSION = 200;

    @Test
    void testsRunWithTheFastReaderAsTheJobsDo() {
        assertTrue(
                SpecificData.getForClass(BorderCrossing.class).isFastReaderEnabled(),
                "the surefire argLine must set -Dorg.apache.avro.fastread=true, as ops/borderflow and ops/cluster do");
    }

    @ParameterizedTest
    @MethodSource("eu.borderflow.schema.serde.SchemaHistoryTest#recordNames")
    void fastReaderReadsWhatTheDefaultReaderReads(String recordName) throws Exception {
        Class<?> type = Class.forName("eu.borderflow.schema." + recordName);
        Schema current = SpecificData.get().getSchema(type);
        for (Schema writer : SchemaHistory.versionsOf(recordName)) {
            SpecificDatumReader<SpecificRecordBase> slow = reader(type, writer, current, false);
            SpecificDatumReader<SpecificRecordBase> fast = reader(type, writer, current, true);
            Random random = new Random(writer.hashCode());
            SpecificRecordBase reused = null;
            for (int i = 0; i < RECORDS_PER_VERSION; i++) {
                GenericRecord written =
                        i % 2 == 0 ? RandomRecords.of(writer, random) : RandomRecords.withAnyBranch(writer, random);
                byte[] bytes = encode(new GenericDatumWriter<>(writer), written);
                SpecificRecordBase expected =
                        slow.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                SpecificRecordBase read = fast.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                String what = recordName + " written with released schema " + writer.hashCode() + ", record " + i;
                assertEquals(expected, read, what);
                assertArrayEquals(encode(expected), encode(read), what);
                // Flink's serializers hand a record back to be filled again: nothing of the last one may remain.
                reused = fast.read(reused, DecoderFactory.get().binaryDecoder(bytes, null));
                assertEquals(expected, reused, what + ", read into a reused record");
            }
        }
    }

    private static SpecificDatumReader<SpecificRecordBase> reader(
            Class<?> type, Schema writer, Schema current, boolean fastReader) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        model.setFastReaderEnabled(fastReader);
        return new SpecificDatumReader<>(writer, current, model);
    }

    private static <T> byte[] encode(DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] encode(SpecificRecordBase record) throws IOException {
        return encode(new SpecificDatumWriter<>(record.getSchema()), record);
    }
}
