package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.IngestSource;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One source of an input (a Kafka topic, a dataset file, a test's records); {@code name}, the topic or file, names
 * its operators, fixes their uids and is the source its dead letters name.
 */
public record PictureInput<T extends SpecificRecordBase>(String name, IngestSource<T> source) {}
