package eu.borderflow.risk.sink;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The audit record of each flag revision the job emits. Deterministic: the id comes from the flag id and revision,
 * the time is the flag's event time, so a replay writes the same audit trail. A flag it cannot describe becomes a
 * PROCESSING_ERROR dead letter holding the whole flag, and the job goes on.
 */
public final class FlagAudit extends ProcessFunction<RiskFlag, AuditRecord> {

    public static final String UID = "flag-audit";
    public static final String ACTOR = "risk-flag-job";
    public static final String ROLE = "system";
    public static final String PURPOSE = "intelligence-led border risk analysis";
    private static final long serialVersionUID = 1L;

    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS.other("flags"), UID);
    private transient SingleObjectSerde<RiskFlag> serde;

    @Override
    public void open(OpenContext context) {
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(RiskFlag.class);
    }

    @Override
    public void processElement(RiskFlag flag, Context ctx, Collector<AuditRecord> out) {
        AuditRecord record;
        try {
            record = audit(flag);
        } catch (RuntimeException e) {
            long at = flag.getEventTime() == null
                    ? Long.MIN_VALUE
                    : flag.getEventTime().toEpochMilli();
            ctx.output(DeadLetters.TAG, failures.on(e, flag.getFlagId(), at, flag, serde));
            return;
        }
        out.collect(record);
    }

    /** The audit record of one flag revision. */
    public static AuditRecord audit(RiskFlag flag) {
        boolean withdrawn = flag.getStatus() == FlagStatus.WITHDRAWN;
        return AuditRecord.newBuilder()
                .setAuditId(flag.getFlagId() + "#r" + flag.getRevision())
                .setSynthetic(true)
                .setAt(flag.getEventTime())
                .setActor(ACTOR)
                .setRole(ROLE)
                .setPurpose(PURPOSE)
                .setAction(withdrawn ? AuditAction.FLAG_WITHDRAWN : AuditAction.FLAG_RAISED)
                .setRecordIds(List.of(flag.getFlagId(), flag.getTriggerEventId()))
                .setDetail("rule " + flag.getRuleId() + " " + flag.getRuleVersion() + ", revision " + flag.getRevision()
                        + ", status " + flag.getStatus())
                .build();
    }
}
