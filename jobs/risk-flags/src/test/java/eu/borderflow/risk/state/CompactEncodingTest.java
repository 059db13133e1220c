package eu.borderflow.risk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.flink.api.java.typeutils.runtime.DataInputViewStream;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact state encodings give back exactly what they were given, at the sizes the state budget counts on. */
class CompactEncodingTest {

    private final DataOutputSerializer out = new DataOutputSerializer(64);

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "E58cbbb8faa1604d5",
                "E0000000000000000",
                "Effffffffffffffff",
                "F8000000000000000",
                "EABCDEF0123456789",
                "E58cbbb8faa1604dg",
                "E58cbbb8faa1604d",
                "E58cbbb8faa1604d5a",
                "\u00c958cbbb8faa1604d5",
                "-58cbbb8faa1604d5",
                "550e8400-e29b-41d4-a716-446655440000"
            })
    void idsComeBackAsTheyWere(String id) throws IOException {
        CompactEncoding.writeId(id, out);
        out.writeByte(42);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(CompactEncoding.readId(in)).isEqualTo(id);
        assertThat(in.readByte()).as("nothing left unread or read too far").isEqualTo((byte) 42);
    }

    @Test
    void anEventIdOfHexDigitsTakesTenBytes() throws IOException {
        CompactEncoding.writeId("E58cbbb8faa1604d5", out);
        assertThat(out.length()).isEqualTo(10);
    }

    @Test
    void anUnknownIdFormIsAnError() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {7});
        assertThatThrownBy(() -> CompactEncoding.readId(in)).isInstanceOf(IOException.class);
    }

    @Test
    void numbersAndArraysComeBackAsTheyWere() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int[] ints = new int[2000];
        long[] longs = new long[2000];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i < 4 ? new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1}[i] : random.nextInt();
            longs[i] = i < 4 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1}[i] : random.nextLong();
        }
        int[][] arrays = {null, {}, {20_000, 20_010, 20_030}, {5, -3, 9}, {Integer.MIN_VALUE, Integer.MAX_VALUE, 0}};
        for (int value : ints) {
            CompactEncoding.writeInt(value, out);
        }
        for (long value : longs) {
            CompactEncoding.writeLong(value, out);
        }
        for (int[] array : arrays) {
            CompactEncoding.writeInts(array, out);
        }

        DataInputViewStream in = new DataInputViewStream(new DataInputDeserializer(out.getCopyOfBuffer()));
        for (int value : ints) {
            assertThat(CompactEncoding.readInt(in)).isEqualTo(value);
        }
        for (long value : longs) {
            assertThat(CompactEncoding.readLong(in)).isEqualTo(value);
        }
        for (int[] array : arrays) {
            assertThat(CompactEncoding.readInts(in)).isEqualTo(array);
        }
        assertThat(in.read()).as("all read").isEqualTo(-1);
    }

    @Test
    void anEpochDayTakesThreeBytesAndAStayTwoMore() throws IOException {
        CompactEncoding.writeInts(new int[] {20_000, 20_010}, out);
        assertThat(out.length()).isEqualTo(1 + 3 + 1);
    }
}
