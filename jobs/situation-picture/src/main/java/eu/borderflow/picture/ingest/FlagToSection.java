package eu.borderflow.picture.ingest;

import eu.borderflow.flag.FlagTime;
import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * A flag as the picture counts it: its section, the event time at which the revision was raised (its trigger's for a
 * flag written before RiskFlag v2), its rule, revision and whether it was withdrawn. An R4 flag is raised when its
 * deadline passes, months after the entry that is its trigger: counted at its trigger's time it would be LATE. Flags that name no section (alert reviews, R10) have no place in a section's picture, and R11 flags are
 * this job's own output (the picture reports their condition as review_suggested): both are counted and skipped.
 */
public final class FlagToSection extends RichFlatMapFunction<RiskFlag, SectionEvent> {

    static final String WITHOUT_SECTION = "flagsWithoutSection";
    static final String OWN = "ownFlagsSkipped";
    private static final long serialVersionUID = 1L;

    private final String source;
    private transient Counter withoutSection;
    private transient Counter own;

    public FlagToSection(String source) {
        this.source = source;
    }

    @Override
    public void open(OpenContext context) {
        withoutSection = getRuntimeContext().getMetricGroup().counter(WITHOUT_SECTION);
        own = getRuntimeContext().getMetricGroup().counter(OWN);
    }

    @Override
    public void flatMap(RiskFlag flag, Collector<SectionEvent> out) {
        if (flag.getSectionId() == null) {
            withoutSection.inc();
            return;
        }
        if (SectionPressureRule.ID.equals(flag.getRuleId())) {
            own.inc();
            return;
        }
        out.collect(SectionEvent.flag(
                source,
                flag.getSectionId(),
                flag.getFlagId(),
                FlagTime.raisedAt(flag).toEpochMilli(),
                flag.getRuleId(),
                flag.getRevision(),
                flag.getStatus() == FlagStatus.WITHDRAWN));
    }
}
