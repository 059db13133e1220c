package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R2: the traveller matches a person alert (refusal, arrest, missing person, judicial procedure, check) in force at
 * the crossing's event time: a similar name and a compatible birth date. A flag by the BCP's member state downgrades
 * the match: still a flag, lower severity, and the action is not taken on this territory.
 */
public final class PersonAlertRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Set<AlertBasis> BASES = EnumSet.of(
            AlertBasis.REFUSAL_1861_ART24,
            AlertBasis.ARREST_1862_ART26,
            AlertBasis.MISSING_1862_ART32,
            AlertBasis.JUDICIAL_1862_ART34,
            AlertBasis.CHECK_1862_ART36);

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R2",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "event_time",
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

    /** DOMAIN.md section 2: the action on a hit, by basis; severity in the same order of urgency. */
    private static final Map<AlertBasis, String> ACTIONS = Map.of(
            AlertBasis.ARREST_1862_ART26,
                    "Confirm the identity; if confirmed, arrest (European Arrest Warrant, Art. 26)",
            AlertBasis.MISSING_1862_ART32,
                    "Confirm the identity; if confirmed, protect the person and prevent the " + "travel (Art. 32)",
            AlertBasis.REFUSAL_1861_ART24, "Confirm the identity; if confirmed, refuse entry with reason H (Art. 24)",
            AlertBasis.JUDICIAL_1862_ART34,
                    "Confirm the identity; if confirmed, report the place of residence " + "(Art. 34)",
            AlertBasis.CHECK_1862_ART36,
                    "Confirm the identity; if confirmed, carry out the check without alerting "
                            + "the person (Art. 36)");

    private static final Map<AlertBasis, Severity> SEVERITIES = Map.of(
            AlertBasis.ARREST_1862_ART26, Severity.CRITICAL,
            AlertBasis.MISSING_1862_ART32, Severity.HIGH,
            AlertBasis.REFUSAL_1861_ART24, Severity.HIGH,
            AlertBasis.JUDICIAL_1862_ART34, Severity.MEDIUM,
            AlertBasis.CHECK_1862_ART36, Severity.MEDIUM);
    private static final String EXPLANATION = "The traveller crossing at %s matches %d SIS person alert(s) in force at "
            + "the crossing time (%s) on a similar name and a compatible date of birth%s. "
            + "This is a match for a border guard to confirm, not a hit.";

    private final RuleDescriptor rule;

    public PersonAlertRule(AlertRuleSettings settings) {
        this.rule = settings.describe(DESCRIPTOR);
    }

    /** The one flag of {@code crossing} for all its matches; the most urgent unflagged alert sets the action. */
    public RiskFlag flag(CrossingProbe crossing, List<PersonMatch> matches, Pseudonymiser pseudonymiser) {
        String country = crossing.bcpCountry();
        List<Condition> conditions = new ArrayList<>();
        List<AlertVersion> alerts = new ArrayList<>(matches.size());
        PersonMatch lead = null;
        Severity leadSeverity = null;
        for (PersonMatch match : matches) {
            AlertVersion alert = match.getAlert();
            String prefix = AlertConditions.prefix(alert, matches.size());
            PersonConditions.add(conditions, prefix, match);
            AlertConditions.alertChecks(conditions, prefix, alert, crossing, BASES.toString());
            alerts.add(alert);
            Severity severity = alert.flaggedBy(country) ? Severity.LOW : SEVERITIES.get(alert.getBasis());
            if (lead == null || severity.compareTo(leadSeverity) > 0) {
                lead = match;
                leadSeverity = severity;
            }
        }
        String note = lead.getAlert().flaggedBy(country) ? AlertConditions.flaggedNote(country) : "";
        List<String> ids = AlertConditions.evidence(crossing, alerts);
        return Flags.raiseOn(rule, crossing, pseudonymiser)
                .assess(leadSeverity, ACTIONS.get(lead.getAlert().getBasis()) + note)
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
