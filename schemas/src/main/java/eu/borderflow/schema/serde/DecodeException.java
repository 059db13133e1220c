package eu.borderflow.schema.serde;

/** A message that could not be decoded; {@link #reasonCode()} is the stable code dead letters carry. */
public final class DecodeException extends Exception {

    /** Bytes that are not an Avro single-object message, or whose body does not parse. */
    public static final String UNDECODABLE = "UNDECODABLE";
    /** A well-formed header whose schema fingerprint no released schema has. */
    public static final String UNKNOWN_FINGERPRINT = "UNKNOWN_FINGERPRINT";
    /** A message larger than {@link DecodeLimits#maxMessageBytes()}. */
    public static final String TOO_LARGE = "TOO_LARGE";
    /** A string, bytes, array or map length beyond its cap or beyond the bytes left in the message. */
    public static final String LENGTH_LIMIT = "LENGTH_LIMIT";

    private final String reasonCode;

    public DecodeException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
