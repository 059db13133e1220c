package eu.borderflow.job.ingest;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * One source of a job's input (a Kafka topic, a dataset file, a test's records); {@code name}, the topic or file,
 * names its operators, fixes their uids and is the source its dead letters name.
 */
public record NamedSource<T extends SpecificRecordBase>(String name, IngestSource<T> source) {}
