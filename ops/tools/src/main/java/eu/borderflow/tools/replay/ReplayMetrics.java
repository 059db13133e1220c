package eu.borderflow.tools.replay;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Replay's Prometheus endpoint ({@code http://127.0.0.1:<port>/metrics}) while it runs. Labels carry topic names only,
 * never record content.
 */
final class ReplayMetrics implements AutoCloseable {

    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong behindNanos = new AtomicLong();
    private final HttpServer server;

    private ReplayMetrics(HttpServer server) {
        this.server = server;
        Gauge.builder("borderflow.replay.behind.schedule", behindNanos, v -> v.get() / NANOS_PER_SECOND)
                .baseUnit("seconds")
                .description("How far publishing lags the pacing schedule")
                .register(registry);
        server.createContext(PATH, exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves on 127.0.0.1:{@code port}; 0 picks a free port. */
    static ReplayMetrics start(int port) {
        try {
            return new ReplayMetrics(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (BindException e) {
            throw new ReplayInputException(
                    "metrics port " + port + " is in use; choose another with --metrics-port", 0, e);
        } catch (IOException e) {
            throw new ReplayInputException("cannot serve metrics on port " + port + ": " + e.getMessage(), 0, e);
        }
    }

    /**
     * Serves {@code acked} as the topic's sent counter, read when scraped, so a record is counted once. Micrometer
     * holds it weakly: the caller keeps it for as long as the metrics run.
     */
    void sent(String topic, LongAdder acked) {
        FunctionCounter.builder("borderflow.replay.sent", acked, LongAdder::sum)
                .tag("topic", topic)
                .description("Records acknowledged by Kafka")
                .register(registry);
    }

    void failed(String topic, LongAdder failed) {
        FunctionCounter.builder("borderflow.replay.failed", failed, LongAdder::sum)
                .tag("topic", topic)
                .description("Records Kafka did not take")
                .register(registry);
    }

    void behindSchedule(long nanos) {
        behindNanos.set(nanos);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
