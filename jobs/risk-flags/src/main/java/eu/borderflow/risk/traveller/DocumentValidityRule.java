package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.OverstayRule.date;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.ConfiguredRule;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import eu.borderflow.stay.AuthorisedStay;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R6, a travel document expired on the entry day or expiring before the stay's authorised end: the same end as R3 and
 * R4 ({@link AuthorisedStay}: 90/180 with the days already used in the window, the visa's validity and what is left of
 * its total duration of stay). A document valid through the last authorised day is fine; a stay under a long-stay
 * visa or residence permit has no authorised end here, so only an expired document counts. Judged in the traveller's
 * EES file, which knows the earlier stays.
 */
public final class DocumentValidityRule extends ConfiguredRule<RuleSwitch> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R6",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "kind",
                    "event_time",
                    "local_date",
                    "bcp_code",
                    "section_id",
                    "document.expiry_date",
                    "stay_basis",
                    "visa.sticker_number",
                    "visa.entries_authorised",
                    "visa.duration_of_stay_days",
                    "visa.valid_from",
                    "visa.valid_until",
                    "traveller.file_id",
                    "retention_until"));

    static final String ACTION =
            "Check the travel document's validity against the intended stay before " + "confirming the entry";

    public DocumentValidityRule(RiskSettings config) {
        super(RuleSwitch.load(config, DESCRIPTOR.id()), DESCRIPTOR);
    }

    /** The finding at {@code entry}, whose stay is authorised until {@code authorisedEnd} (epoch day). */
    public Optional<RiskFlag> atEntry(TravellerCrossing entry, int authorisedEnd, Pseudonymiser tokens) {
        if (entry.getKind() != CrossingKind.ENTRY) {
            return Optional.empty();
        }
        int day = entry.getLocalDate();
        int expiry = entry.getDocumentExpiry();
        boolean expired = AuthorisedStay.documentExpired(expiry, day);
        boolean beforeEnd = AuthorisedStay.documentExpiresBeforeEnd(expiry, authorisedEnd);
        if (!expired && !beforeEnd) {
            return Optional.empty();
        }
        String end = authorisedEnd == AuthorisedStay.UNLIMITED
                ? "none (not a short stay)"
                : authorisedEnd == AuthorisedStay.NO_LAWFUL_DAY ? "none (no lawful day)" : date(authorisedEnd);
        String explanation = expired
                ? "Entry on " + date(day) + " with a travel document that expired on " + date(expiry) + "."
                : "Entry on " + date(day) + " with a travel document expiring on " + date(expiry)
                        + ", before the authorised stay ends on " + end + ".";
        return Optional.of(Flags.raiseOn(descriptor, entry, tokens)
                .assess(Severity.MEDIUM, ACTION)
                .explain(
                        explanation,
                        List.of(
                                Flags.condition(
                                        "document expiry date before the entry date",
                                        date(expiry),
                                        "<",
                                        date(day),
                                        expired),
                                Flags.condition(
                                        "document expiry date before the authorised end of the stay",
                                        date(expiry),
                                        "<",
                                        end,
                                        beforeEnd)),
                        List.of(entry.getEventId()))
                .build());
    }
}
