package eu.borderflow.job.sink;

import eu.borderflow.schema.serde.AvroFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Buffers each record as its Avro binary body (so a reused input object cannot change it) and writes them all,
 * sorted, when the input ends.
 */
final class AvroContainerFileWriter<T extends SpecificRecordBase> implements SinkWriter<T> {

    private record Entry(String key, byte[] body) {}

    private static final Comparator<Entry> ORDER =
            Comparator.comparing(Entry::key).thenComparing(Entry::body, Arrays::compareUnsigned);

    private final Class<T> type;
    private final Path file;
    private final AvroContainerFileSink.SortKey<T> sortKey;
    private final SpecificDatumWriter<T> datumWriter;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final List<Entry> entries = new ArrayList<>();
    private BinaryEncoder encoder;
    private boolean written;

    AvroContainerFileWriter(Class<T> type, Path file, AvroContainerFileSink.SortKey<T> sortKey) {
        this.type = type;
        this.file = file;
        this.sortKey = sortKey;
        this.datumWriter = new SpecificDatumWriter<>(type);
    }

    @Override
    public void write(T record, Context context) throws IOException {
        buffer.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        datumWriter.write(record, encoder);
        encoder.flush();
        entries.add(new Entry(sortKey.of(record), buffer.toByteArray()));
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput && !written) {
            writeFile();
        }
    }

    private void writeFile() throws IOException {
        entries.sort(ORDER);
        try (DataFileWriter<T> out =
                AvroFiles.create(type, file, file.getFileName().toString())) {
            for (Entry entry : entries) {
                out.appendEncoded(ByteBuffer.wrap(entry.body()));
            }
        }
        entries.clear();
        written = true;
    }

    @Override
    public void close() {
        entries.clear();
    }
}
