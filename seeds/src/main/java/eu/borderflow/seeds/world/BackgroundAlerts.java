package eu.borderflow.seeds.world;

import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.schema.PersonWarning;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.Nationality;
import eu.borderflow.seeds.reference.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * SIS alerts that no scenario plants: persons drawn like travellers (names from the lists, birth dates from the
 * population's distribution, so some are homonyms of travellers, which the ground truth finds by R2's definition),
 * Art. 38 documents with numbers no traveller holds, review dates mostly after the period and some inside it (R10),
 * changes during the period; and alerts made to nearly match a background traveller: the traveller's birth date and
 * a name at Jaro-Winkler 0.85 up to the threshold (R2 near-misses, R9 for return alerts).
 */
public final class BackgroundAlerts {

    private static final AlertBasis[] PERSON_BASES = {
        AlertBasis.REFUSAL_1861_ART24,
        AlertBasis.RETURN_1860_ART3,
        AlertBasis.ARREST_1862_ART26,
        AlertBasis.MISSING_1862_ART32,
        AlertBasis.JUDICIAL_1862_ART34,
        AlertBasis.CHECK_1862_ART36
    };
    private static final Weighted PERSON_BASIS = new Weighted(new double[] {40, 15, 10, 10, 10, 15});
    private static final int MAX_CREATED_BEFORE_DAYS = 30;
    private static final int NOTICE_MONTHS = 4;
    private static final int REVIEW_MARGIN_DAYS = 30;
    private static final int REVIEW_SPREAD_DAYS = 900;
    /** R10's clock surely reaches the day before the period's last; reviews inside stop there. */
    private static final int REVIEW_BEFORE_END_DAYS = 2;

    private static final double WARNING_SHARE = 0.1;
    private static final int EXTEND_DAYS = 365;

    /** The alerts made, and the background travellers (by index) some of them were made to nearly match. */
    public record Made(Map<Integer, Set<String>> nearTargets) {}

    private BackgroundAlerts() {}

    public static Made generate(
            long seed,
            Period period,
            int travellers,
            ReferenceData reference,
            IdFactory ids,
            PopulationFactory population,
            PersonMatchRule rule,
            List<AlertChange> sink) {
        SplittableRandom rng = new SplittableRandom(SeedMix.derive(seed, "background-alerts"));
        Calibration c = reference.calibration();
        int count = (int) Math.min(
                c.integer("/alerts/background_max"),
                Math.max(
                        c.integer("/alerts/background_min"),
                        Math.round(travellers * c.number("/alerts/background_per_1000_travellers") / 1000)));
        NamePicker names = new NamePicker(reference);
        BirthYears birthYears = new BirthYears(c);
        List<Nationality> nationalities = reference.nationalities();
        List<String> states =
                reference.bcps().stream().map(b -> b.country()).distinct().toList();
        double yearOnlyShare = c.number("/alerts/year_only_share");
        double reviewInPeriod = c.number("/alerts/review_in_period_share");
        for (int i = 0; i < count; i++) {
            long created = period.startMillis() - 1 - rng.nextLong(MAX_CREATED_BEFORE_DAYS * Period.DAY_MILLIS);
            LocalDate review = reviewDate(period, reviewInPeriod, rng);
            String issuer = states.get(rng.nextInt(states.size()));
            Nationality nationality = nationalities.get(rng.nextInt(nationalities.size()));
            DocumentRef document =
                    new DocumentRef(DocumentType.PASSPORT, ids.nextAlertDocumentNumber(), nationality.code());
            AlertLog log;
            if (rng.nextDouble() < c.number("/alerts/document_share")) {
                ObjectStatus status = ObjectStatus.values()[rng.nextInt(ObjectStatus.values().length)];
                log = AlertLog.create(
                        sink,
                        ids.nextAlertId(),
                        created,
                        AlertBasis.OBJECT_1862_ART38,
                        issuer,
                        validFrom(created),
                        review,
                        null,
                        new AlertObject(status, document));
            } else {
                Sex sex = rng.nextBoolean() ? Sex.F : Sex.M;
                NamePicker.Names n = names.pick(nationality, sex, rng);
                LocalDate dob = birthYears.draw(rng);
                List<PersonWarning> warnings = new ArrayList<>();
                if (rng.nextDouble() < WARNING_SHARE) {
                    warnings.add(PersonWarning.values()[rng.nextInt(PersonWarning.values().length)]);
                }
                AlertPerson person = new AlertPerson(
                        n.surname().name(),
                        n.given().name(),
                        new ArrayList<>(),
                        rng.nextDouble() < yearOnlyShare ? Integer.toString(dob.getYear()) : dob.toString(),
                        null,
                        sex,
                        new ArrayList<>(List.of(nationality.code())),
                        warnings,
                        new ArrayList<>(List.of(document)),
                        new ArrayList<>());
                log = AlertLog.create(
                        sink,
                        ids.nextAlertId(),
                        created,
                        PERSON_BASES[PERSON_BASIS.pick(rng)],
                        issuer,
                        validFrom(created),
                        review,
                        person,
                        null);
            }
            if (rng.nextDouble() < c.number("/alerts/changes_per_alert")) {
                change(log, period, states, rng);
            }
        }
        return new Made(nearMisses(period, travellers, c, ids, population, rule, states, rng, sink));
    }

    /**
     * Person alerts on a background traveller's birth date with a name just below R2's threshold against every
     * spelling the traveller uses.
     */
    private static Map<Integer, Set<String>> nearMisses(
            Period period,
            int travellers,
            Calibration c,
            IdFactory ids,
            PopulationFactory population,
            PersonMatchRule rule,
            List<String> states,
            SplittableRandom rng,
            List<AlertChange> sink) {
        Map<Integer, Set<String>> targets = new HashMap<>();
        NearNames near = new NearNames(rule, c.number("/alerts/near_miss_similarity_min"));
        long count = Math.round(travellers * c.number("/alerts/near_miss_per_1000_travellers") / 1000);
        for (long i = 0; i < count; i++) {
            int index = rng.nextInt(travellers);
            Traveller t = population.create(index);
            TravellerIdentity id = t.identity();
            List<String[]> spellings = new ArrayList<>();
            spellings.add(new String[] {id.getSurname(), id.getGivenNames()});
            if (t.variantIdentity() != null) {
                spellings.add(new String[] {
                    t.variantIdentity().getSurname(), t.variantIdentity().getGivenNames()
                });
            }
            String[] name = near.near(id.getSurname(), id.getGivenNames(), spellings, rng);
            if (name == null) {
                continue;
            }
            long created = period.startMillis() - 1 - rng.nextLong(MAX_CREATED_BEFORE_DAYS * Period.DAY_MILLIS);
            AlertPerson person = new AlertPerson(
                    name[0],
                    name[1],
                    new ArrayList<>(),
                    id.getDateOfBirth().toString(),
                    null,
                    id.getSex(),
                    new ArrayList<>(List.of(id.getNationality())),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
            AlertLog log = AlertLog.create(
                    sink,
                    ids.nextAlertId(),
                    created,
                    PERSON_BASES[PERSON_BASIS.pick(rng)],
                    states.get(rng.nextInt(states.size())),
                    validFrom(created),
                    period.end()
                            .plusMonths(NOTICE_MONTHS)
                            .plusDays(REVIEW_MARGIN_DAYS + rng.nextInt(REVIEW_SPREAD_DAYS)),
                    person,
                    null);
            targets.computeIfAbsent(index, k -> new TreeSet<>()).add(log.alertId());
        }
        return targets;
    }

    private static LocalDate validFrom(long created) {
        return LocalDate.ofEpochDay(Math.floorDiv(created, Period.DAY_MILLIS));
    }

    /** Mostly after the period and its notice; a share inside it (never in its last days, which the clock may miss). */
    private static LocalDate reviewDate(Period period, double insideShare, SplittableRandom rng) {
        int inside = period.days() - REVIEW_BEFORE_END_DAYS;
        if (inside > 0 && rng.nextDouble() < insideShare) {
            return period.start().plusDays(rng.nextInt(inside));
        }
        return period.end().plusMonths(NOTICE_MONTHS).plusDays(REVIEW_MARGIN_DAYS + rng.nextInt(REVIEW_SPREAD_DAYS));
    }

    /** One change within the period, while the alert exists (before the end of its review period). */
    private static void change(AlertLog log, Period period, List<String> states, SplittableRandom rng) {
        long end = Math.min(period.endMillis(), log.expiresAt());
        long at = period.startMillis() + rng.nextLong(end - period.startMillis());
        switch (rng.nextInt(5)) {
            case 0 ->
                log.update(at, a -> {
                    if (a.getPerson() != null) {
                        a.getPerson()
                                .getAliases()
                                .add(a.getPerson().getSurname() + " "
                                        + a.getPerson().getGivenNames());
                    } else {
                        a.getObjectPart().setStatus(ObjectStatus.INVALIDATED);
                    }
                });
            case 1 -> log.extend(at, log.reviewDate().plusDays(EXTEND_DAYS));
            case 2 -> {
                String state = states.get(rng.nextInt(states.size()));
                log.flagAdd(at, state);
                long removeAt = at + rng.nextLong(end - at);
                if (rng.nextBoolean()) {
                    log.flagRemove(removeAt, state);
                }
            }
            case 3 -> log.flagAdd(at, states.get(rng.nextInt(states.size())));
            default -> log.delete(at, "purpose achieved");
        }
    }
}
