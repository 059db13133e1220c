package eu.borderflow.seeds.world;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.schema.PersonWarning;
import eu.borderflow.schema.Sex;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.Nationality;
import eu.borderflow.seeds.reference.ReferenceData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SIS alerts on persons and Art. 38 documents that are NOT in the population: persons are born in years no traveller
 * has (so no match by date of birth), documents carry numbers no traveller has, and review dates lie beyond the
 * period plus the R10 notice, so none of them may raise a flag.
 */
public final class BackgroundAlerts {

    private static final AlertBasis[] PERSON_BASES = {AlertBasis.REFUSAL_1861_ART24, AlertBasis.RETURN_1860_ART3,
            AlertBasis.ARREST_1862_ART26, AlertBasis.MISSING_1862_ART32, AlertBasis.JUDICIAL_1862_ART34,
            AlertBasis.CHECK_1862_ART36};
    private static final Weighted PERSON_BASIS = new Weighted(new double[] {40, 15, 10, 10, 10, 15});
    private static final int MAX_CREATED_BEFORE_DAYS = 30;
    private static final int NOTICE_MONTHS = 4;
    private static final int REVIEW_MARGIN_DAYS = 30;
    private static final int REVIEW_SPREAD_DAYS = 900;
    private static final double YEAR_ONLY_SHARE = 0.1;
    private static final double WARNING_SHARE = 0.1;
    private static final int EXTEND_DAYS = 365;

    private BackgroundAlerts() {
    }

    public static void generate(long seed, Period period, int travellers, ReferenceData reference, IdFactory ids,
                                List<AlertChange> sink) {
        SplittableRandom rng = new SplittableRandom(SeedMix.derive(seed, "background-alerts"));
        Calibration c = reference.calibration();
        int count = Math.max(c.integer("/alerts/background_min"),
                (int) Math.round(travellers * c.number("/alerts/background_per_1000_travellers") / 1000));
        NamePicker names = new NamePicker(reference);
        List<Nationality> nationalities = reference.nationalities();
        List<String> states = reference.bcps().stream().map(b -> b.country()).distinct().toList();
        LocalDate earliestReview = period.end().plusMonths(NOTICE_MONTHS).plusDays(REVIEW_MARGIN_DAYS);
        for (int i = 0; i < count; i++) {
            long created = period.startMillis() - 1 - rng.nextLong(MAX_CREATED_BEFORE_DAYS * Period.DAY_MILLIS);
            LocalDate validFrom = LocalDate.ofEpochDay(Math.floorDiv(created, Period.DAY_MILLIS));
            LocalDate review = earliestReview.plusDays(rng.nextInt(REVIEW_SPREAD_DAYS));
            String issuer = states.get(rng.nextInt(states.size()));
            Nationality nationality = nationalities.get(rng.nextInt(nationalities.size()));
            DocumentRef document = new DocumentRef(DocumentType.PASSPORT, ids.nextAlertDocumentNumber(), nationality.code());
            AlertLog log;
            if (rng.nextDouble() < c.number("/alerts/document_share")) {
                ObjectStatus status = ObjectStatus.values()[rng.nextInt(ObjectStatus.values().length)];
                log = AlertLog.create(sink, ids.nextAlertId(), created, AlertBasis.OBJECT_1862_ART38, issuer, validFrom,
                        review, null, new AlertObject(status, document));
            } else {
                Sex sex = rng.nextBoolean() ? Sex.F : Sex.M;
                NamePicker.Names n = names.pick(nationality, sex, rng);
                LocalDate dob = BirthYears.alertOnly(rng);
                List<PersonWarning> warnings = new ArrayList<>();
                if (rng.nextDouble() < WARNING_SHARE) {
                    warnings.add(PersonWarning.values()[rng.nextInt(PersonWarning.values().length)]);
                }
                AlertPerson person = new AlertPerson(n.surname().name(), n.given().name(), new ArrayList<>(),
                        rng.nextDouble() < YEAR_ONLY_SHARE ? Integer.toString(dob.getYear()) : dob.toString(), null, sex,
                        new ArrayList<>(List.of(nationality.code())), warnings, new ArrayList<>(List.of(document)),
                        new ArrayList<>());
                log = AlertLog.create(sink, ids.nextAlertId(), created, PERSON_BASES[PERSON_BASIS.pick(rng)], issuer,
                        validFrom, review, person, null);
            }
            if (rng.nextDouble() < c.number("/alerts/changes_per_alert")) {
                change(log, period, states, rng);
            }
        }
    }

    private static void change(AlertLog log, Period period, List<String> states, SplittableRandom rng) {
        long at = period.startMillis() + rng.nextLong(period.days() * Period.DAY_MILLIS);
        switch (rng.nextInt(5)) {
            case 0 -> log.update(at, a -> {
                if (a.getPerson() != null) {
                    a.getPerson().getAliases().add(a.getPerson().getSurname() + " " + a.getPerson().getGivenNames());
                } else {
                    a.getObjectPart().setStatus(ObjectStatus.INVALIDATED);
                }
            });
            case 1 -> log.extend(at, log.reviewDate().plusDays(EXTEND_DAYS));
            case 2 -> {
                String state = states.get(rng.nextInt(states.size()));
                log.flagAdd(at, state);
                long removeAt = at + rng.nextLong(period.endMillis() - at);
                if (rng.nextBoolean()) {
                    log.flagRemove(removeAt, state);
                }
            }
            case 3 -> log.flagAdd(at, states.get(rng.nextInt(states.size())));
            default -> log.delete(at, "purpose achieved");
        }
    }
}
