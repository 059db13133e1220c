package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.seeds.world.Period;

/**
 * R8, one document, two biometric identities: a later crossing presents another facial (or fingerprint) template
 * than the one first enrolled with the document. Families:
 * <ul>
 *   <li>{@code second-face}: another facial template (flag); a new document with the same face (near-miss);</li>
 *   <li>{@code second-fingerprint}: another fingerprint template (flag); none captured the second time (near-miss);</li>
 *   <li>{@code late-upload}: the enrolling crossing uploaded 40 hours late, after the other arrived (flag); the same
 *       crossing re-sent (near-miss).</li>
 * </ul>
 */
public final class BiometricMismatchScenario extends FamilyScenario {

    private static final int SPAN = 8;
    private static final long LATE = 40 * Period.HOUR_MILLIS;

    public BiometricMismatchScenario() {
        super("R8", "second-face", "second-fingerprint", "late-upload");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        ScriptedCrossings crossings = ctx.crossings();
        Issuer issuer = ctx.issuer();
        ScriptedTruth truth = ctx.truth();
        switch (f.name()) {
            case "second-face" -> {
                PlantedTraveller shared = travellers.draw(SPAN, 2, t -> true);
                long b = shared.day();
                crossings.trip(shared, b, b + 3);
                shared.setFacialTemplate(issuer.newFacialTemplateId());
                both(
                        ctx,
                        f,
                        id + "-second-face",
                        shared,
                        crossings.trip(shared, b + 5, b + 6),
                        "the document presented with a second face");
                PlantedTraveller renewed = travellers.draw(SPAN, 2, t -> true);
                long d = renewed.day();
                crossings.trip(renewed, d, d + 1);
                renewed.setDocument(issuer.newDocument(renewed));
                BorderCrossing newDocument =
                        crossings.trip(renewed, d + 4, d + 5).entry();
                truth.nearMiss(f, id + "-new-document", renewed, newDocument, "a new document with the same face");
            }
            case "second-fingerprint" -> {
                PlantedTraveller other = fingerprinted(ctx);
                long b = other.day();
                crossings.trip(other, b, b + 1);
                other.setFingerprintTemplate(issuer.newFingerprintTemplateId());
                both(
                        ctx,
                        f,
                        id + "-second-fingerprint",
                        other,
                        crossings.trip(other, b + 4, b + 5),
                        "the document presented with other fingerprints");
                PlantedTraveller none = fingerprinted(ctx);
                long d = none.day();
                crossings.trip(none, d, d + 1);
                none.setFingerprintTemplate(null);
                none.setFingerprintStatus(FingerprintStatus.NOT_APPLICABLE_IMPOSSIBLE);
                BorderCrossing without = crossings.trip(none, d + 4, d + 5).entry();
                truth.nearMiss(
                        f,
                        id + "-no-fingerprint",
                        none,
                        without,
                        "no fingerprint captured this time: nothing to compare");
            }
            default -> {
                PlantedTraveller late = travellers.draw(SPAN, 2, t -> true);
                long b = late.day();
                Stay first = crossings.stay(late, b, b);
                crossings.uploadLate(first.entry(), LATE);
                crossings.uploadLate(first.exit(), LATE);
                late.setFacialTemplate(issuer.newFacialTemplateId());
                both(
                        ctx,
                        f,
                        id + "-enrolment-uploaded-late",
                        late,
                        crossings.stay(late, b + 1, b + 2),
                        "a second face; the crossings that enrolled the first were uploaded 40 hours late");
                PlantedTraveller resent = travellers.draw(SPAN);
                long d = resent.day();
                Stay stay = crossings.trip(resent, d, d + 2);
                crossings.resend(stay.entry());
                truth.nearMiss(f, id + "-re-sent", resent, stay.exit(), "the same face after a re-sent entry");
            }
        }
    }

    /** Both crossings of a stay presenting the other biometric identity: flags. */
    private static void both(
            ScenarioContext ctx, Family f, String id, PlantedTraveller t, Stay stay, String description) {
        ScriptedTruth truth = ctx.truth();
        truth.expect(f, id, t, stay.entry(), description + " (entry)");
        truth.expect(f, id, t, stay.exit(), description + " (exit)");
    }

    private static PlantedTraveller fingerprinted(ScenarioContext ctx) {
        return ctx.travellers().draw(SPAN, 2, t -> t.fingerprintStatus() == FingerprintStatus.CAPTURED);
    }
}
