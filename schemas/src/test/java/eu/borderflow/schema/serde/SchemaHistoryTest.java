package eu.borderflow.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schema reads data written by all its released versions; the newest release is the current schema. */
class SchemaHistoryTest {

    /** The top-level records, each with its released versions under avro/history. */
    static Stream<String> recordNames() {
        return Stream.of(
                "BorderCrossing",
                "AlertChange",
                "Incident",
                "RiskFlag",
                "PictureUpdate",
                "FlagReview",
                "AuditRecord",
                "DeadLetter",
                "GroundTruthEntry",
                "SectionLevelChange");
    }

    @ParameterizedTest
    @MethodSource("recordNames")
    void currentSchemaReadsEveryReleasedVersion(String recordName) throws Exception {
        Schema current = SpecificData.get().getSchema(Class.forName("eu.borderflow.schema." + recordName));
        List<Schema> released = SchemaHistory.versionsOf(recordName);
        assertFalse(released.isEmpty(), recordName + " has no released version under avro/history");
        assertEquals(
                current,
                released.get(released.size() - 1),
                recordName + " changed without a new history version: copy it to the next vN.avsc");

        for (Schema writer : released) {
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
            assertEquals(
                    SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                    compatibility.getType(),
                    recordName + " cannot read " + writer.getFullName() + ": " + compatibility.getDescription());
            GenericRecord written = RandomRecords.of(writer, new Random(writer.hashCode()));
            GenericRecord read = roundTrip(written, writer, current);
            for (Schema.Field field : writer.getFields()) {
                if (current.getField(field.name()) != null) {
                    assertEquals(
                            GenericData.get().toString(written.get(field.name())),
                            GenericData.get().toString(read.get(field.name())),
                            field.name());
                }
            }
        }
    }

    private static GenericRecord roundTrip(GenericRecord record, Schema writer, Schema reader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
