package eu.borderflow.seeds.scenario;

import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.seeds.world.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios' ground truth: expected flags and near-misses written from the plan and the shared rule definitions
 * (never from running the job), subjects pseudonymised as the jobs pseudonymise them.
 */
public final class ScriptedTruth {

    private final Pseudonymiser tokens;
    private final StayRules stayRules;
    private final PersonMatchRule personRule;
    private final ReviewDates reviewDates;
    private final Period period;
    private final List<GroundTruthEntry> entries = new ArrayList<>();

    ScriptedTruth(
            Pseudonymiser tokens,
            StayRules stayRules,
            PersonMatchRule personRule,
            ReviewDates reviewDates,
            Period period) {
        this.tokens = tokens;
        this.stayRules = stayRules;
        this.personRule = personRule;
        this.reviewDates = reviewDates;
        this.period = period;
    }

    private String fileToken(PlantedTraveller t) {
        return tokens.token(Pseudonymiser.Domain.FILE, t.fileId());
    }

    public String alertToken(String alertId) {
        return tokens.token(Pseudonymiser.Domain.ALERT, alertId);
    }

    /** A flag the job must raise on {@code trigger}, a crossing of {@code t}. */
    public void expect(
            Family family, String scenarioId, PlantedTraveller t, BorderCrossing trigger, String description) {
        expect(family, scenarioId, family.ruleId(), t, trigger, description);
    }

    /** A flag of {@code ruleId} (another rule than the family's) the plan also makes due. */
    public void expect(
            Family family,
            String scenarioId,
            String ruleId,
            PlantedTraveller t,
            BorderCrossing trigger,
            String description) {
        write(
                family,
                scenarioId,
                GroundTruthKind.EXPECTED_FLAG,
                ruleId,
                fileToken(t),
                trigger.getEventId(),
                description,
                null);
    }

    /** A near-miss of {@code ruleId} (another rule than the family's) on {@code trigger}. */
    public void nearMiss(
            Family family,
            String scenarioId,
            String ruleId,
            PlantedTraveller t,
            BorderCrossing trigger,
            String description) {
        write(
                family,
                scenarioId,
                GroundTruthKind.NEAR_MISS,
                ruleId,
                fileToken(t),
                trigger.getEventId(),
                description,
                null);
    }

    public void nearMiss(
            Family family, String scenarioId, PlantedTraveller t, BorderCrossing trigger, String description) {
        write(
                family,
                scenarioId,
                GroundTruthKind.NEAR_MISS,
                family.ruleId(),
                fileToken(t),
                trigger.getEventId(),
                description,
                null);
    }

    /** R4 on {@code entry}: expected or a near-miss, with the deadline before which no flag may be raised. */
    public void missingExit(
            Family family,
            String scenarioId,
            GroundTruthKind kind,
            PlantedTraveller t,
            BorderCrossing entry,
            int endDay,
            String description) {
        write(
                family,
                scenarioId,
                kind,
                "R4",
                fileToken(t),
                entry.getEventId(),
                description,
                stayRules.missingExitDeadline(entry, endDay));
    }

    /** An entry whose subject is not a traveller's file (R10: an alert, R11: a section). */
    public void add(
            Family family,
            String scenarioId,
            GroundTruthKind kind,
            String subject,
            String trigger,
            String description) {
        write(family, scenarioId, kind, family.ruleId(), subject, trigger, description, null);
    }

    private void write(
            Family family,
            String scenarioId,
            GroundTruthKind kind,
            String ruleId,
            String subject,
            String trigger,
            String description,
            Instant notBefore) {
        entries.add(
                new GroundTruthEntry(scenarioId, kind, ruleId, subject, trigger, description, family.id(), notBefore));
    }

    /**
     * Once every alert of the world is made ({@code allAlerts}: the scenarios' and the background's): checks the
     * scenarios' R2, R9 (at the scripted {@code crossings}) and R10 entries against the definitions and adds what the
     * definitions make due beyond them (a planted traveller who is another alert's homonym; a background alert
     * reviewed in the period).
     */
    public void settleAlerts(List<BorderCrossing> crossings, List<AlertChange> allAlerts) {
        PersonTruth.reconcile(crossings, allAlerts, personRule, tokens, entries);
        new ReviewTruth(reviewDates, period.endMillis() - Period.DAY_MILLIS).reconcile(allAlerts, tokens, entries);
    }

    /** Every entry written so far. */
    public List<GroundTruthEntry> entries() {
        return entries;
    }
}
