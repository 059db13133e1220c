package eu.borderflow.tools.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TimeoutException;

/** Admin clients with bounded waits, and their futures turned into messages a user can act on. */
public final class KafkaCalls {

    /**
     * How long any admin call may wait for an unreachable broker before giving up. Generous: on a loaded 2-core
     * machine a cold client's SASL/SCRAM handshake alone took 10 s.
     */
    public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** Reconnect attempts back off to at most this, so a broker that is still starting is found quickly. */
    private static final int RETRY_BACKOFF_MAX_MS = 1000;

    private KafkaCalls() {}

    public static Admin admin(String bootstrap) {
        return admin(bootstrap, Map.of());
    }

    /**
     * An admin client; {@code clientProperties} (e.g. {@code security.protocol}, {@code sasl.*}, {@code ssl.*}) are
     * applied first, so the bootstrap address and the bounded waits always hold.
     */
    public static Admin admin(String bootstrap, Map<String, String> clientProperties) {
        int timeoutMs = (int) ADMIN_TIMEOUT.toMillis();
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "borderflow-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, RETRY_BACKOFF_MAX_MS));
        try {
            return Admin.create(config);
        } catch (KafkaException e) {
            throw new BrokerUnavailableException(
                    "cannot use " + bootstrap + " as Kafka bootstrap address: "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().getMessage()),
                    e);
        }
    }

    /** Waits for {@code future}; a timeout or broker error becomes a {@link BrokerUnavailableException}. */
    public static <T> T await(KafkaFuture<T> future, String bootstrap, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause(), bootstrap, what);
        }
    }

    static BrokerUnavailableException unavailable(Throwable cause, String bootstrap, String what) {
        if (cause instanceof TimeoutException) {
            return new BrokerUnavailableException(
                    "cannot reach Kafka at " + bootstrap + " within "
                            + ADMIN_TIMEOUT.toSeconds() + " s to " + what
                            + " (is it running? start it with: ops/borderflow kafka up)",
                    cause);
        }
        return new BrokerUnavailableException(
                "Kafka at " + bootstrap + " refused to " + what + ": " + cause.getMessage(), cause);
    }
}
