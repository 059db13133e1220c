package eu.borderflow.seeds.scenario;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.Nationality;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.BirthYears;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.IncidentFactory;
import eu.borderflow.seeds.world.NamePicker;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.TravelTimes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What scenarios plant with: planted travellers outside the population, scripted crossings, alert changelogs,
 * incidents, and the ground truth written from the plan (never from running rules).
 */
public final class ScenarioContext {

    public static final int MIN_DAYS = 21;
    /** Scenario days start this many days into the period and end this many days before its end. */
    private static final int LEAD_DAYS = 2;
    private static final int TAIL_DAYS = 4;
    private static final int MAX_NAME_TRIES = 500;
    private static final float GENUINE_SCORE = 0.95f;
    private static final int DOCUMENT_VALID_YEARS = 2;
    private static final int VISA_VALID_BEFORE_DAYS = 200;
    private static final int VISA_VALID_AFTER_DAYS = 365;
    public static final int FULL_VISA_DAYS = 90;
    public static final int MULTIPLE_ENTRIES = 0;

    private final Period period;
    private final ReferenceData reference;
    private final BcpClock clock;
    private final CrossingFactory factory;
    private final IdFactory ids;
    private final TravelTimes travelTimes;
    private final Pseudonymiser tokens;
    private final IncidentFactory incidentFactory;
    private final SplittableRandom rng;
    private final NamePicker names;
    private final PlantedNames planted = new PlantedNames();
    private final List<Nationality> visaRequired;
    private final List<Nationality> visaExempt;
    private final List<String> memberStates;
    private long nextIndex;

    private final List<BorderCrossing> crossings = new ArrayList<>();
    private final List<AlertChange> alerts = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<GroundTruthEntry> truth = new ArrayList<>();
    private final Set<String> reservedSections = new TreeSet<>();

    public ScenarioContext(long seed, Period period, ReferenceData reference, BcpClock clock, CrossingFactory factory,
                           IdFactory ids, TravelTimes travelTimes, Pseudonymiser tokens, int travellers) {
        this.period = period;
        this.reference = reference;
        this.clock = clock;
        this.factory = factory;
        this.ids = ids;
        this.travelTimes = travelTimes;
        this.tokens = tokens;
        this.incidentFactory = new IncidentFactory(ids);
        this.rng = new SplittableRandom(eu.borderflow.seeds.world.SeedMix.derive(seed, "scenarios"));
        this.names = new NamePicker(reference);
        this.visaRequired = reference.nationalities().stream().filter(Nationality::visaRequired).toList();
        this.visaExempt = reference.nationalities().stream().filter(n -> !n.visaRequired()).toList();
        this.memberStates = reference.bcps().stream().map(Bcp::country).distinct().toList();
        this.nextIndex = travellers;
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

    public TravelTimes travelTimes() {
        return travelTimes;
    }

    public IdFactory ids() {
        return ids;
    }

    public IncidentFactory incidentFactory() {
        return incidentFactory;
    }

    /** A day b (epoch day) such that [b, b + span] lies inside the period with a margin at both ends. */
    public long baseDay(int span) {
        int room = period.days() - LEAD_DAYS - TAIL_DAYS - span;
        return period.startDay() + LEAD_DAYS + (room <= 0 ? 0 : rng.nextInt(room + 1));
    }

    /** UTC millis of local {@code hour}:mm on {@code day} at the BCP (random minute, second). */
    public long at(Bcp bcp, long day, int hour) {
        return clock.toMillis(bcp.index(), day, hour * 3600 + rng.nextInt(3600), rng.nextInt(1000));
    }

    public long localDay(Bcp bcp, long millis) {
        return clock.localDay(bcp.index(), millis);
    }

    public Bcp bcp(String code) {
        return reference.bcp(code);
    }

    public Bcp randomBcp(BorderType type) {
        List<Bcp> ofType = reference.bcps().stream().filter(b -> b.type() == type).toList();
        return ofType.get(rng.nextInt(ofType.size()));
    }

    public String memberState() {
        return memberStates.get(rng.nextInt(memberStates.size()));
    }

    public PlantedTraveller traveller(boolean needsVisa) {
        return traveller(needsVisa, n -> true, d -> true);
    }

    /** A new planted person whose names and birth date pass the filters and clash with no other planted person. */
    public PlantedTraveller traveller(boolean needsVisa, Predicate<NamePicker.Names> nameOk, Predicate<LocalDate> dobOk) {
        List<Nationality> pool = needsVisa ? visaRequired : visaExempt;
        for (int attempt = 0; attempt < MAX_NAME_TRIES; attempt++) {
            Nationality nationality = pool.get(rng.nextInt(pool.size()));
            Sex sex = rng.nextBoolean() ? Sex.F : Sex.M;
            NamePicker.Names n = names.pick(nationality, sex, rng);
            LocalDate dob = BirthYears.planted(rng);
            String given = n.given().name();
            String surname = n.surname().name();
            if (!nameOk.test(n) || !dobOk.test(dob) || !planted.isFree(dob.getYear(), given, surname)) {
                continue;
            }
            planted.register(dob.getYear(), given, surname);
            return build(nationality, sex, n, dob, needsVisa);
        }
        throw new IllegalStateException("could not find a distinct planted name");
    }

    /** Reserves a name for a planted alert so that no later planted person resembles it. */
    public boolean reserveName(int year, String given, String surname) {
        if (!planted.isFree(year, given, surname)) {
            return false;
        }
        planted.register(year, given, surname);
        return true;
    }

    public NamePicker names() {
        return names;
    }

    private PlantedTraveller build(Nationality nationality, Sex sex, NamePicker.Names n, LocalDate dob,
                                   boolean needsVisa) {
        long index = nextIndex++;
        PlantedTraveller t = new PlantedTraveller();
        t.names = n;
        t.identity = new TravellerIdentity(ids.fileId(index), n.surname().name(), n.given().name(), dob,
                nationality.code(), sex);
        t.presented = t.identity;
        t.document = new TravelDocument(DocumentType.PASSPORT, ids.documentNumber(index), nationality.code(),
                period.end().plusYears(DOCUMENT_VALID_YEARS));
        t.facialTemplateId = ids.facialTemplateId(index);
        if (needsVisa) {
            t.visa = visa(MULTIPLE_ENTRIES, FULL_VISA_DAYS, period.start().minusDays(VISA_VALID_BEFORE_DAYS),
                    period.end().plusDays(VISA_VALID_AFTER_DAYS));
            t.fingerprintStatus = FingerprintStatus.IN_VIS;
        } else {
            t.fingerprintStatus = FingerprintStatus.CAPTURED;
            t.fingerprintTemplateId = ids.fingerprintTemplateId(index);
        }
        return t;
    }

    /** A fresh C visa (sticker unique in the dataset); {@code entries} 0 means multiple. */
    public Visa visa(int entries, int durationDays, LocalDate validFrom, LocalDate validUntil) {
        return new Visa(ids.stickerNumber(memberState(), nextIndex++), "C", entries, durationDays, validFrom, validUntil);
    }

    /** A second, new document for the traveller (same person, same biometrics). */
    public TravelDocument newDocument(PlantedTraveller t) {
        return new TravelDocument(DocumentType.PASSPORT, ids.documentNumber(nextIndex++),
                t.document.getIssuingCountry(), period.end().plusYears(DOCUMENT_VALID_YEARS));
    }

    public String newFacialTemplateId() {
        return ids.facialTemplateId(nextIndex++);
    }

    public void setDocument(PlantedTraveller t, TravelDocument document) {
        t.document = document;
    }

    public void setVisa(PlantedTraveller t, Visa visa) {
        t.visa = visa;
    }

    public void setFacialTemplate(PlantedTraveller t, String templateId) {
        t.facialTemplateId = templateId;
    }

    public void present(PlantedTraveller t, TravellerIdentity spelling) {
        t.presented = spelling;
    }

    public BorderCrossing entry(PlantedTraveller t, Bcp bcp, long millis, long plannedExitDay) {
        return crossing(t, CrossingKind.ENTRY, bcp, millis, List.of(), plannedExitDay);
    }

    public BorderCrossing exit(PlantedTraveller t, Bcp bcp, long millis) {
        return crossing(t, CrossingKind.EXIT, bcp, millis, List.of(), localDay(bcp, millis));
    }

    public BorderCrossing refusal(PlantedTraveller t, Bcp bcp, long millis, RefusalReason reason) {
        return crossing(t, CrossingKind.REFUSAL, bcp, millis, List.of(reason), localDay(bcp, millis));
    }

    private BorderCrossing crossing(PlantedTraveller t, CrossingKind kind, Bcp bcp, long millis,
                                    List<RefusalReason> reasons, long retentionDay) {
        BorderCrossing c = factory.crossing(ids.nextScriptedEventId(), kind, millis, localDay(bcp, millis), bcp.index(),
                t.presented, t.document, t.visa, t.facialTemplateId, t.fingerprintTemplateId, t.fingerprintStatus,
                GENUINE_SCORE, reasons, retentionDay);
        crossings.add(c);
        return c;
    }

    /** Marks a crossing as a fall-back upload arriving {@code delayMillis} after it happened. */
    public void uploadLate(BorderCrossing c, long delayMillis) {
        c.setIngestTime(java.time.Instant.ofEpochMilli(c.getEventTime().toEpochMilli() + delayMillis));
        c.setFallbackUpload(true);
    }

    public AlertLog alert(long millis, AlertBasis basis, String issuer, LocalDate reviewDate, AlertPerson person,
                          AlertObject object) {
        LocalDate validFrom = LocalDate.ofEpochDay(Math.floorDiv(millis, Period.DAY_MILLIS));
        return AlertLog.create(alerts, ids.nextAlertId(), millis, basis, issuer, validFrom, reviewDate, person, object);
    }

    /** The person part of an alert on this traveller as SIS would hold it (name as in the document). */
    public AlertPerson personOf(PlantedTraveller t, String given, String surname, String dateOfBirth) {
        return new AlertPerson(surname, given, new ArrayList<>(), dateOfBirth, null, t.identity.getSex(),
                new ArrayList<>(List.of(t.identity.getNationality())), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
    }

    public DocumentRef documentRef(TravelDocument d) {
        return new DocumentRef(d.getType(), d.getNumber(), d.getIssuingCountry());
    }

    /** A review date well past the period, so an alert raises no R10 flag unless a scenario wants one. */
    public LocalDate farReviewDate() {
        return period.end().plusYears(2);
    }

    public String fileToken(PlantedTraveller t) {
        return tokens.token(Pseudonymiser.Domain.FILE, t.fileId());
    }

    public String alertToken(String alertId) {
        return tokens.token(Pseudonymiser.Domain.ALERT, alertId);
    }

    public void expect(String scenarioId, String ruleId, String subject, String trigger, String description) {
        truth.add(new GroundTruthEntry(scenarioId, GroundTruthKind.EXPECTED_FLAG, ruleId, subject, trigger, description));
    }

    public void nearMiss(String scenarioId, String ruleId, String subject, String trigger, String description) {
        truth.add(new GroundTruthEntry(scenarioId, GroundTruthKind.NEAR_MISS, ruleId, subject, trigger, description));
    }

    public void reserveSection(String sectionId) {
        reservedSections.add(sectionId);
    }

    public void incident(Incident incident) {
        incidents.add(incident);
    }

    public List<BorderCrossing> crossings() {
        return crossings;
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
