package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.ConfiguredRule;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import eu.borderflow.schema.Visa;
import eu.borderflow.stay.StayRule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R6, document expired on the entry day or expiring before the end of the authorised stay: the visa's duration of
 * stay (bounded by its last day of validity), or the maximum short stay without a visa. A document valid through
 * the last authorised day is fine. Needs no state.
 */
public final class DocumentValidityRule extends ConfiguredRule<RuleSwitch> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("R6", "1.0.0", FindingKind.RISK, Set.of(
            "event_id", "kind", "event_time", "local_date", "bcp_code", "section_id", "document.expiry_date",
            "visa.duration_of_stay_days", "visa.valid_until", "traveller.file_id", "retention_until"));

    static final String ACTION = "Check the travel document's validity against the intended stay before "
            + "confirming the entry";

    private final int maxShortStayDays;

    public DocumentValidityRule(RiskSettings config) {
        super(RuleSwitch.load(config, DESCRIPTOR.id()), DESCRIPTOR);
        maxShortStayDays = config.stayRule().maxDaysInWindow();
    }

    public Optional<RiskFlag> atEntry(BorderCrossing crossing, Pseudonymiser tokens) {
        if (!settings.isEnabled() || crossing.getKind() != CrossingKind.ENTRY) {
            return Optional.empty();
        }
        LocalDate entry = crossing.getLocalDate();
        LocalDate expiry = crossing.getDocument().getExpiryDate();
        Visa visa = crossing.getVisa();
        LocalDate stayEnd = visa == null ? entry.plusDays(maxShortStayDays - 1L)
                : min(entry.plusDays(visa.getDurationOfStayDays() - 1L), visa.getValidUntil());
        boolean expired = expiry.isBefore(entry);
        boolean expiresDuringStay = expiry.isBefore(stayEnd);
        if (!expired && !expiresDuringStay) {
            return Optional.empty();
        }
        String explanation = expired
                ? "Entry on " + entry + " with a travel document that expired on " + expiry + "."
                : "Entry on " + entry + " with a travel document expiring on " + expiry
                        + ", before the authorised stay ends on " + stayEnd + ".";
        return Optional.of(Flags.raise(descriptor, crossing.getEventId())
                .subject(tokens.token(Pseudonymiser.Domain.FILE, crossing.getTraveller().getFileId()),
                        tokens.keyId())
                .at(crossing.getEventTime(), crossing.getBcpCode(), crossing.getSectionId())
                .assess(Severity.MEDIUM, ACTION)
                .explain(explanation, List.of(
                        Flags.condition("document expiry date before the entry date", expiry, "<", entry, expired),
                        Flags.condition("document expiry date before the end of the authorised stay", expiry, "<",
                                stayEnd, expiresDuringStay)),
                        List.of(crossing.getEventId()))
                .keepUntil(crossing.getRetentionUntil())
                .build());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
