package eu.borderflow.tools.replay;

/**
 * Something wrong with what the user gave {@code replay}: the dataset folder, one of its files, or the metrics port.
 * The message names the file and the reason, and how many records reached Kafka before replay stopped.
 */
public final class ReplayInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final long sentBefore;

    public ReplayInputException(String problem, long sentBefore, Throwable cause) {
        super(problem + "; sent " + sentBefore + " before it stopped", cause);
        this.problem = problem;
        this.sentBefore = sentBefore;
    }

    /** The same problem, found after {@code sent} records were acknowledged by Kafka. */
    ReplayInputException afterSending(long sent) {
        return new ReplayInputException(problem, sent, getCause());
    }

    public long sentBefore() {
        return sentBefore;
    }
}
