package eu.borderflow.job.environment;

import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Operators whose outputs leaving their chain are few (flags, person matches, dead letters, alert changes) flush each
 * record at once instead of waiting for the environment's {@code job.buffer_timeout}. Flink then starts no output
 * flusher thread for them: each such thread wakes every buffer timeout whatever the traffic, a fixed cost measured
 * in docs/PERFORMANCE.md (2026-12-07). A flag also leaves its operator without waiting for the flusher. The
 * per-crossing edges (source to admission, the EES file's chain to the document operator and the alert joins) keep
 * the buffer timeout, where filling buffers pays.
 */
public final class SparseOutput {

    /** Flink's buffer timeout that flushes after every record. */
    private static final long FLUSH_EACH_RECORD = 0;

    private SparseOutput() {}

    /**
     * Makes {@code operator} flush each record it sends over the network; its chained (forward) outputs are not
     * buffered anyway. Use it only where every output leaving the chain is sparse: a per-crossing output would pay a
     * flush per record.
     */
    public static <T> SingleOutputStreamOperator<T> flushEachRecord(SingleOutputStreamOperator<T> operator) {
        return operator.setBufferTimeout(FLUSH_EACH_RECORD);
    }
}
