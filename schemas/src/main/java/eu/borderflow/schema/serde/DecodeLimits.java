package eu.borderflow.schema.serde;

import java.io.Serializable;

/**
 * Caps of bounded decoding: a message, and every string, bytes, array and map in it. A length prefix is also never
 * allowed to claim more than the bytes left in the message, so a hostile prefix allocates nothing. Values a job binds
 * from its configuration on the client; Avro's own limits ({@code org.apache.avro.limits.*}) are JVM-wide system
 * properties a job cannot set per job, and with these checks first they are never reached.
 *
 * @param maxMessageBytes the whole message
 * @param maxStringBytes  one string or bytes value
 * @param maxArrayItems   the items of one array or entries of one map
 */
public record DecodeLimits(int maxMessageBytes, int maxStringBytes, int maxArrayItems) implements Serializable {

    public DecodeLimits {
        if (maxMessageBytes < 1 || maxStringBytes < 1 || maxArrayItems < 1) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }
}
