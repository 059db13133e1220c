package eu.borderflow.tools.kafka;

/** Kafka could not be reached or refused a request; the message says what to do, no stack trace needed. */
public final class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
