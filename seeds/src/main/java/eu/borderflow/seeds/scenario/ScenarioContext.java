package eu.borderflow.seeds.scenario;

import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.world.BcpChooser;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.BirthYears;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.LocalTimes;
import eu.borderflow.seeds.world.NamePicker;
import eu.borderflow.seeds.world.NearNames;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.SeedMix;
import eu.borderflow.seeds.world.TrafficPreview;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.stay.AuthorisedStay;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What scenarios plant with: travellers drawn from the population's distributions (outside the background's indexes)
 * and what is issued to them, BCPs and local times drawn like the background's, scripted crossings, alert
 * changelogs, incidents, and the ground truth written from the plan and the shared rule definitions (never from
 * running the job). All of them draw from one random stream, in the order scenarios plant.
 */
public final class ScenarioContext {

    public static final int MIN_DAYS = 21;

    private final Period period;
    private final ReferenceData reference;
    private final SplittableRandom rng;
    private final PlantedTravellers travellers;
    private final Issuer issuer;
    private final Places places;
    private final CrossingTimes times;
    private final ScriptedCrossings crossings;
    private final StayRules stayRules;
    private final ScriptedAlerts alerts;
    private final ScriptedIncidents incidents;
    private final ScriptedTruth truth;
    private final TravelTimes travelTimes;
    private final IdFactory ids;
    private final NamePicker names;
    private final PersonMatchRule personRule;
    private final NearNames nearNames;
    private final ReviewDates reviewDates;
    private final BirthYears birthYears;

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
        Calibration calibration = reference.calibration();
        this.period = period;
        this.reference = reference;
        this.rng = new SplittableRandom(SeedMix.derive(seed, "scenarios"));
        PlantedNumbers numbers = new PlantedNumbers(backgroundTravellers);
        this.travellers = new PlantedTravellers(period, rng, population, preview, numbers);
        this.places = new Places(reference, chooser, rng);
        this.issuer = new Issuer(ids, places, rng, numbers);
        this.times = new CrossingTimes(clock, new LocalTimes(calibration), rng);
        this.crossings = new ScriptedCrossings(places, times, issuer, travelTimes, factory, ids, calibration, rng);
        this.stayRules = new StayRules(authorisedStay, reference, grace);
        this.alerts = new ScriptedAlerts(ids, period);
        this.incidents = new ScriptedIncidents(ids);
        this.truth = new ScriptedTruth(tokens, stayRules, personRule, reviewDates, period);
        this.travelTimes = travelTimes;
        this.ids = ids;
        this.names = new NamePicker(reference);
        this.personRule = personRule;
        this.nearNames = new NearNames(personRule, calibration.number("/alerts/near_miss_similarity_min"));
        this.reviewDates = reviewDates;
        this.birthYears = new BirthYears(calibration);
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

    public StayRules stayRules() {
        return stayRules;
    }

    public ScriptedAlerts alerts() {
        return alerts;
    }

    public ScriptedIncidents incidents() {
        return incidents;
    }

    public ScriptedTruth truth() {
        return truth;
    }

    public TravelTimes travelTimes() {
        return travelTimes;
    }

    public IdFactory ids() {
        return ids;
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
}
