package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * R1: the travel document presented matches an Art. 38 alert (stolen, lost, invalidated or false document) in force
 * at the crossing's event time. The join key is the document token, so an equal key is the document match.
 */
public final class StolenDocumentRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R1",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "event_time",
                    "bcp_code",
                    "section_id",
                    "retention_until",
                    "traveller.file_id",
                    "document.number",
                    "document.issuing_country",
                    "alert_id",
                    "version",
                    "change",
                    "basis",
                    "flagged_by",
                    "object_part.status",
                    "object_part.document.number",
                    "object_part.document.issuing_country"));

    static final String ACTION = "Verify the document; seize it if confirmed stolen (Art. 38)";
    private static final String EXPLANATION = "The travel document presented at %s matches %d Art. 38 alert(s) on a "
            + "stolen, lost, invalidated or false document in force at the crossing time (%s)%s. "
            + "This is a match for a border guard to confirm, not a hit.";

    private final RuleDescriptor rule;

    public StolenDocumentRule(AlertRuleSettings settings) {
        this.rule = settings.describe(DESCRIPTOR);
    }

    /** The flag of {@code crossing}, whose document key equals that of every alert in {@code alerts}. */
    public RiskFlag flag(CrossingProbe crossing, List<AlertVersion> alerts, Pseudonymiser pseudonymiser) {
        String country = crossing.bcpCountry();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(
                Flags.condition("document_token", crossing.getKey(), "equals", "token of the alert's document", true));
        boolean allFlagged = true;
        List<String> ids = new ArrayList<>();
        for (AlertVersion alert : alerts) {
            String prefix = AlertConditions.prefix(alert, alerts.size());
            conditions.add(Flags.condition(
                    prefix + "object_status", alert.getObjectStatus(), "in", "STOLEN, LOST, INVALIDATED, FALSE", true));
            AlertConditions.alertChecks(conditions, prefix, alert, crossing, "OBJECT_1862_ART38");
            allFlagged &= alert.flaggedBy(country);
            ids.add(alert.evidenceId());
        }
        String note = allFlagged ? AlertConditions.flaggedNote(country) : "";
        return Flags.raiseOn(rule, crossing, pseudonymiser)
                .assess(allFlagged ? Severity.LOW : Severity.HIGH, ACTION + note)
                .explain(
                        String.format(EXPLANATION, crossing.getBcpCode(), alerts.size(), String.join(", ", ids), note),
                        conditions,
                        AlertConditions.evidence(crossing, alerts))
                .build();
    }
}
