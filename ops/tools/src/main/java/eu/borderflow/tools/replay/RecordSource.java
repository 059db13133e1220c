package eu.borderflow.tools.replay;

import java.io.Closeable;

/** The records of one dataset file in arrival order, as replay's merge sees them: one head record at a time. */
interface RecordSource extends Closeable {

    /** Moves to the next record; false at the end of the file. Throws {@link ReplayInputException} on bad input. */
    boolean advance();

    boolean exhausted();

    long arrivalMillis();

    long eventTimeMillis();

    /** The Kafka key, UTF-8. */
    byte[] key();

    /** The head record, Avro single-object encoded. */
    byte[] encodedValue();

    String topic();
}
