package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.ConfiguredRule;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.StayRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R3, overstay found at exit (Schengen Borders Code Art. 6(1), EES Art. 12): more than the maximum days of presence
 * in the window ending on the exit day, or an exit after the stay's authorised end ({@link AuthorisedStay}, worked out
 * at the entry: 90/180 with the earlier stays, the visa's validity and what was left of its total duration of stay).
 * A stay of exactly the maximum is lawful.
 */
public final class OverstayRule extends ConfiguredRule<RuleSwitch> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R3",
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

    static final String ACTION = "Check for a justification (extension, force majeure) or a biometric mismatch, "
            + "then record the overstay for the national authorities (EES Art. 12)";

    private final int maxDaysInWindow;
    private final int windowDays;
    /** Rebuilt from the two figures after deserialisation: StayRule is not Serializable. */
    private transient StayRule stayRule;

    public OverstayRule(RiskSettings config) {
        super(RuleSwitch.load(config, DESCRIPTOR.id()), DESCRIPTOR);
        StayRule configured = config.stayRule();
        maxDaysInWindow = configured.maxDaysInWindow();
        windowDays = configured.windowDays();
    }

    public StayRule stayRule() {
        if (stayRule == null) {
            stayRule = new StayRule(maxDaysInWindow, windowDays);
        }
        return stayRule;
    }

    /**
     * The finding at {@code exit}, which closed {@code stay}.
     *
     * @param stays the traveller's short stays, the one just closed included
     */
    public Optional<RiskFlag> atExit(StayHistory stays, OpenStay stay, TravellerCrossing exit, Pseudonymiser tokens) {
        StayRule stayRule = stayRule();
        int exitDay = exit.getLocalDate();
        int used = stayRule.usedDays(stays, exitDay);
        int latest = stay.getLatestLawfulExit();
        if (!new AuthorisedStay(stayRule).overstayAtExit(stays, latest, exitDay)) {
            return Optional.empty();
        }
        boolean tooManyDays = used > stayRule.maxDaysInWindow();
        boolean afterAuthorised = latest == StayRule.NO_LAWFUL_DAY || exitDay > latest;
        String latestText = latest == StayRule.NO_LAWFUL_DAY ? "none" : date(latest);
        String visaEnd = stay.getLastDayAllowed() == Integer.MAX_VALUE
                ? "no visa"
                : stay.getLastDayAllowed() == StayRule.NO_LAWFUL_DAY ? "none" : date(stay.getLastDayAllowed());
        List<Condition> conditions = List.of(
                Flags.condition(
                        "days of presence in the " + stayRule.windowDays() + "-day window on the exit day",
                        used,
                        ">",
                        stayRule.maxDaysInWindow(),
                        tooManyDays),
                Flags.condition(
                        "exit date after the latest lawful exit", date(exitDay), ">", latestText, afterAuthorised),
                Flags.condition("latest lawful exit within the visa's last day", latestText, "<=", visaEnd, true));
        String explanation = "Exit on " + date(exitDay) + " after the authorised short stay entered on "
                + date(stay.getEntryDay()) + ": " + used + " days of presence in the " + stayRule.windowDays()
                + "-day window (limit " + stayRule.maxDaysInWindow() + "), latest lawful exit " + latestText
                + ", visa last day " + visaEnd + ".";
        return Optional.of(Flags.raiseOn(descriptor, exit, tokens)
                .assess(Severity.MEDIUM, ACTION)
                .explain(explanation, conditions, List.of(stay.getEntryEventId(), exit.getEventId()))
                .build());
    }

    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
