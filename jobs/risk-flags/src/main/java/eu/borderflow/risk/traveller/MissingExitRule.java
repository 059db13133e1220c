package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.OverstayRule.date;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.ConfiguredRule;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * R4, missing exit (EES Art. 12): when the authorised stay has ended and no exit is recorded, the traveller is
 * flagged. The check waits until the start of the day after the authorised stay, in the BCP's local time, plus a
 * grace for fall-back uploads; a later exit withdraws the flag.
 */
public final class MissingExitRule extends ConfiguredRule<MissingExitSettings> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R4",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "kind",
                    "event_time",
                    "local_date",
                    "bcp_code",
                    "section_id",
                    "stay_basis",
                    "visa.sticker_number",
                    "visa.entries_authorised",
                    "visa.valid_from",
                    "visa.valid_until",
                    "visa.duration_of_stay_days",
                    "traveller.file_id",
                    "retention_until"));

    static final String ACTION = "Check whether the traveller left or holds an extension; if not, list as a "
            + "possible overstayer for the national authorities (EES Art. 12)";

    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long MIN_OFFSET_MS = ZoneOffset.MIN.getTotalSeconds() * 1000L;

    public MissingExitRule(RiskSettings config) {
        super(MissingExitSettings.load(config), DESCRIPTOR);
    }

    /** The local day after the authorised stay of {@code stay}: its entry day when no day was lawful. */
    static int dayAfterAuthorisedStay(OpenStay stay) {
        return AuthorisedStay.missingExitDay(stay.getLatestLawfulExit(), stay.getEntryDay());
    }

    /**
     * When R4 checks {@code stay}: the start of the day after the authorised stay in the BCP's zone, plus the grace.
     * Without reference data for the BCP, the zone offset is bounded by the entry's local date and instant, and the
     * smallest offset consistent with them is used: the check may come up to a day late, never early.
     */
    public long deadline(OpenStay stay, BcpLocation bcp) {
        if (bcp != null) {
            return AuthorisedStay.missingExitDeadline(
                    stay.getLatestLawfulExit(), stay.getEntryDay(), bcp.zone(), settings.getGrace());
        }
        long smallestOffset = Math.max(MIN_OFFSET_MS, stay.getEntryDay() * DAY_MS - stay.getEntryTime());
        return dayAfterAuthorisedStay(stay) * DAY_MS
                - smallestOffset
                + settings.getGrace().toMillis();
    }

    /** The flag for {@code stay}, whose exit was still missing at event time {@code checkedAt}. */
    public RiskFlag raise(OpenStay stay, String fileId, long checkedAt, Pseudonymiser tokens) {
        String authorisedUntil = stay.getLatestLawfulExit() == StayRule.NO_LAWFUL_DAY
                ? "no lawful day"
                : date(stay.getLatestLawfulExit());
        String explanation = "No exit recorded for the short stay entered on " + date(stay.getEntryDay())
                + " (authorised until " + authorisedUntil + "), "
                + settings.getGrace().toHours()
                + " hours after the start of " + date(dayAfterAuthorisedStay(stay)) + ".";
        return Flags.raise(descriptor, stay.getEntryEventId())
                .subject(tokens.token(Pseudonymiser.Domain.FILE, fileId), tokens.keyId())
                .at(Instant.ofEpochMilli(stay.getEntryTime()), stay.getBcpCode(), stay.getSectionId())
                .raisedAt(Instant.ofEpochMilli(checkedAt))
                .assess(Severity.MEDIUM, ACTION)
                .explain(
                        explanation,
                        List.of(
                                Flags.condition(
                                        "exit recorded for the stay",
                                        "none",
                                        "by",
                                        date(dayAfterAuthorisedStay(stay)),
                                        true),
                                Flags.condition(
                                        "grace for late uploads",
                                        settings.getGrace(),
                                        "elapsed at",
                                        Instant.ofEpochMilli(checkedAt),
                                        true)),
                        List.of(stay.getEntryEventId()))
                .keepUntil(LocalDate.ofEpochDay(stay.getRetentionUntil()))
                .build();
    }

    /** The retraction of {@code raised}: an exit for the stay was recorded after all. */
    public RiskFlag withdraw(RiskFlag raised, TravellerCrossing exit) {
        return Flags.withdraw(
                raised,
                "an exit on " + date(exit.getLocalDate()) + " was recorded late",
                List.of(Flags.condition("exit recorded for the stay", date(exit.getLocalDate()), "=", "none", false)),
                List.of(raised.getTriggerEventId(), exit.getEventId()),
                Instant.ofEpochMilli(exit.getEventTime()));
    }
}
