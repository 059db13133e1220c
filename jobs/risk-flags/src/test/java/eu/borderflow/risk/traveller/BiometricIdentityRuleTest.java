package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.TOKENS;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.RiskFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R8 in the document operator: one document, one biometric identity, the first one seen. */
class BiometricIdentityRuleTest {

    @Test
    void aDifferentFaceOrFingerprintThanTheEnrolledOneIsFlagged() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(
                    entry("c1", "2025-06-01T10:00")
                            .biometrics("face-A", "finger-X")
                            .build(),
                    exit("c2", "2025-06-03T10:00")
                            .biometrics("face-A", "finger-X")
                            .build(),
                    entry("c3", "2025-06-05T10:00")
                            .biometrics("face-B", "finger-X")
                            .build(),
                    exit("c4", "2025-06-07T10:00")
                            .biometrics("face-A", "finger-Y")
                            .build(),
                    entry("c5", "2025-06-09T10:00").biometrics("face-A", null).build());
            h.watermark("2025-06-20T00:00:00Z");

            List<RiskFlag> r8 = h.flags("R8");
            assertEquals(
                    List.of("c3", "c4"),
                    r8.stream().map(RiskFlag::getTriggerEventId).toList());
            assertEquals(List.of("c1", "c3"), r8.get(0).getEvidenceIds(), "the crossing that enrolled the face");
            assertEquals(
                    List.of("c1", "c4"), r8.get(1).getEvidenceIds(), "the crossing that enrolled the fingerprints");
            assertTrue(r8.get(0).getConditions().get(0).getMet(), "the face differs");
            assertFalse(r8.get(1).getConditions().get(0).getMet(), "the face matches");
            assertTrue(r8.get(1).getConditions().get(1).getMet(), "the fingerprints differ");
            for (RiskFlag flag : r8) {
                for (Condition condition : flag.getConditions()) {
                    assertFalse(
                            condition.getObserved().contains("face-")
                                    || condition.getThreshold().contains("face-")
                                    || condition.getObserved().contains("finger-"),
                            "templates appear as tokens only");
                }
            }
        }
    }

    @Test
    void theEnrolledIdentityIsTheFirstInEventTimeNotInArrival() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(exit("second", "2025-06-05T10:00").biometrics("face-B", null).build());
            h.watermark("2025-06-06T00:00:00Z");
            h.send(entry("first", "2025-06-01T10:00").biometrics("face-A", null).build());
            h.watermark("2025-06-20T00:00:00Z");
            assertEquals(
                    List.of("second"),
                    h.flags("R8").stream().map(RiskFlag::getTriggerEventId).toList());
            assertEquals(
                    List.of("first", "second"),
                    h.flags("R8").get(h.flags("R8").size() - 1).getEvidenceIds());
        }
    }

    @Test
    void aFingerprintIsEnrolledWhenFirstCaptured() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(
                    entry("c1", "2025-06-01T10:00").biometrics("face-A", null).build(),
                    exit("c2", "2025-06-03T10:00")
                            .biometrics("face-A", "finger-X")
                            .build(),
                    entry("c3", "2025-06-05T10:00")
                            .biometrics("face-A", "finger-Z")
                            .build());
            h.watermark("2025-06-20T00:00:00Z");
            assertEquals(
                    List.of("c3"),
                    h.flags("R8").stream().map(RiskFlag::getTriggerEventId).toList());
            assertEquals(List.of("c2", "c3"), h.flags("R8").get(0).getEvidenceIds());
        }
    }

    @Test
    void templatesAreTokenisedBeforeTheyReachState() {
        DocumentCrossing projected = DocumentCrossing.of(
                entry("c1", "2025-06-01T10:00").biometrics("face-A", "finger-X").build(), TOKENS);
        assertEquals(TOKENS.digest(Pseudonymiser.Domain.BIOMETRIC, "face-A"), projected.getFacialDigest());
        assertNotEquals(projected.getFacialDigest(), projected.getFingerprintDigest());
        assertEquals(
                TOKENS.documentDigest("SRB", "P1234567"),
                projected.getDocumentDigest(),
                "the document is known by its token's digest only");
        assertNull(DocumentCrossing.of(
                        entry("c2", "2025-06-01T10:00")
                                .biometrics("face-A", null)
                                .build(),
                        TOKENS)
                .getFingerprintDigest());
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("c1", "2025-06-01T10:00").biometrics("face-A", "finger-X").build(),
                exit("c2", "2025-06-03T10:00").biometrics("face-B", "finger-X").build(),
                entry("c3", "2025-06-05T10:00").biometrics("face-A", "finger-Y").build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R8", BiometricIdentityRule.DESCRIPTOR, -1);
        assertEquals(
                List.of("c2", "c3"),
                original.stream().map(RiskFlag::getTriggerEventId).toList());
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R8", BiometricIdentityRule.DESCRIPTOR, seed));
        }
    }
}
