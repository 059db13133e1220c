package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.testkit.Dataset;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written encoder must give exactly the bytes of Avro's own writer, record by record. */
class CrossingEncoderTest {

    @Test
    void sameBytesAsSpecificDatumWriterForEveryRecordShape() throws IOException {
        Dataset data = Dataset.generate(11, 2000, 40);
        SpecificDatumWriter<BorderCrossing> avro = new SpecificDatumWriter<>(BorderCrossing.class);
        CrossingEncoder encoder = new CrossingEncoder();
        int visas = 0;
        int refusals = 0;
        int nonAscii = 0;
        for (BorderCrossing c : data.crossings) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            BinaryEncoder e = EncoderFactory.get().binaryEncoder(expected, null);
            avro.write(c, e);
            e.flush();
            ByteBuffer mine = encoder.encode(c);
            byte[] actual = Arrays.copyOfRange(mine.array(), mine.position(), mine.limit());
            assertArrayEquals(expected.toByteArray(), actual, "event " + c.getEventId());
            visas += c.getVisa() != null ? 1 : 0;
            refusals += c.getRefusalReasons().isEmpty() ? 0 : 1;
            nonAscii += (c.getTraveller().getSurname() + c.getTraveller().getGivenNames()).chars().anyMatch(ch -> ch > 127) ? 1 : 0;
        }
        assertTrue(visas > 0 && refusals > 0 && nonAscii > 0, "covers visas, refusal reasons and non-ASCII names");
    }
}
