package eu.borderflow.risk.testing;

import eu.borderflow.risk.RuleStage;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.util.List;
import java.util.Set;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * TEST ONLY: a rule stage that flags every refusal (rule T1) and every alert change (rule T2), so the wiring can be
 * checked end to end without the real rules.
 */
public final class RefusalTestStage {

    public static final RuleDescriptor REFUSALS =
            new RuleDescriptor("T1", "0.0.1", FindingKind.RISK, Set.of("kind", "event_id", "event_time"));
    public static final RuleDescriptor ALERTS =
            new RuleDescriptor("T2", "0.0.1", FindingKind.ADMINISTRATIVE, Set.of("alert_id", "event_time"));

    private RefusalTestStage() {}

    public static RuleStage stage() {
        return (crossings, alerts, config, deadLetters) -> refusals(crossings).union(alertFlags(alerts));
    }

    private static DataStream<RiskFlag> refusals(DataStream<BorderCrossing> crossings) {
        return crossings
                .filter(c -> c.getKind() == CrossingKind.REFUSAL)
                .uid("test-refusals")
                .name("test refusals")
                .map(RefusalTestStage::refusalFlag, new AvroTypeInfo<>(RiskFlag.class))
                .uid("test-refusal-flags")
                .name("test refusal flags");
    }

    private static DataStream<RiskFlag> alertFlags(DataStream<AlertChange> alerts) {
        return alerts.map(RefusalTestStage::alertFlag, new AvroTypeInfo<>(RiskFlag.class))
                .uid("test-alert-flags")
                .name("test alert flags");
    }

    private static RiskFlag refusalFlag(BorderCrossing c) {
        return Flags.raise(REFUSALS, c.getEventId())
                .subject("token-" + c.getEventId(), "test-key")
                .at(c.getEventTime(), c.getBcpCode(), c.getSectionId())
                .assess(Severity.LOW, "test only")
                .explain("test refusal", List.of(), List.of(c.getEventId()))
                .keepUntil(c.getRetentionUntil())
                .build();
    }

    private static RiskFlag alertFlag(AlertChange a) {
        return Flags.raise(ALERTS, a.getAlertId())
                .subject("token-" + a.getAlertId(), "test-key")
                .at(a.getEventTime(), null, null)
                .assess(Severity.INFO, "test only")
                .explain("test alert", List.of(), List.of(a.getAlertId() + "@v" + a.getVersion()))
                .keepUntil(a.getReviewDate())
                .build();
    }
}
