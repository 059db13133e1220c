package eu.borderflow.job.ingest;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * One counter per dead-letter reason code, under the metric group {@code deadletters=<code>}: the label is the stable
 * code, never anything from the record.
 */
final class DeadLetterCounters {

    static final String GROUP = "deadletters";
    static final String COUNTER = "count";

    private final MetricGroup metrics;
    private final Map<String, Counter> counters = new HashMap<>();

    /**
     * {@code known} are the reasons this operator can produce whatever its input: registered at zero, so their series
     * exist (for dashboards and rates) before the first dead letter.
     */
    DeadLetterCounters(MetricGroup metrics, String... known) {
        this.metrics = metrics;
        for (String code : known) {
            counter(code);
        }
    }

    void inc(String reasonCode) {
        counter(reasonCode).inc();
    }

    private Counter counter(String reasonCode) {
        return counters.computeIfAbsent(
                reasonCode, code -> metrics.addGroup(GROUP, code).counter(COUNTER));
    }

    long count(String reasonCode) {
        Counter counter = counters.get(reasonCode);
        return counter == null ? 0 : counter.getCount();
    }
}
