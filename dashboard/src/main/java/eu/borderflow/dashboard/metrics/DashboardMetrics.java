package eu.borderflow.dashboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The dashboard's metrics for Prometheus (served at /metrics): HTTP timings per route, records read and consumer lag
 * per topic, connected live-feed clients, sessions, reviews, level changes and audit records made, CSP violations.
 * Labels are route templates, topic names and enum values: never a user, a token or an id.
 */
public final class DashboardMetrics implements AutoCloseable {

    private static final String PREFIX = "borderflow.dashboard.";
    private static final List<String> SIGN_IN_OUTCOMES = List.of("ok", "refused", "throttled");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
    private final AtomicInteger streams = new AtomicInteger();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public DashboardMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
        Gauge.builder(PREFIX + "sse.clients", streams, AtomicInteger::get)
                .description("Live-feed streams (browser tabs) connected now")
                .register(registry);
        // From zero, so that an alert on their increase sees the first one.
        SIGN_IN_OUTCOMES.forEach(this::signInCounter);
    }

    public String scrape() {
        return registry.scrape();
    }

    public void httpRequest(String method, String route, int status, Duration took) {
        Timer.builder(PREFIX + "http.requests")
                .description("HTTP requests by route template")
                .tag("method", method)
                .tag("route", route)
                .tag("status", String.valueOf(status))
                .register(registry)
                .record(took);
    }

    public void recordsRead(String topic, int n) {
        Counter.builder(PREFIX + "records")
                .description("Records read per input topic or file")
                .tag("topic", topic)
                .register(registry)
                .increment(n);
    }

    public void undecodable(String topic) {
        Counter.builder(PREFIX + "records.undecodable")
                .description("Records skipped because they do not decode")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    /** The consumer's lag on a topic (records behind its end, summed over partitions). */
    public void lag(String topic, long records) {
        if (lag.put(topic, records) == null) {
            Gauge.builder(PREFIX + "consumer.lag", lag, m -> m.getOrDefault(topic, 0L))
                    .description("Records of the topic not read yet by the dashboard")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    public AtomicInteger streams() {
        return streams;
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(PREFIX + name, value).description(description).register(registry);
    }

    public void review(String decision) {
        Counter.builder(PREFIX + "reviews")
                .description("Flag reviews made on this dashboard")
                .tag("decision", decision)
                .register(registry)
                .increment();
    }

    public void levelChange() {
        Counter.builder(PREFIX + "level.changes")
                .description("Attributed-level changes made on this dashboard")
                .register(registry)
                .increment();
    }

    public void audit(String action) {
        Counter.builder(PREFIX + "audit.records")
                .description("Audit records written")
                .tag("action", action)
                .register(registry)
                .increment();
    }

    public void writeFailed(String what) {
        Counter.builder(PREFIX + "write.failures")
                .description("Reviews, level changes or audit records not written")
                .tag("what", what)
                .register(registry)
                .increment();
    }

    /** {@code outcome}: ok, refused (a wrong name or password) or throttled (too early after wrong passwords). */
    public void signIn(String outcome) {
        signInCounter(outcome).increment();
    }

    private Counter signInCounter(String outcome) {
        return Counter.builder(PREFIX + "sign.ins")
                .description("Sign-in attempts")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void cspViolation() {
        Counter.builder(PREFIX + "csp.violations")
                .description("Content-security-policy violations reported by browsers")
                .register(registry)
                .increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
