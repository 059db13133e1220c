package eu.borderflow.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.ObjectStatus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleObjectSerdeTest {

    private final SingleObjectSerde<AlertChange> serde = SingleObjectSerde.of(AlertChange.class);

    @Test
    void roundTripsWithSingleObjectHeader() throws Exception {
        AlertChange alert = sampleAlert();
        byte[] bytes = serde.encode(alert);
        assertEquals((byte) 0xC3, bytes[0], "single-object marker");
        assertEquals((byte) 0x01, bytes[1], "single-object marker");
        assertEquals(alert, serde.decode(bytes));
    }

    @Test
    void unknownFingerprintIsNamed() {
        byte[] bytes = serde.encode(sampleAlert());
        bytes[5] ^= 0x5A;
        DecodeException e = assertThrows(DecodeException.class, () -> serde.decode(bytes));
        assertEquals(DecodeException.UNKNOWN_FINGERPRINT, e.reasonCode());
    }

    @Test
    void garbageIsUndecodable() {
        DecodeException e = assertThrows(DecodeException.class, () -> serde.decode("not avro".getBytes()));
        assertEquals(DecodeException.UNDECODABLE, e.reasonCode());
        byte[] truncated = serde.encode(sampleAlert());
        byte[] cut = java.util.Arrays.copyOf(truncated, 14);
        assertEquals(
                DecodeException.UNDECODABLE,
                assertThrows(DecodeException.class, () -> serde.decode(cut)).reasonCode());
    }

    @Test
    void readsBytesWrittenByAnotherTypesSerdeAsUnknown() {
        byte[] incident = SingleObjectSerde.of(Incident.class)
                .encode(Incident.newBuilder()
                        .setIncidentId("i-1")
                        .setEventTime(Instant.ofEpochMilli(1))
                        .setReportedTime(Instant.ofEpochMilli(2))
                        .setSectionId("S")
                        .setReportingState("GRC")
                        .setCategory(eu.borderflow.schema.IncidentCategory.OTHER)
                        .setSubcategory("x")
                        .setImpact(eu.borderflow.schema.Impact.LOW)
                        .setConfidence(eu.borderflow.schema.Confidence.LOW)
                        .setPersons(0)
                        .setDetection(eu.borderflow.schema.DetectionMeans.PATROL)
                        .setLatitude(1)
                        .setLongitude(2)
                        .build());
        assertEquals(
                DecodeException.UNKNOWN_FINGERPRINT,
                assertThrows(DecodeException.class, () -> serde.decode(incident))
                        .reasonCode());
    }

    @Test
    void sameSeedGivesByteIdenticalContainerFiles(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.avro");
        Path b = dir.resolve("b.avro");
        for (Path file : List.of(a, b)) {
            try (DataFileWriter<AlertChange> writer = AvroFiles.create(AlertChange.class, file, "seed-42")) {
                writer.append(sampleAlert());
            }
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (DataFileStream<AlertChange> in = AvroFiles.open(AlertChange.class, a)) {
            assertEquals(sampleAlert(), in.next());
            assertFalse(in.hasNext());
        }
    }

    @Test
    void deadLetterKeepsOriginalBytes() throws Exception {
        SingleObjectSerde<DeadLetter> dl = SingleObjectSerde.of(DeadLetter.class);
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic("ees.crossings")
                .setSourcePartition(3)
                .setSourceOffset(42)
                .setOriginalValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setReasonCode(DecodeException.UNDECODABLE)
                .setReason("bad")
                .setJob("risk-flags")
                .setRecordTimestamp(Instant.ofEpochMilli(7))
                .build();
        assertEquals(letter, dl.decode(dl.encode(letter)));
    }

    @Test
    void boundedDecodingRefusesHostileLengthsBeforeAllocatingAndTooLargeMessages() throws Exception {
        SingleObjectSerde<AlertChange> serde = SingleObjectSerde.of(AlertChange.class);
        DecodeLimits limits = new DecodeLimits(4096, 64, 8);
        byte[] valid = serde.encode(sampleAlert());
        assertEquals(sampleAlert(), serde.decode(valid, null, limits));

        // change_id, the first field, claims a billion bytes: Avro alone would allocate them before reading.
        byte[] hostile = Arrays.copyOf(valid, valid.length + 4);
        byte[] prefix = {(byte) 0x80, (byte) 0xa8, (byte) 0xd6, (byte) 0xb9, 0x07};
        System.arraycopy(valid, 11, hostile, 15, valid.length - 11);
        System.arraycopy(prefix, 0, hostile, 10, prefix.length);
        assertEquals(
                DecodeException.LENGTH_LIMIT,
                assertThrows(DecodeException.class, () -> serde.decode(hostile, null, limits))
                        .reasonCode());
        assertEquals(
                DecodeException.LENGTH_LIMIT,
                assertThrows(
                                DecodeException.class,
                                () -> serde.decode(hostile, null, new DecodeLimits(4096, Integer.MAX_VALUE, 8)))
                        .reasonCode(),
                "a prefix beyond the bytes left fails whatever the cap");

        AlertChange manyFlags = AlertChange.newBuilder(sampleAlert())
                .setFlaggedBy(Collections.nCopies(9, "DEU"))
                .build();
        assertEquals(
                DecodeException.LENGTH_LIMIT,
                assertThrows(DecodeException.class, () -> serde.decode(serde.encode(manyFlags), null, limits))
                        .reasonCode());
        assertEquals(
                DecodeException.TOO_LARGE,
                assertThrows(
                                DecodeException.class,
                                () -> serde.decode(valid, null, new DecodeLimits(valid.length - 1, 64, 8)))
                        .reasonCode());
    }

    static AlertChange sampleAlert() {
        return AlertChange.newBuilder()
                .setChangeId("c-1")
                .setAlertId("SIS-DEU-000001")
                .setVersion(1)
                .setChange(AlertChangeType.CREATE)
                .setEventTime(Instant.parse("2025-03-01T10:00:00Z"))
                .setBasis(AlertBasis.OBJECT_1862_ART38)
                .setActionOnHit(ActionOnHit.SEIZE)
                .setIssuingState("DEU")
                .setAuthority("BKA")
                .setValidFrom(LocalDate.parse("2025-03-01"))
                .setReviewDate(LocalDate.parse("2035-03-01"))
                .setObjectPart(
                        new AlertObject(ObjectStatus.STOLEN, new DocumentRef(DocumentType.PASSPORT, "X1234567", "UKR")))
                .build();
    }
}
