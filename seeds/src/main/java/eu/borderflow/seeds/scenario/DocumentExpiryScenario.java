package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.seeds.reference.Bcp;

import java.time.LocalDate;

/**
 * R6: entry on an expired document (flag), a document expiring before the authorised end of a 10-day visa stay
 * (flag), and one expiring exactly on the last authorised day (near-miss).
 */
public final class DocumentExpiryScenario implements Scenario {

    private static final int VISA_DAYS = 10;
    private static final int LAST_DAY = VISA_DAYS - 1;
    private static final int EXPIRED_DAYS_BEFORE = 10;
    private static final int MID_STAY = 5;
    private static final int SPAN = 6;

    @Override
    public String ruleId() {
        return "R6";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R6-document-expiry-" + instance;
        long e = ctx.baseDay(SPAN);
        Bcp sea = ctx.randomBcp(BorderType.SEA);

        PlantedTraveller expired = ctx.traveller(false);
        expire(ctx, expired, e - EXPIRED_DAYS_BEFORE);
        BorderCrossing expiredEntry = ctx.entry(expired, sea, ctx.at(sea, e, 9), e + 2);
        ctx.exit(expired, sea, ctx.at(sea, e + 2, 15));
        ctx.expect(id + "-expired", ruleId(), ctx.fileToken(expired), expiredEntry.getEventId(),
                "entry on a document that expired ten days earlier");

        PlantedTraveller midStay = tenDayVisa(ctx);
        expire(ctx, midStay, e + MID_STAY);
        BorderCrossing midEntry = ctx.entry(midStay, sea, ctx.at(sea, e, 10), e + 3);
        ctx.exit(midStay, sea, ctx.at(sea, e + 3, 15));
        ctx.expect(id + "-expiring-mid-stay", ruleId(), ctx.fileToken(midStay), midEntry.getEventId(),
                "document expires before the authorised end of the stay");

        PlantedTraveller lastDay = tenDayVisa(ctx);
        expire(ctx, lastDay, e + LAST_DAY);
        BorderCrossing lastEntry = ctx.entry(lastDay, sea, ctx.at(sea, e, 11), e + 3);
        ctx.exit(lastDay, sea, ctx.at(sea, e + 3, 16));
        ctx.nearMiss(id + "-expiring-on-last-day", ruleId(), ctx.fileToken(lastDay), lastEntry.getEventId(),
                "document expires exactly on the last authorised day of the stay");
    }

    private static PlantedTraveller tenDayVisa(ScenarioContext ctx) {
        PlantedTraveller t = ctx.traveller(true);
        ctx.setVisa(t, ctx.visa(ScenarioContext.MULTIPLE_ENTRIES, VISA_DAYS, ctx.period().start().minusDays(VISA_DAYS),
                ctx.period().end().plusDays(ScenarioContext.FULL_VISA_DAYS)));
        return t;
    }

    private static void expire(ScenarioContext ctx, PlantedTraveller t, long day) {
        TravelDocument d = t.document();
        ctx.setDocument(t, new TravelDocument(d.getType(), d.getNumber(), d.getIssuingCountry(), LocalDate.ofEpochDay(day)));
    }
}
