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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R5, visa entries used up or visa not valid on the entry day: more entries on one visa (by sticker) than it
 * authorises (0 = multiple entries), or an entry before its first or after its last day of validity.
 */
public final class VisaEntriesRule extends ConfiguredRule<RuleSwitch> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R5",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "kind",
                    "event_time",
                    "local_date",
                    "bcp_code",
                    "section_id",
                    "visa.sticker_number",
                    "visa.entries_authorised",
                    "visa.valid_from",
                    "visa.valid_until",
                    "traveller.file_id",
                    "retention_until"));

    static final String ACTION = "Check the visa (entries used, validity) before confirming the entry";

    private static final int MULTIPLE_ENTRIES = 0;

    public VisaEntriesRule(RiskSettings config) {
        super(RuleSwitch.load(config, DESCRIPTOR.id()), DESCRIPTOR);
    }

    /**
     * Counts an entry on the visa in slot {@code visa} of {@code file} (-1: a visa whose entries and days need no
     * count, multiple entries and no total); returns the entries made on it, this one included.
     */
    public static int recordEntry(TravellerFile file, int visa) {
        if (visa < 0) {
            return 1;
        }
        file.getVisaEntries()[visa]++;
        return file.getVisaEntries()[visa];
    }

    /** The finding at an entry on a visa, the {@code entriesUsed}-th on it (this one included). */
    public Optional<RiskFlag> atEntry(TravellerCrossing entry, int entriesUsed, Pseudonymiser tokens) {
        if (entry.getKind() != CrossingKind.ENTRY || !entry.hasVisa()) {
            return Optional.empty();
        }
        int day = entry.getLocalDate();
        int authorised = entry.getEntriesAuthorised();
        boolean usedUp = authorised != MULTIPLE_ENTRIES && entriesUsed > authorised;
        boolean notYetValid = day < entry.getVisaValidFrom();
        boolean noLongerValid = day > entry.getVisaValidUntil();
        if (!usedUp && !notYetValid && !noLongerValid) {
            return Optional.empty();
        }
        String authorisedText = authorised == MULTIPLE_ENTRIES ? "multiple" : String.valueOf(authorised);
        StringBuilder explanation = new StringBuilder("Entry on " + date(day) + " on a visa");
        if (usedUp) {
            explanation
                    .append(" whose entries are used up (entry ")
                    .append(entriesUsed)
                    .append(" of ")
                    .append(authorisedText)
                    .append(')');
        }
        if (notYetValid || noLongerValid) {
            explanation
                    .append(usedUp ? " and" : "")
                    .append(" valid only from ")
                    .append(date(entry.getVisaValidFrom()))
                    .append(" to ")
                    .append(date(entry.getVisaValidUntil()));
        }
        return Optional.of(Flags.raiseOn(descriptor, entry, tokens)
                .assess(Severity.MEDIUM, ACTION)
                .explain(
                        explanation.append('.').toString(),
                        List.of(
                                Flags.condition("entries on this visa", entriesUsed, ">", authorisedText, usedUp),
                                Flags.condition(
                                        "entry date before the visa's first day",
                                        date(day),
                                        "<",
                                        date(entry.getVisaValidFrom()),
                                        notYetValid),
                                Flags.condition(
                                        "entry date after the visa's last day",
                                        date(day),
                                        ">",
                                        date(entry.getVisaValidUntil()),
                                        noLongerValid)),
                        List.of(entry.getEventId()))
                .build());
    }
}
