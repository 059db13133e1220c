package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * R9: at an EXIT, the traveller matches a return alert (Regulation 2018/1860 Art. 3) in force at the exit's event
 * time, with the same matcher as R2: the exit confirms the return, and the issuing state deletes the alert.
 */
public final class ReturnAlertRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final AlertBasis BASIS = AlertBasis.RETURN_1860_ART3;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R9",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "event_time",
                    "kind",
                    "bcp_code",
                    "section_id",
                    "retention_until",
                    "traveller.file_id",
                    "traveller.surname",
                    "traveller.given_names",
                    "traveller.date_of_birth",
                    "alert_id",
                    "version",
                    "change",
                    "basis",
                    "flagged_by",
                    "person.surname",
                    "person.given_names",
                    "person.aliases",
                    "person.date_of_birth"));

    static final String ACTION = "Confirm the return; the issuing state deletes the alert";
    private static final String EXPLANATION = "The traveller leaving at %s matches %d SIS return alert(s) in force at "
            + "the exit time (%s) on a similar name and a compatible date of birth%s. "
            + "This is a match for a border guard to confirm, not a hit.";

    private final RuleDescriptor rule;

    public ReturnAlertRule(AlertRuleSettings settings) {
        this.rule = settings.describe(DESCRIPTOR);
    }

    public static boolean applies(CrossingProbe crossing) {
        return crossing.getKind() == CrossingKind.EXIT;
    }

    public RiskFlag flag(CrossingProbe crossing, List<PersonMatch> matches, Pseudonymiser pseudonymiser) {
        String country = crossing.bcpCountry();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Flags.condition("crossing_kind", crossing.getKind(), "=", CrossingKind.EXIT, true));
        List<AlertVersion> alerts = new ArrayList<>(matches.size());
        boolean allFlagged = true;
        for (PersonMatch match : matches) {
            String prefix = AlertConditions.prefix(match.getAlert(), matches.size());
            PersonConditions.add(conditions, prefix, match);
            AlertConditions.alertChecks(conditions, prefix, match.getAlert(), crossing, BASIS.name());
            alerts.add(match.getAlert());
            allFlagged &= match.getAlert().flaggedBy(country);
        }
        String note = allFlagged ? AlertConditions.flaggedNote(country) : "";
        List<String> ids = AlertConditions.evidence(crossing, alerts);
        return Flags.raiseOn(rule, crossing, pseudonymiser)
                .assess(allFlagged ? Severity.LOW : Severity.MEDIUM, ACTION + note)
                .explain(
                        String.format(
                                EXPLANATION,
                                crossing.getBcpCode(),
                                matches.size(),
                                String.join(", ", ids.subList(1, ids.size())),
                                note),
                        conditions,
                        ids)
                .build();
    }
}
