package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;

/**
 * R8: a document presented with a second facial template (flag); near-miss: the same person with a new document and
 * the same template.
 */
public final class BiometricMismatchScenario implements Scenario {

    private static final int SPAN = 11;

    @Override
    public String ruleId() {
        return "R8";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R8-biometric-mismatch-" + instance;
        long b = ctx.baseDay(SPAN);
        Bcp air = ctx.randomBcp(BorderType.AIR);

        PlantedTraveller shared = ctx.traveller(true);
        ctx.entry(shared, air, ctx.at(air, b, 7), b + 4);
        ctx.setFacialTemplate(shared, ctx.newFacialTemplateId());
        BorderCrossing other = ctx.exit(shared, air, ctx.at(air, b + 4, 18));
        ctx.expect(id + "-second-template", ruleId(), ctx.fileToken(shared), other.getEventId(),
                "the document is presented with a second biometric identity");

        PlantedTraveller renewed = ctx.traveller(false);
        ctx.entry(renewed, air, ctx.at(air, b + 1, 7), b + 3);
        ctx.exit(renewed, air, ctx.at(air, b + 3, 18));
        ctx.setDocument(renewed, ctx.newDocument(renewed));
        BorderCrossing newDocument = ctx.entry(renewed, air, ctx.at(air, b + 8, 7), b + 10);
        ctx.exit(renewed, air, ctx.at(air, b + 10, 18));
        ctx.nearMiss(id + "-new-document-same-person", ruleId(), ctx.fileToken(renewed), newDocument.getEventId(),
                "a new document with the same biometric identity");
    }
}
