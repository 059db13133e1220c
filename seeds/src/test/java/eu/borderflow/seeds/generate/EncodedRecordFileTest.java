package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The container file of pre-encoded records is byte for byte the one Avro's own writer makes of the same records. */
class EncodedRecordFileTest {

    private static final String SYNC_SEED = "encoded-record-file-test";

    /** Record counts: none, one block not full, and several blocks (records of varied length, about 150 bytes). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 300, 2_000})
    void writesWhatAvroWrites(int count) throws IOException {
        List<ByteBuffer> records = encoded(count);

        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        try (DataFileWriter<GroundTruthEntry> w = AvroFiles.create(GroundTruthEntry.class, avro, SYNC_SEED)) {
            for (ByteBuffer r : records) {
                w.appendEncoded(r.duplicate());
            }
        }
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (EncodedRecordFile w = EncodedRecordFile.create(GroundTruthEntry.class, ours, SYNC_SEED)) {
            for (ByteBuffer r : records) {
                w.appendEncoded(r.duplicate());
            }
        }

        assertArrayEquals(avro.toByteArray(), ours.toByteArray());
        int read = 0;
        try (DataFileStream<GroundTruthEntry> in = new DataFileStream<>(
                new ByteArrayInputStream(ours.toByteArray()), new SpecificDatumReader<>(GroundTruthEntry.class))) {
            for (GroundTruthEntry e : in) {
                assertEquals(entry(read++), e);
            }
        }
        assertEquals(count, read);
    }

    private static List<ByteBuffer> encoded(int count) throws IOException {
        SpecificDatumWriter<GroundTruthEntry> writer = new SpecificDatumWriter<>(GroundTruthEntry.class);
        List<ByteBuffer> out = new ArrayList<>(count);
        BinaryEncoder encoder = null;
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            encoder = EncoderFactory.get().directBinaryEncoder(bytes, encoder);
            writer.write(entry(i), encoder);
            // Offset views, as the generator hands over: only position to limit is the record.
            byte[] padded = new byte[bytes.size() + 3];
            System.arraycopy(bytes.toByteArray(), 0, padded, 2, bytes.size());
            out.add(ByteBuffer.wrap(padded, 2, bytes.size()));
        }
        return out;
    }

    private static GroundTruthEntry entry(int i) {
        return new GroundTruthEntry(
                "scenario/" + i,
                i % 2 == 0 ? GroundTruthKind.EXPECTED_FLAG : GroundTruthKind.NEAR_MISS,
                "R" + (1 + i % 11),
                "token-" + "x".repeat(i % 50),
                "E" + i,
                "description of entry " + i,
                "family/" + (i % 7),
                i % 3 == 0 ? Instant.ofEpochMilli(1_700_000_000_000L + i) : null);
    }
}
