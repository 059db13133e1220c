package eu.borderflow.tools.evaluate;

/** The ground truth or the flags could not be found or read: a user mistake, not a bug. */
public final class EvaluationInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvaluationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
