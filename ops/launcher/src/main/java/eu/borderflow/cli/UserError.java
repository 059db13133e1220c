package eu.borderflow.cli;

/** A mistake in what the user asked for; its message is printed as is, without a stack trace, and exits 2. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
