package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.StayBasis;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;

/**
 * R6, a travel document expired on the entry day or expiring before the stay's authorised end (the same end as R3
 * and R4: 90/180 with the days already used, the visa's validity and total). Each family plants a document expiring
 * the day before the end (flag) next to one expiring on it (near-miss):
 * <ul>
 *   <li>{@code expired}: a document expired ten days before the entry (flag);</li>
 *   <li>{@code fresh-window}: nothing in the window: the end is the 90th day;</li>
 *   <li>{@code window-history}: 60 days of an earlier stay in the window: the end is 30 days on;</li>
 *   <li>{@code visa-total}: a 20-day visa with 12 days used: the end is 8 days on;</li>
 *   <li>{@code visa-validity}: the visa's last valid day is the end;</li>
 *   <li>{@code long-stay-exempt}: under a residence permit there is no authorised end (near-miss), an expired document
 *       is still expired (flag).</li>
 * </ul>
 */
public final class DocumentExpiryScenario extends FamilyScenario {

    private static final int SPAN = 6;
    private static final int EXPIRED_DAYS = 10;
    private static final int EARLIER = 60;
    private static final int TOTAL = 20;
    private static final int USED = 12;
    private static final int VALID_DAYS = 5;

    public DocumentExpiryScenario() {
        super("R6", "expired", "fresh-window", "window-history", "visa-total", "visa-validity", "long-stay-exempt");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        ScriptedTruth truth = ctx.truth();
        ScriptedCrossings crossings = ctx.crossings();
        Issuer issuer = ctx.issuer();
        switch (f.name()) {
            case "expired" -> {
                PlantedTraveller t = travellers.draw(SPAN);
                t.setExpiry(t.day() - EXPIRED_DAYS);
                truth.expect(
                        f,
                        id + "-expired",
                        t,
                        crossings.stay(t, t.day(), t.day() + 2).entry(),
                        "entry on a document that expired ten days earlier");
                atEnd(ctx, f, id + "-valid-to-the-end", travellers.visaExempt(SPAN), StayHistory.empty(), 0, 0);
            }
            case "fresh-window" -> {
                atEnd(ctx, f, id + "-day-before-end", travellers.visaExempt(SPAN), StayHistory.empty(), 0, 1);
                atEnd(ctx, f, id + "-on-end", travellers.visaExempt(SPAN), StayHistory.empty(), 0, 0);
            }
            case "window-history" -> {
                for (int before : new int[] {1, 0}) {
                    PlantedTraveller t = travellers.draw(EARLIER + 40, SPAN, 2, PlantedTravellers::noVisaTotal);
                    long earlier = t.day() - EARLIER - 40;
                    crossings.stay(t, earlier, earlier + EARLIER - 1);
                    atEnd(
                            ctx,
                            f,
                            id + (before == 1 ? "-day-before-end" : "-on-end"),
                            t,
                            StayHistory.empty().add((int) earlier, (int) (earlier + EARLIER - 1)),
                            0,
                            before);
                }
            }
            case "visa-total" -> {
                for (int before : new int[] {1, 0}) {
                    PlantedTraveller t = travellers.draw(USED + 10, SPAN, 2, tr -> tr.visa() != null);
                    long first = t.day() - USED - 10;
                    t.setVisa(issuer.visa(Issuer.MULTIPLE_ENTRIES, TOTAL, first - 5, first + 100));
                    crossings.stay(t, first, first + USED - 1);
                    atEnd(
                            ctx,
                            f,
                            id + (before == 1 ? "-day-before-end" : "-on-end"),
                            t,
                            StayHistory.empty().add((int) first, (int) (first + USED - 1)),
                            USED,
                            before);
                }
            }
            case "visa-validity" -> {
                for (int before : new int[] {1, 0}) {
                    PlantedTraveller t = travellers.visaHolder(SPAN, 1);
                    t.setVisa(issuer.visa(Issuer.MULTIPLE_ENTRIES, 90, t.day() - 30, t.day() + VALID_DAYS));
                    atEnd(
                            ctx,
                            f,
                            id + (before == 1 ? "-day-before-end" : "-on-end"),
                            t,
                            StayHistory.empty(),
                            0,
                            before);
                }
            }
            default -> {
                PlantedTraveller permit = travellers.draw(SPAN);
                permit.setStayBasis(StayBasis.RESIDENCE_PERMIT);
                permit.setExpiry(permit.day() + 30);
                truth.nearMiss(
                        f,
                        id + "-permit-expiring",
                        permit,
                        crossings.stay(permit, permit.day(), permit.day() + 2).entry(),
                        "a document expiring 30 days on, under a residence permit: no authorised end");
                PlantedTraveller expired = travellers.draw(SPAN);
                expired.setStayBasis(StayBasis.RESIDENCE_PERMIT);
                expired.setExpiry(expired.day() - 1);
                truth.expect(
                        f,
                        id + "-permit-expired",
                        expired,
                        crossings
                                .stay(expired, expired.day(), expired.day() + 2)
                                .entry(),
                        "a document expired the day before the entry, under a residence permit");
            }
        }
    }

    /**
     * A short trip entered on the traveller's day on a document expiring {@code daysBefore} days before the stay's
     * authorised end (0: on it, a near-miss; more: a flag).
     */
    private static void atEnd(
            ScenarioContext ctx,
            Family f,
            String id,
            PlantedTraveller t,
            StayHistory earlier,
            int visaDaysUsed,
            int daysBefore) {
        ScriptedTruth truth = ctx.truth();
        long entryDay = t.day();
        int end = ctx.stayRules().authorisedEnd(t, entryDay, earlier, visaDaysUsed);
        if (end == AuthorisedStay.NO_LAWFUL_DAY || end == AuthorisedStay.UNLIMITED) {
            throw new IllegalStateException(id + ": the stay needs an authorised end");
        }
        t.setExpiry(end - daysBefore);
        Stay stay = ctx.crossings().stay(t, entryDay, Math.min(end, entryDay + 2));
        if (daysBefore > 0) {
            truth.expect(
                    f,
                    id,
                    t,
                    stay.entry(),
                    "the document expires " + daysBefore + " day(s) before the " + "authorised end of the stay");
        } else {
            truth.nearMiss(f, id, t, stay.entry(), "the document expires on the authorised end of the stay");
        }
    }
}
