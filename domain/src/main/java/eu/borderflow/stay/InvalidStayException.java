package eu.borderflow.stay;

/**
 * Stays that cannot all be true of one traveller: an exit before its entry, or two stays sharing more than an
 * exit/re-entry day. The message names dates only, never the traveller, so it may reach a user.
 */
public final class InvalidStayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidStayException(String message) {
        super(message);
    }
}
