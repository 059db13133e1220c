package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static eu.borderflow.risk.traveller.Crossings.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R7 in the document operator. Distances from geography: Frankfurt-Helsinki airports about 1,540 km (about 97 min
 * at 950 km/h), Vaalimaa-Helsinki airport about 160 km (about 74 min at the land speed of 130 km/h), Frankfurt-
 * Piraeus about 1,800 km (about 30 h at the sea speed of 60 km/h), the two Vaalimaa BCPs 2 km.
 */
class ImpossibleTravelRuleTest {

    private static List<String> triggers(List<RiskFlag> flags) {
        return flags.stream().map(RiskFlag::getTriggerEventId).sorted().toList();
    }

    @Test
    void tripsFasterThanPossibleAreFlaggedAndFastButPossibleOnesAreNot() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            // Frankfurt 10:00 (08:00Z): Helsinki 1 h later is impossible, 3 h later possible.
            h.send(
                    entry("a1", "2025-06-01T10:00").document("A", "2030-01-01").build(),
                    exit("a2", "2025-06-01T12:00")
                            .at("FIN-A-HEL")
                            .document("A", "2030-01-01")
                            .build(),
                    entry("b1", "2025-06-01T10:00").document("B", "2030-01-01").build(),
                    exit("b2", "2025-06-01T14:00")
                            .at("FIN-A-HEL")
                            .document("B", "2030-01-01")
                            .build());
            // The slower border type rules: by land 45 min from Vaalimaa to Helsinki airport is impossible. The
            // minimum is the 30 min transfer PLUS ~157 km at 130 km/h (~73 min): 100 min is under the sum though over
            // either alone, 110 min is possible.
            h.send(
                    entry("c1", "2025-06-01T10:00")
                            .at("FIN-L-VAA")
                            .document("C", "2030-01-01")
                            .build(),
                    exit("c2", "2025-06-01T10:45")
                            .at("FIN-A-HEL")
                            .document("C", "2030-01-01")
                            .build(),
                    entry("d1", "2025-06-01T10:00")
                            .at("FIN-L-VAA")
                            .document("D", "2030-01-01")
                            .build(),
                    exit("d2", "2025-06-01T11:40")
                            .at("FIN-A-HEL")
                            .document("D", "2030-01-01")
                            .build(),
                    entry("i1", "2025-06-01T10:00")
                            .at("FIN-L-VAA")
                            .document("I", "2030-01-01")
                            .build(),
                    exit("i2", "2025-06-01T11:50")
                            .at("FIN-A-HEL")
                            .document("I", "2030-01-01")
                            .build());
            // By sea, 10 h from Frankfurt to Piraeus is impossible, 40 h possible.
            h.send(
                    entry("e1", "2025-06-01T10:00").document("E", "2030-01-01").build(),
                    exit("e2", "2025-06-01T21:00")
                            .at("GRC-S-PIR")
                            .document("E", "2030-01-01")
                            .build(),
                    entry("f1", "2025-06-01T10:00").document("F", "2030-01-01").build(),
                    exit("f2", "2025-06-03T03:00")
                            .at("GRC-S-PIR")
                            .document("F", "2030-01-01")
                            .build());
            // 2 km apart, but under the 30 min minimum transfer.
            h.send(
                    refusal("g1", "2025-06-01T10:00")
                            .at("FIN-L-VAA")
                            .document("G", "2030-01-01")
                            .build(),
                    entry("g2", "2025-06-01T10:20")
                            .at("FIN-L-VAB")
                            .document("G", "2030-01-01")
                            .build(),
                    refusal("h1", "2025-06-01T10:00")
                            .at("FIN-L-VAA")
                            .document("H", "2030-01-01")
                            .build(),
                    entry("h2", "2025-06-01T10:40")
                            .at("FIN-L-VAB")
                            .document("H", "2030-01-01")
                            .build());
            h.watermark("2025-06-10T00:00:00Z");

            List<RiskFlag> r7 = h.flags("R7");
            assertEquals(List.of("a2", "c2", "d2", "e2", "g2"), triggers(r7));
            for (RiskFlag flag : r7) {
                assertEquals(FindingKind.DATA_QUALITY, flag.getKind());
                assertTrue(flag.getExplanation().contains("data-quality"), flag.getExplanation());
            }
            RiskFlag frankfurtHelsinki = r7.stream()
                    .filter(f -> f.getTriggerEventId().equals("a2"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(List.of("a1", "a2"), frankfurtHelsinki.getEvidenceIds());
        }
    }

    @Test
    void twoEntriesOrTwoExitsInARowAreFlaggedOnTheLaterOneEvenWhenUploadedOutOfOrder() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(
                    entry("n2", "2025-06-06T10:00").build(),
                    entry("n1", "2025-06-01T10:00").build());
            h.watermark("2025-06-05T00:00:00Z");
            h.send(
                    exit("n3", "2025-06-08T10:00").build(),
                    exit("n4", "2025-06-09T10:00").build());
            h.watermark("2025-06-20T00:00:00Z");

            List<RiskFlag> r7 = h.flags("R7");
            assertEquals(List.of("n2", "n4"), triggers(r7));
            assertEquals("n2", r7.get(0).getTriggerEventId(), "judged again when n1, uploaded late, arrives");
            assertEquals(List.of("n1", "n2"), r7.get(0).getEvidenceIds());
            assertEquals("n4", r7.get(1).getTriggerEventId(), "on its arrival, after n3");
        }
    }

    @Test
    void anOutOfOrderUploadStillFlagsTheLaterCrossingOfThePair() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(exit("later", "2025-06-01T12:00").at("FIN-A-HEL").build());
            h.watermark("2025-06-02T00:00:00Z");
            h.send(entry("earlier", "2025-06-01T10:00").build());
            assertEquals(2, h.stateEntries(), "both wait in the document's buffer; the early flag is kept");
            assertEquals(2, h.timers());
            assertEquals(
                    List.of("later"), triggers(h.flags("R7")), "judged again when the earlier one arrives, at once");
            h.watermark("2025-06-10T00:00:00Z");
            assertEquals(List.of("later"), triggers(h.flags("R7")), "settled: the early flag stands as it was");
            assertEquals(1, h.stateEntries(), "the document's trail");
            assertEquals(1, h.timers(), "its expiry at the crossings' retention date");
            h.watermark("2029-01-02T00:00:00Z");
            assertEquals(0, h.stateEntries());
        }
    }

    @Test
    void distancesAreGreatCircleDistances() {
        // Paris (Notre-Dame) to London (Charing Cross): 343.5 km by great circle.
        BcpLocation paris = new BcpLocation("P", null, 48.8530, 2.3498, null);
        BcpLocation london = new BcpLocation("L", null, 51.5073, -0.1276, null);
        assertEquals(343.5, paris.distanceKm(london), 1.5);
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("a1", "2025-06-01T10:00").build(),
                exit("a2", "2025-06-01T12:00").at("FIN-A-HEL").build(),
                exit("a3", "2025-06-05T12:00").at("FIN-A-HEL").build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R7", ImpossibleTravelRule.DESCRIPTOR, -1);
        assertEquals(List.of("a2", "a3"), triggers(original));
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R7", ImpossibleTravelRule.DESCRIPTOR, seed));
        }
    }
}
