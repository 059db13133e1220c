package eu.borderflow.job.metrics;

import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Passes flags through unchanged and measures them: a counter per rule and status under the metric group
 * {@code rule=<rule id>} ({@code flagsRaised}, {@code flagsRevised}, {@code flagsWithdrawn}; in Prometheus
 * {@code flink_taskmanager_job_task_operator_rule_flagsRaised{rule="R3"}}), and the job's event-time lag at its output,
 * {@code eventTimeLagMs}: wall-clock time minus the watermark that reached the flags (how far the rules' event time
 * trails the present; NaN until the first watermark). Labels are rule ids only, a set the job's rules bound.
 */
public final class FlagMetrics extends AbstractStreamOperator<RiskFlag>
        implements OneInputStreamOperator<RiskFlag, RiskFlag> {

    public static final String RULE_GROUP = "rule";
    public static final String EVENT_TIME_LAG = "eventTimeLagMs";
    private static final long serialVersionUID = 1L;

    private transient Map<String, Map<FlagStatus, Counter>> counters;
    private transient volatile long watermark;

    @Override
    public void open() throws Exception {
        super.open();
        counters = new HashMap<>();
        watermark = Long.MIN_VALUE;
        getMetricGroup().gauge(EVENT_TIME_LAG, (Gauge<Double>) this::eventTimeLag);
    }

    @Override
    public void processElement(StreamRecord<RiskFlag> element) {
        RiskFlag flag = element.getValue();
        counters.computeIfAbsent(flag.getRuleId(), this::register)
                .get(flag.getStatus())
                .inc();
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.getTimestamp();
        super.processWatermark(mark);
    }

    /** The counters of one rule, all statuses at once, so each shows 0 until its first flag. */
    private Map<FlagStatus, Counter> register(String ruleId) {
        MetricGroup rule = getMetricGroup().addGroup(RULE_GROUP, ruleId);
        Map<FlagStatus, Counter> byStatus = new EnumMap<>(FlagStatus.class);
        for (FlagStatus status : FlagStatus.values()) {
            byStatus.put(status, rule.counter(counterName(status)));
        }
        return byStatus;
    }

    /** {@code flagsRaised}, {@code flagsRevised}, {@code flagsWithdrawn}. */
    public static String counterName(FlagStatus status) {
        String name = status.name();
        return "flags" + name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private double eventTimeLag() {
        long current = watermark;
        return current == Long.MIN_VALUE || current == Long.MAX_VALUE
                ? Double.NaN
                : System.currentTimeMillis() - current;
    }
}
