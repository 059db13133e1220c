package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;
import java.io.Serializable;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * What one crossing, in event-time order, does to a traveller's EES file: an entry opens a stay (its authorised end
 * worked out by the domain's one definition, {@link AuthorisedStay}) and is checked by R5 and R6, an exit closes it
 * and is checked by R3 and withdraws a raised R4, a refusal changes no stay. Used by {@link TravellerFileOperator},
 * which owns the state, the timers and the failure handling.
 */
final class StayMovements implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Pseudonymiser tokens;
    private final BcpLocations bcps;
    private final OverstayRule overstay;
    private final MissingExitRule missingExit;
    private final VisaEntriesRule visaEntries;
    private final DocumentValidityRule documentValidity;
    /** Rebuilt from the overstay rule's figures after deserialisation. */
    private transient AuthorisedStay authorisedStay;

    StayMovements(RiskSettings config, BcpLocations bcps, OverstayRule overstay, MissingExitRule missingExit) {
        this.tokens = config.tokens();
        this.bcps = bcps;
        this.overstay = overstay;
        this.missingExit = missingExit;
        this.visaEntries = new VisaEntriesRule(config);
        this.documentValidity = new DocumentValidityRule(config);
    }

    /**
     * Applies {@code crossing} to {@code current} in place. {@code raisedR4} holds the open stay's R4 flag, if one was
     * raised; an opened stay's R4 deadline is registered with {@code timers}.
     */
    void apply(
            TravellerFile current,
            TravellerCrossing crossing,
            ValueState<RiskFlag> raisedR4,
            TimerService timers,
            Collector<RiskFlag> out)
            throws Exception {
        switch (crossing.getKind()) {
            case ENTRY -> enter(current, crossing, raisedR4, timers, out);
            case EXIT -> exit(current, crossing, raisedR4, out);
            default -> {
                // A refusal changes no stay.
            }
        }
    }

    private void enter(
            TravellerFile current,
            TravellerCrossing entry,
            ValueState<RiskFlag> raisedR4,
            TimerService timers,
            Collector<RiskFlag> out) {
        int day = entry.getLocalDate();
        current.dropVisasEndedBefore(day);
        int visa = -1;
        if (entry.hasVisa()) {
            visa = entry.visaNeedsKeeping() ? current.visaOrNew(entry.getVisaDigest(), entry.getVisaValidUntil()) : -1;
            int used = VisaEntriesRule.recordEntry(current, visa);
            if (visaEntries.enabled()) {
                visaEntries.atEntry(entry, used, tokens).ifPresent(out::collect);
            }
        }
        if (day < current.getLastMovementDay()) {
            // Too late to be placed among the stays: no authorised end to check the document against.
            checkDocument(entry, AuthorisedStay.UNLIMITED, out);
            return;
        }
        StayHistory stays = current.history();
        OpenStay unexited = current.getOpenStay();
        if (unexited != null) {
            stays = stays.add(unexited.getEntryDay(), day);
            spendVisaDays(current, unexited, day);
            raisedR4.clear();
        }
        current.history(stays.retainFrom(overstay.stayRule().windowStart(day)));
        OpenStay opened = entry.isShortStay() ? open(current, stays, entry, visa, timers) : null;
        checkDocument(entry, opened == null ? AuthorisedStay.UNLIMITED : opened.getLatestLawfulExit(), out);
        current.setOpenStay(opened);
        current.setLastMovementDay(day);
    }

    /** R6 at an entry whose stay is authorised until {@code authorisedEnd}. */
    private void checkDocument(TravellerCrossing entry, int authorisedEnd, Collector<RiskFlag> out) {
        if (documentValidity.enabled()) {
            documentValidity.atEntry(entry, authorisedEnd, tokens).ifPresent(out::collect);
        }
    }

    /** The stay {@code entry} opens: its authorised end (AuthorisedStay) and, for R4, its deadline. */
    private OpenStay open(
            TravellerFile current, StayHistory stays, TravellerCrossing entry, int visa, TimerService timers) {
        OpenStay stay = new OpenStay();
        stay.setEntryEventId(entry.getEventId());
        stay.setEntryTime(entry.getEventTime());
        stay.setEntryDay(entry.getLocalDate());
        stay.setBcpCode(entry.getBcpCode());
        stay.setSectionId(entry.getSectionId());
        stay.setRetentionUntil(entry.getRetentionUntil());
        stay.setVisaDigest(visa >= 0 ? entry.getVisaDigest() : null);
        stay.setLastDayAllowed(entry.lastDayByVisa(current.visaDays(visa).usedBefore(entry.getLocalDate())));
        stay.setLatestLawfulExit(authorisedStay().endDay(stays, entry.getLocalDate(), stay.getLastDayAllowed()));
        stay.setMissingExitDeadline(Long.MAX_VALUE);
        if (missingExit.enabled()) {
            stay.setMissingExitDeadline(missingExit.deadline(stay, bcps.find(entry.getBcpCode())));
            timers.registerEventTimeTimer(stay.getMissingExitDeadline());
        }
        return stay;
    }

    /** Counts the days of {@code stay}, ended on {@code exitDay}, against its visa's total. */
    private static void spendVisaDays(TravellerFile current, OpenStay stay, int exitDay) {
        int visa = stay.getVisaDigest() == null ? -1 : current.visa(stay.getVisaDigest());
        if (visa >= 0) {
            current.visaDays(visa, current.visaDays(visa).plusStay(stay.getEntryDay(), exitDay));
        }
    }

    private void exit(
            TravellerFile current, TravellerCrossing exit, ValueState<RiskFlag> raisedR4, Collector<RiskFlag> out)
            throws Exception {
        OpenStay stay = current.getOpenStay();
        int day = exit.getLocalDate();
        if (stay == null || day < stay.getEntryDay()) {
            return;
        }
        StayHistory stays = current.history().add(stay.getEntryDay(), day);
        if (overstay.enabled()) {
            overstay.atExit(stays, stay, exit, tokens).ifPresent(out::collect);
        }
        RiskFlag raised = raisedR4.value();
        if (raised != null) {
            out.collect(missingExit.withdraw(raised, exit));
            raisedR4.clear();
        }
        spendVisaDays(current, stay, day);
        current.history(stays.retainFrom(overstay.stayRule().windowStart(day)));
        current.setOpenStay(null);
        current.setLastMovementDay(day);
        current.dropVisasEndedBefore(day);
    }

    private AuthorisedStay authorisedStay() {
        if (authorisedStay == null) {
            authorisedStay = new AuthorisedStay(overstay.stayRule());
        }
        return authorisedStay;
    }
}
