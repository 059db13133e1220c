package eu.borderflow.cli.flink;

import java.util.Set;

/** One job as the cluster lists it. */
public record JobSummary(String id, String name, String state, long startTime) {

    private static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED");

    /** Not yet finished, cancelled or failed: it holds (or waits for) slots and writes its output. */
    public boolean active() {
        return !TERMINAL.contains(state);
    }

    /** Running, not restarting, cancelling or being created. */
    public boolean running() {
        return "RUNNING".equals(state);
    }

    /** Ended by a failure it could not restart from: nothing does its work until it is deployed again. */
    public boolean failed() {
        return "FAILED".equals(state);
    }
}
