package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.TOKENS;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The job's budget is 200 bytes of state per active traveller; the state types must serialise without Kryo. */
class StateSizeTest {

    private static final int BUDGET_BYTES = 200;

    private static <T> int bytes(Class<T> type, T value) throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = Types.POJO(type).createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return out.length();
    }

    @Test
    void aVisaHoldersFileWithAnOpenStayAndAClosedOneFitsTheBudget() throws IOException {
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
        int size = bytes(TravellerFile.class, file);
        System.out.println("EES file state: " + size + " bytes");
        assertTrue(size <= BUDGET_BYTES, size + " bytes");
    }

    @Test
    void aDocumentsTrailFitsTheBudget() throws IOException {
        DocumentCrossing crossing = DocumentCrossing.of(
                entry(UUID.randomUUID().toString(), "2025-06-01T10:00")
                        .biometrics("FACE-" + UUID.randomUUID(), "FP-" + UUID.randomUUID())
                        .build(),
                TOKENS);
        DocumentTrail trail = new DocumentTrail();
        ImpossibleTravelRule.remember(trail, crossing);
        trail.setFacialDigest(crossing.getFacialDigest());
        trail.setFingerprintDigest(crossing.getFingerprintDigest());
        int size = bytes(DocumentTrail.class, trail);
        System.out.println("document trail state: " + size + " bytes");
        assertTrue(size <= BUDGET_BYTES, size + " bytes");
    }
}
