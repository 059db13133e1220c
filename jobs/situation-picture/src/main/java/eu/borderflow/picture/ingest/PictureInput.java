package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.RawRecord;
import org.apache.flink.api.connector.source.Source;

/**
 * One source of an input: raw Kafka records (decoded and validated in the job), or records already decoded (dataset
 * files). {@code name}, the topic or file, names the operators, fixes their uids and is the source a dead letter names.
 */
public record PictureInput<T>(String name, Source<RawRecord, ?, ?> raw, Source<T, ?, ?> decoded) {

    public static <T> PictureInput<T> raw(Source<RawRecord, ?, ?> source, String name) {
        return new PictureInput<>(name, source, null);
    }

    public static <T> PictureInput<T> decoded(Source<T, ?, ?> source, String name) {
        return new PictureInput<>(name, null, source);
    }
}
