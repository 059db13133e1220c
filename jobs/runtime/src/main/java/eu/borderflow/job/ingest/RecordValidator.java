package eu.borderflow.job.ingest;

import java.io.Serializable;

/** Checks one decoded record before any rule sees it. */
@FunctionalInterface
public interface RecordValidator<T> extends Serializable {

    /** The first problem found, or {@code null} when the record is valid. */
    Violation check(T record);
}
