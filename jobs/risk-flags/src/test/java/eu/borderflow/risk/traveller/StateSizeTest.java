package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.TOKENS;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The job's budget is 200 bytes of state per active traveller: the EES file and the document trail, in the formats
 * keyed state stores them, fit it on their own with room to spare.
 */
class StateSizeTest {

    private static final int BUDGET_BYTES = 200;

    /** A visa holder's file with a closed stay, the visa's entries and days, and an open stay. */
    static TravellerFile visaHoldersFile() {
        TravellerFile file = TravellerFile.empty();
        int day = Math.toIntExact(LocalDate.parse("2025-06-01").toEpochDay());
        file.setStays(new int[] {day - 60, day - 50});
        file.setLastMovementDay(day);
        TravellerCrossing onVisa = TravellerCrossing.of(
                entry("e", "2025-06-01T10:00")
                        .visa("VSA123456789", 2, 30, "2025-05-01", "2025-08-31")
                        .build(),
                TOKENS);
        int visa = file.visaOrNew(onVisa.getVisaDigest(), onVisa.getVisaValidUntil());
        VisaEntriesRule.recordEntry(file, visa);
        file.visaDays(visa, file.visaDays(visa).plusStay(day - 60, day - 50));
        OpenStay stay = new OpenStay();
        stay.setEntryEventId(UUID.randomUUID().toString());
        stay.setBcpCode("DEU-A-FRA");
        stay.setSectionId("AIR-DEU");
        file.setOpenStay(stay);
        return file;
    }

    /** A document's trail after one crossing with both biometrics, {@code eventId}. */
    static DocumentTrail documentTrail(String eventId) {
        DocumentCrossing crossing = DocumentCrossing.of(
                entry(eventId, "2025-06-01T10:00")
                        .biometrics("FACE-" + UUID.randomUUID(), "FP-" + UUID.randomUUID())
                        .build(),
                TOKENS);
        DocumentTrail trail = new DocumentTrail();
        ImpossibleTravelRule.remember(trail, crossing);
        trail.setFacialDigest(crossing.getFacialDigest());
        trail.setFingerprintDigest(crossing.getFingerprintDigest());
        trail.setFacialEventId(eventId);
        trail.setFingerprintEventId(eventId);
        return trail;
    }

    @Test
    void aVisaHoldersFileWithAnOpenStayAndAClosedOneFitsTheBudget() throws IOException {
        int size = StateFormatTest.bytes(TravellerFileSerializer.INSTANCE, visaHoldersFile());
        System.out.println("EES file state: " + size + " bytes");
        assertTrue(size <= BUDGET_BYTES, size + " bytes");
    }

    @Test
    void aDocumentsTrailFitsTheBudget() throws IOException {
        int size = StateFormatTest.bytes(
                DocumentTrailSerializer.INSTANCE,
                documentTrail(UUID.randomUUID().toString()));
        System.out.println("document trail state: " + size + " bytes");
        assertTrue(size <= BUDGET_BYTES, size + " bytes");
    }
}
