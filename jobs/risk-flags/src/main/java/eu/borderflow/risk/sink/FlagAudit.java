package eu.borderflow.risk.sink;

import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.MapFunction;

import java.util.List;

/**
 * The audit record of each flag revision the job emits. Deterministic: the id comes from the flag id and revision,
 * the time is the flag's event time, so a replay writes the same audit trail.
 */
public final class FlagAudit implements MapFunction<RiskFlag, AuditRecord> {

    public static final String ACTOR = "risk-flag-job";
    public static final String ROLE = "system";
    public static final String PURPOSE = "intelligence-led border risk analysis";
    private static final long serialVersionUID = 1L;

    @Override
    public AuditRecord map(RiskFlag flag) {
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
                .setDetail("rule " + flag.getRuleId() + " " + flag.getRuleVersion() + ", revision "
                        + flag.getRevision() + ", status " + flag.getStatus())
                .build();
    }
}
