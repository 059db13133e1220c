package eu.borderflow.job.ingest;

import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import java.io.IOException;

/**
 * Reads an Avro object container file (a dataset file) record by record for a {@code FileSource}. One file is one
 * split; a restore re-reads it and skips what was already emitted.
 */
public final class AvroContainerFormat<T extends SpecificRecordBase> extends SimpleStreamFormat<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    public AvroContainerFormat(Class<T> type) {
        this.type = type;
    }

    @Override
    public Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException {
        DataFileStream<T> records = new DataFileStream<>(stream, new SpecificDatumReader<>(type));
        return new Reader<>() {
            @Override
            public T read() {
                return records.hasNext() ? records.next() : null;
            }

            @Override
            public void close() throws IOException {
                records.close();
            }
        };
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return new AvroTypeInfo<>(type);
    }
}
