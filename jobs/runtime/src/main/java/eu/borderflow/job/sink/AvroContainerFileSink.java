package eu.borderflow.job.sink;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The bounded job's output: one Avro container file holding every record, sorted by a key so that the same input
 * gives the same bytes whatever the order records arrive in. The file is written when the input ends, so it is
 * complete when the job finishes. Runs with parallelism 1 (one file).
 */
public final class AvroContainerFileSink<T extends SpecificRecordBase> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** The sort key of a record; records with equal keys are ordered by their bytes. */
    @FunctionalInterface
    public interface SortKey<T> extends Serializable {
        String of(T record);
    }

    private final Class<T> type;
    private final String file;
    private final SortKey<T> sortKey;

    public AvroContainerFileSink(Class<T> type, Path file, SortKey<T> sortKey) {
        this.type = type;
        this.file = file.toAbsolutePath().toString();
        this.sortKey = sortKey;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
            throw new IllegalStateException("an Avro container file sink writes one file: run it with parallelism 1");
        }
        return new AvroContainerFileWriter<>(type, Path.of(file), sortKey);
    }
}
