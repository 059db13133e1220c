package eu.borderflow.tools.replay;

import eu.borderflow.schema.serde.SingleObjectSerde;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Decodes a record's bytes as written in a file and encodes it as a single-object message of the current schema. */
final class Reencoder<T extends SpecificRecord> {

    private final SpecificDatumReader<T> reader;
    private final SingleObjectSerde<T> serde;
    private BinaryDecoder decoder;
    private T reuse;

    private Reencoder(Class<T> type, Schema writerSchema) {
        this.serde = SingleObjectSerde.of(type);
        this.reader = new SpecificDatumReader<>(writerSchema, serde.schema());
    }

    static <T extends SpecificRecord> Reencoder<T> of(Class<T> type, Schema writerSchema) {
        return new Reencoder<>(type, writerSchema);
    }

    byte[] encode(byte[] bytes, int start, int end) throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(bytes, start, end - start, decoder);
        reuse = reader.read(reuse, decoder);
        return serde.encode(reuse);
    }
}
