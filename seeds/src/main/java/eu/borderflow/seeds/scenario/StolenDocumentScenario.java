package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.Period;

/**
 * R1, the document matches an Art. 38 alert (stolen, lost, invalidated, false) in force at the crossing's event time;
 * alert versions are taken as of that time. Families (flag / near-miss):
 * <ul>
 *   <li>{@code deleted-during-stay}: the entry under the alert / the exit after its deletion;</li>
 *   <li>{@code created-during-stay}: the exit after the alert's creation / the entry before it;</li>
 *   <li>{@code number-one-off}: the document's number / a number one character off;</li>
 *   <li>{@code other-issuing-country}: the document / the same number issued by another state;</li>
 *   <li>{@code updated}: an update (lost to stolen) keeps it in force / an update that corrects the number away;</li>
 *   <li>{@code late-upload}: an entry uploaded 60 hours late, after the alert's deletion / one uploaded after the
 *       alert's creation that happened before it;</li>
 *   <li>{@code flagged-by-state}: the crossing state's flag downgrades but still flags / the alert deleted before.</li>
 * </ul>
 */
public final class StolenDocumentScenario extends FamilyScenario {

    private static final int SPAN = 8;
    private static final long LATE = 60 * Period.HOUR_MILLIS;

    public StolenDocumentScenario() {
        super(
                "R1",
                "deleted-during-stay",
                "created-during-stay",
                "number-one-off",
                "other-issuing-country",
                "updated",
                "late-upload",
                "flagged-by-state");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        switch (f.name()) {
            case "deleted-during-stay" -> {
                PlantedTraveller t = travellers.draw(SPAN);
                AlertLog alert = documentAlert(ctx, t, before(ctx, t), alerts.documentRef(t.document()));
                Stay stay = crossings.stay(t, t.day(), t.day() + 4);
                alert.delete(stay.entry().getEventTime().toEpochMilli() + Period.DAY_MILLIS, "document recovered");
                truth.expect(f, id, t, stay.entry(), "entry on a document under an Art. 38 alert");
                truth.nearMiss(f, id, t, stay.exit(), "exit after the alert was deleted");
            }
            case "created-during-stay" -> {
                PlantedTraveller t = travellers.draw(SPAN);
                Stay stay = crossings.stay(t, t.day(), t.day() + 4);
                documentAlert(
                        ctx,
                        t,
                        stay.entry().getEventTime().toEpochMilli() + Period.DAY_MILLIS,
                        alerts.documentRef(t.document()));
                truth.nearMiss(f, id, t, stay.entry(), "entry before the alert was created");
                truth.expect(f, id, t, stay.exit(), "exit after the alert was created");
            }
            case "number-one-off" -> {
                exact(ctx, f, id + "-exact");
                PlantedTraveller n = travellers.draw(SPAN);
                DocumentRef ref = alerts.documentRef(n.document());
                String number = ref.getNumber();
                ref.setNumber(number.substring(0, number.length() - 1) + 'Z');
                documentAlert(ctx, n, before(ctx, n), ref);
                both(ctx, f, id + "-one-off", n, false, "an alerted number one character off this one");
            }
            case "other-issuing-country" -> {
                exact(ctx, f, id + "-exact");
                PlantedTraveller n = travellers.draw(SPAN);
                DocumentRef ref = alerts.documentRef(n.document());
                ref.setIssuingCountry(n.document().getIssuingCountry().equals("USA") ? "GBR" : "USA");
                documentAlert(ctx, n, before(ctx, n), ref);
                both(ctx, f, id + "-other-country", n, false, "the same number issued by another state is alerted");
            }
            case "updated" -> {
                PlantedTraveller t = travellers.draw(SPAN);
                AlertLog lost = documentAlert(ctx, t, before(ctx, t), alerts.documentRef(t.document()));
                lost.update(
                        lost.createdAt() + Period.HOUR_MILLIS,
                        a -> a.getObjectPart().setStatus(ObjectStatus.STOLEN));
                both(ctx, f, id + "-status-updated", t, true, "the alert updated from lost to stolen, still in force");
                PlantedTraveller n = travellers.draw(SPAN);
                AlertLog moved = documentAlert(ctx, n, before(ctx, n), alerts.documentRef(n.document()));
                moved.update(
                        moved.createdAt() + Period.HOUR_MILLIS,
                        a -> a.getObjectPart().getDocument().setNumber(ctx.ids().nextAlertDocumentNumber()));
                both(
                        ctx,
                        f,
                        id + "-number-corrected",
                        n,
                        false,
                        "the alert's number was corrected away from this " + "document before the crossings");
            }
            case "late-upload" -> {
                PlantedTraveller t = travellers.draw(SPAN);
                AlertLog alert = documentAlert(ctx, t, before(ctx, t), alerts.documentRef(t.document()));
                Stay stay = crossings.stay(t, t.day(), t.day() + 4);
                crossings.uploadLate(stay.entry(), LATE);
                alert.delete(stay.entry().getEventTime().toEpochMilli() + LATE / 2, "document recovered");
                truth.expect(
                        f,
                        id + "-deleted-before-arrival",
                        t,
                        stay.entry(),
                        "an entry uploaded 60 hours late: the "
                                + "alert was in force at the entry, deleted before the record arrived");
                truth.nearMiss(f, id + "-deleted-before-arrival", t, stay.exit(), "exit after the deletion");
                PlantedTraveller n = travellers.draw(SPAN);
                Stay late = crossings.stay(n, n.day(), n.day() + 4);
                crossings.uploadLate(late.entry(), LATE);
                documentAlert(
                        ctx,
                        n,
                        late.entry().getEventTime().toEpochMilli() + LATE / 2,
                        alerts.documentRef(n.document()));
                truth.nearMiss(
                        f,
                        id + "-created-before-arrival",
                        n,
                        late.entry(),
                        "an entry uploaded 60 hours late: the "
                                + "alert was created after the entry, before the record arrived");
                truth.expect(f, id + "-created-before-arrival", n, late.exit(), "exit after the alert was created");
            }
            default -> {
                PlantedTraveller t = travellers.draw(SPAN);
                Bcp bcp = ctx.places().bcp();
                AlertLog alert = documentAlert(ctx, t, before(ctx, t), alerts.documentRef(t.document()));
                alert.flagAdd(alert.createdAt() + Period.HOUR_MILLIS, bcp.country());
                Stay stay = crossings.trip(t, bcp, t.day(), t.day() + 3);
                truth.expect(
                        f,
                        id + "-flagged",
                        t,
                        stay.entry(),
                        "an alert the crossing state flagged: downgraded, " + "still a match (entry)");
                truth.expect(f, id + "-flagged", t, stay.exit(), "an alert the crossing state flagged (exit)");
                PlantedTraveller n = travellers.draw(SPAN);
                AlertLog deleted = documentAlert(ctx, n, before(ctx, n), alerts.documentRef(n.document()));
                deleted.delete(deleted.createdAt() + Period.HOUR_MILLIS, "document recovered");
                both(ctx, f, id + "-deleted", n, false, "the alert was deleted before the crossings");
            }
        }
    }

    private static void exact(ScenarioContext ctx, Family f, String id) {
        PlantedTraveller t = ctx.travellers().draw(SPAN);
        documentAlert(ctx, t, before(ctx, t), ctx.alerts().documentRef(t.document()));
        both(ctx, f, id, t, true, "the document is under an Art. 38 alert");
    }

    /** A stay whose entry and exit are both flags, or both near-misses. */
    private static void both(
            ScenarioContext ctx, Family f, String id, PlantedTraveller t, boolean flag, String description) {
        ScriptedTruth truth = ctx.truth();
        Stay stay = ctx.crossings().trip(t, t.day(), t.day() + 3);
        for (BorderCrossing c : new BorderCrossing[] {stay.entry(), stay.exit()}) {
            if (flag) {
                truth.expect(f, id, t, c, description);
            } else {
                truth.nearMiss(f, id, t, c, description);
            }
        }
    }

    private static AlertLog documentAlert(ScenarioContext ctx, PlantedTraveller t, long at, DocumentRef ref) {
        ScriptedAlerts alerts = ctx.alerts();
        ObjectStatus status = ObjectStatus.values()[ctx.rng().nextInt(ObjectStatus.values().length)];
        return alerts.alert(
                at,
                AlertBasis.OBJECT_1862_ART38,
                ctx.places().memberState(),
                alerts.farReviewDate(),
                null,
                new AlertObject(status, ref));
    }

    private static long before(ScenarioContext ctx, PlantedTraveller t) {
        return (t.day() - 4) * Period.DAY_MILLIS + ctx.rng().nextLong(Period.DAY_MILLIS / 2);
    }
}
