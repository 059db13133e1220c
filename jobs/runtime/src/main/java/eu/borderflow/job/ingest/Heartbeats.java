package eu.borderflow.job.ingest;

import eu.borderflow.schema.serde.ChangelogHeartbeat;
import java.io.Serializable;

/**
 * How an input that takes changelog heartbeats ({@link ChangelogHeartbeat}) carries one from its source's
 * deserializer to the per-partition watermark generator: as a stand-in record with the heartbeat's time as its event
 * time, which {@link DeadLetterSplit}, right after the source, drops. No record the validator accepts is a stand-in.
 */
public interface Heartbeats<T> extends Serializable {

    /** What a heartbeat whose time cannot be believed violates ({@link Violation#of}). */
    String TIME = "HEARTBEAT_TIME";

    /** Why a heartbeat at {@code millis} cannot be believed (a time outside the ingest window), or null. */
    Violation check(long millis);

    /** The stand-in for a heartbeat at {@code millis}. */
    T standIn(long millis);

    boolean isStandIn(T record);
}
