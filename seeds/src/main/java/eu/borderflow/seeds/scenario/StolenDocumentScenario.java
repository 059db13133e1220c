package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.AlertLog;

/**
 * R1: a document under an active Art. 38 alert crosses (flag); near-misses: the alert deleted before a crossing,
 * created only after the crossings, and an alert on a number one character off.
 */
public final class StolenDocumentScenario implements Scenario {

    private static final int SPAN = 10;

    @Override
    public String ruleId() {
        return "R1";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R1-stolen-document-" + instance;
        long b = ctx.baseDay(SPAN);
        Bcp bcp = ctx.randomBcp(BorderType.AIR);

        PlantedTraveller stolen = ctx.traveller(false);
        AlertLog alert = ctx.alert(ctx.at(bcp, b - 2, 12), AlertBasis.OBJECT_1862_ART38, ctx.memberState(),
                ctx.farReviewDate(), null, new AlertObject(ObjectStatus.STOLEN, ctx.documentRef(stolen.document())));
        BorderCrossing entry = ctx.entry(stolen, bcp, ctx.at(bcp, b, 7), b + 4);
        alert.delete(ctx.at(bcp, b + 2, 10), "document recovered");
        BorderCrossing exit = ctx.exit(stolen, bcp, ctx.at(bcp, b + 4, 15));
        ctx.expect(id + "-active", ruleId(), ctx.fileToken(stolen), entry.getEventId(),
                "document under an active stolen-document alert at entry");
        ctx.nearMiss(id + "-deleted", ruleId(), ctx.fileToken(stolen), exit.getEventId(),
                "the document alert was deleted before this exit");

        PlantedTraveller later = ctx.traveller(false);
        BorderCrossing laterEntry = ctx.entry(later, bcp, ctx.at(bcp, b + 1, 8), b + 3);
        BorderCrossing laterExit = ctx.exit(later, bcp, ctx.at(bcp, b + 3, 16));
        ctx.alert(ctx.at(bcp, b + 5, 9), AlertBasis.OBJECT_1862_ART38, ctx.memberState(), ctx.farReviewDate(), null,
                new AlertObject(ObjectStatus.LOST, ctx.documentRef(later.document())));
        ctx.nearMiss(id + "-created-after", ruleId(), ctx.fileToken(later), laterEntry.getEventId(),
                "the document alert was created only after the crossings");
        ctx.nearMiss(id + "-created-after", ruleId(), ctx.fileToken(later), laterExit.getEventId(),
                "the document alert was created only after the crossings");

        PlantedTraveller similar = ctx.traveller(false);
        DocumentRef ref = ctx.documentRef(similar.document());
        String number = ref.getNumber();
        ref.setNumber(number.substring(0, number.length() - 1) + 'Z');
        ctx.alert(ctx.at(bcp, b - 3, 11), AlertBasis.OBJECT_1862_ART38, ctx.memberState(), ctx.farReviewDate(), null,
                new AlertObject(ObjectStatus.INVALIDATED, ref));
        BorderCrossing similarEntry = ctx.entry(similar, bcp, ctx.at(bcp, b + 1, 6), b + 5);
        BorderCrossing similarExit = ctx.exit(similar, bcp, ctx.at(bcp, b + 5, 18));
        ctx.nearMiss(id + "-one-character-off", ruleId(), ctx.fileToken(similar), similarEntry.getEventId(),
                "an alerted document number differs from this one in one character");
        ctx.nearMiss(id + "-one-character-off", ruleId(), ctx.fileToken(similar), similarExit.getEventId(),
                "an alerted document number differs from this one in one character");
    }
}
