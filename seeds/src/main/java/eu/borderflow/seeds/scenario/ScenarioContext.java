package eu.borderflow.seeds.scenario;

import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.BcpChooser;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.BirthYears;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.IncidentFactory;
import eu.borderflow.seeds.world.LocalTimes;
import eu.borderflow.seeds.world.NamePicker;
import eu.borderflow.seeds.world.NearNames;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.SeedMix;
import eu.borderflow.seeds.world.TrafficPreview;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.VisaTerms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * What scenarios plant with: travellers drawn from the population's distributions (outside the background's indexes),
 * BCPs and local times drawn like the background's, scripted crossings, alert changelogs, incidents, and the ground
 * truth written from the plan and the shared rule definitions (never from running the job).
 */
public final class ScenarioContext {

    public static final int MIN_DAYS = 21;

    private final Period period;
    private final ReferenceData reference;
    private final Places places;
    private final PlantedTravellers travellers;
    private final Issuer issuer;
    private final CrossingTimes times;
    private final ScriptedCrossings crossings;
    private final IdFactory ids;
    private final TravelTimes travelTimes;
    private final AuthorisedStay authorisedStay;
    private final Duration grace;
    private final Pseudonymiser tokens;
    private final IncidentFactory incidentFactory;
    private final SplittableRandom rng;
    private final NamePicker names;
    private final PersonMatchRule personRule;
    private final ReviewDates reviewDates;
    private final BirthYears birthYears;
    private final NearNames nearNames;

    private final List<AlertChange> alerts = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<GroundTruthEntry> truth = new ArrayList<>();
    private final Set<String> reservedSections = new TreeSet<>();

    public ScenarioContext(
            long seed,
            Period period,
            ReferenceData reference,
            BcpClock clock,
            BcpChooser chooser,
            CrossingFactory factory,
            IdFactory ids,
            TravelTimes travelTimes,
            AuthorisedStay authorisedStay,
            Duration grace,
            PersonMatchRule personRule,
            ReviewDates reviewDates,
            Pseudonymiser tokens,
            PopulationFactory population,
            TrafficPreview preview,
            int backgroundTravellers) {
        this.period = period;
        this.reference = reference;
        this.ids = ids;
        this.travelTimes = travelTimes;
        this.authorisedStay = authorisedStay;
        this.grace = grace;
        this.tokens = tokens;
        this.incidentFactory = new IncidentFactory(ids);
        this.rng = new SplittableRandom(SeedMix.derive(seed, "scenarios"));
        this.places = new Places(reference, chooser, rng);
        PlantedNumbers numbers = new PlantedNumbers(backgroundTravellers);
        this.travellers = new PlantedTravellers(period, rng, population, preview, numbers);
        this.issuer = new Issuer(ids, places, rng, numbers);
        this.times = new CrossingTimes(clock, new LocalTimes(reference.calibration()), rng);
        this.crossings =
                new ScriptedCrossings(places, times, issuer, travelTimes, factory, ids, reference.calibration(), rng);
        this.names = new NamePicker(reference);
        Calibration calibration = reference.calibration();
        this.personRule = personRule;
        this.reviewDates = reviewDates;
        this.birthYears = new BirthYears(calibration);
        this.nearNames = new NearNames(personRule, calibration.number("/alerts/near_miss_similarity_min"));
    }

    public Period period() {
        return period;
    }

    public SplittableRandom rng() {
        return rng;
    }

    public ReferenceData reference() {
        return reference;
    }

    public PlantedTravellers travellers() {
        return travellers;
    }

    public Issuer issuer() {
        return issuer;
    }

    public Places places() {
        return places;
    }

    public CrossingTimes times() {
        return times;
    }

    public ScriptedCrossings crossings() {
        return crossings;
    }

    public TravelTimes travelTimes() {
        return travelTimes;
    }

    public AuthorisedStay authorisedStay() {
        return authorisedStay;
    }

    public IdFactory ids() {
        return ids;
    }

    public IncidentFactory incidentFactory() {
        return incidentFactory;
    }

    public NamePicker names() {
        return names;
    }

    public PersonMatchRule personRule() {
        return personRule;
    }

    public NearNames nearNames() {
        return nearNames;
    }

    public ReviewDates reviewDates() {
        return reviewDates;
    }

    public BirthYears birthYears() {
        return birthYears;
    }

    // ---- the rules' definitions, for planning -----------------------------------------------------------------

    /**
     * The authorised end (epoch day) of a short stay {@code t} enters on {@code entryDay} after {@code earlier} stays
     * (those under its current visa count against the visa's total), as the risk job computes it.
     */
    public int authorisedEnd(PlantedTraveller t, long entryDay, StayHistory earlier, int visaDaysUsed) {
        Visa v = t.visa;
        VisaTerms terms = v == null
                ? null
                : new VisaTerms(
                        (int) v.getValidFrom().toEpochDay(),
                        (int) v.getValidUntil().toEpochDay(),
                        v.getDurationOfStayDays());
        return authorisedStay.endDay(t.stayBasis, earlier, (int) entryDay, terms, visaDaysUsed);
    }

    /** R4's deadline for a stay entered by {@code entry} that is authorised until {@code endDay}. */
    public Instant missingExitDeadline(BorderCrossing entry, int endDay) {
        return Instant.ofEpochMilli(AuthorisedStay.missingExitDeadline(
                endDay,
                (int) entry.getLocalDate().toEpochDay(),
                reference.bcp(entry.getBcpCode()).zone(),
                grace));
    }

    // ---- alerts and incidents ---------------------------------------------------------------------------------

    public AlertLog alert(
            long millis,
            AlertBasis basis,
            String issuer,
            LocalDate reviewDate,
            AlertPerson person,
            AlertObject object) {
        LocalDate validFrom = LocalDate.ofEpochDay(Math.floorDiv(millis, Period.DAY_MILLIS));
        return AlertLog.create(alerts, ids.nextAlertId(), millis, basis, issuer, validFrom, reviewDate, person, object);
    }

    /** The person part of an alert on this traveller as SIS would hold it (name as in the document). */
    public AlertPerson personOf(PlantedTraveller t, String given, String surname, String dateOfBirth) {
        return new AlertPerson(
                surname,
                given,
                new ArrayList<>(),
                dateOfBirth,
                null,
                t.identity.getSex(),
                new ArrayList<>(List.of(t.identity.getNationality())),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>());
    }

    public DocumentRef documentRef(TravelDocument d) {
        return new DocumentRef(d.getType(), d.getNumber(), d.getIssuingCountry());
    }

    /** A review date well past the period, so an alert raises no R10 flag unless a scenario wants one. */
    public LocalDate farReviewDate() {
        return period.end().plusYears(2);
    }

    public void reserveSection(String sectionId) {
        reservedSections.add(sectionId);
    }

    public void incident(Incident incident) {
        incidents.add(incident);
    }

    // ---- ground truth -----------------------------------------------------------------------------------------

    public String fileToken(PlantedTraveller t) {
        return tokens.token(Pseudonymiser.Domain.FILE, t.fileId());
    }

    public String alertToken(String alertId) {
        return tokens.token(Pseudonymiser.Domain.ALERT, alertId);
    }

    /** A flag the job must raise on {@code trigger}, a crossing of {@code t}. */
    public void expect(
            Family family, String scenarioId, PlantedTraveller t, BorderCrossing trigger, String description) {
        add(
                family,
                scenarioId,
                GroundTruthKind.EXPECTED_FLAG,
                family.ruleId(),
                fileToken(t),
                trigger.getEventId(),
                description,
                null);
    }

    /** A flag of {@code ruleId} (another rule than the family's) the plan also makes due. */
    public void expect(
            Family family,
            String scenarioId,
            String ruleId,
            PlantedTraveller t,
            BorderCrossing trigger,
            String description) {
        add(
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
        add(
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
        add(
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
        add(
                family,
                scenarioId,
                kind,
                "R4",
                fileToken(t),
                entry.getEventId(),
                description,
                missingExitDeadline(entry, endDay));
    }

    /** An entry whose subject is not a traveller's file (R10: an alert, R11: a section). */
    public void truth(
            Family family,
            String scenarioId,
            GroundTruthKind kind,
            String subject,
            String trigger,
            String description) {
        add(family, scenarioId, kind, family.ruleId(), subject, trigger, description, null);
    }

    private void add(
            Family family,
            String scenarioId,
            GroundTruthKind kind,
            String ruleId,
            String subject,
            String trigger,
            String description,
            Instant notBefore) {
        truth.add(
                new GroundTruthEntry(scenarioId, kind, ruleId, subject, trigger, description, family.id(), notBefore));
    }

    /**
     * Once every alert of the world is made ({@code allAlerts}: the scenarios' and the background's): checks the
     * scenarios' R2, R9 and R10 entries against the definitions and adds what the definitions make due beyond them
     * (a planted traveller who is another alert's homonym; a background alert reviewed in the period).
     */
    public void settleAlertTruth(List<AlertChange> allAlerts) {
        PersonTruth.reconcile(crossings.all(), allAlerts, personRule, tokens, truth);
        new ReviewTruth(reviewDates, period.endMillis() - Period.DAY_MILLIS).reconcile(allAlerts, tokens, truth);
    }

    public List<AlertChange> alerts() {
        return alerts;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    public List<GroundTruthEntry> truth() {
        return truth;
    }

    public Set<String> reservedSections() {
        return reservedSections;
    }
}
