package eu.borderflow.job.state;

import java.util.List;
import java.util.Map;
import org.apache.flink.events.EventBuilder;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.traces.SpanBuilder;

/**
 * A metric group that is another one and in addition keeps every gauge registered under {@code name} in it or in
 * any of its subgroups: how the counting backend finds RocksDB's per-state estimates, which RocksDB registers in
 * subgroups of the operator's group as it creates each state.
 */
final class GaugeCollectingMetricGroup implements MetricGroup {

    private final MetricGroup delegate;
    private final String name;
    private final List<Gauge<?>> collected;

    GaugeCollectingMetricGroup(MetricGroup delegate, String name, List<Gauge<?>> collected) {
        this.delegate = delegate;
        this.name = name;
        this.collected = collected;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String metricName, G gauge) {
        G registered = delegate.gauge(metricName, gauge);
        if (name.equals(metricName)) {
            collected.add(gauge);
        }
        return registered;
    }

    @Override
    public MetricGroup addGroup(String groupName) {
        return new GaugeCollectingMetricGroup(delegate.addGroup(groupName), name, collected);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new GaugeCollectingMetricGroup(delegate.addGroup(key, value), name, collected);
    }

    @Override
    public Counter counter(String metricName) {
        return delegate.counter(metricName);
    }

    @Override
    public <C extends Counter> C counter(String metricName, C counter) {
        return delegate.counter(metricName, counter);
    }

    @Override
    public <H extends Histogram> H histogram(String metricName, H histogram) {
        return delegate.histogram(metricName, histogram);
    }

    @Override
    public <M extends Meter> M meter(String metricName, M meter) {
        return delegate.meter(metricName, meter);
    }

    @Override
    public void addSpan(SpanBuilder spanBuilder) {
        delegate.addSpan(spanBuilder);
    }

    @Override
    public void addEvent(EventBuilder eventBuilder) {
        delegate.addEvent(eventBuilder);
    }

    @Override
    public String[] getScopeComponents() {
        return delegate.getScopeComponents();
    }

    @Override
    public Map<String, String> getAllVariables() {
        return delegate.getAllVariables();
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        return delegate.getMetricIdentifier(metricName);
    }

    @Override
    public String getMetricIdentifier(String metricName, CharacterFilter filter) {
        return delegate.getMetricIdentifier(metricName, filter);
    }
}
