package eu.borderflow.config;

/** A configuration file that is missing, unreadable or invalid; its message is meant for the user. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
