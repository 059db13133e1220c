package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The SIS alerts scenarios plant, each a changelog of its versions, on planted travellers and their documents. */
public final class ScriptedAlerts {

    private final IdFactory ids;
    private final Period period;
    private final List<AlertChange> made = new ArrayList<>();

    ScriptedAlerts(IdFactory ids, Period period) {
        this.ids = ids;
        this.period = period;
    }

    public AlertLog alert(
            long millis,
            AlertBasis basis,
            String issuer,
            LocalDate reviewDate,
            AlertPerson person,
            AlertObject object) {
        LocalDate validFrom = LocalDate.ofEpochDay(Math.floorDiv(millis, Period.DAY_MILLIS));
        return AlertLog.create(made, ids.nextAlertId(), millis, basis, issuer, validFrom, reviewDate, person, object);
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

    /** Every change of every alert planted so far, in the order made. */
    public List<AlertChange> all() {
        return made;
    }
}
