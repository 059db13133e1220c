package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.Visa;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

/**
 * What a source does with each record before the watermark generator sees it: bounded decoding, then validation of
 * every value a rule reads; a rejected record is a dead letter with its source coordinates and bytes.
 */
class RecordIngestTest {

    private static final String TOPIC = "ees.crossings";
    private final SingleObjectSerde<BorderCrossing> serde = SingleObjectSerde.of(BorderCrossing.class);
    private final RecordIngest<BorderCrossing> ingest = TestRecords.crossingIngest();
    private final BorderCrossing ok =
            TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
    private long nextOffset;

    @Test
    void validCrossingPassesDecodedAndUnchanged() {
        Either<BorderCrossing, DeadLetter> out = send(serde.encode(ok));
        assertTrue(out.isLeft());
        assertEquals(ok, out.left());
    }

    @Test
    void corruptBytesBecomeADeadLetterWithTheirSourceCoordinates() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        byte[] key = "F-42".getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = ingest.ofBytes(TOPIC, 3, 1234L, 1_700_000_000_000L, key, garbage)
                .right();
        assertEquals("UNDECODABLE", letter.getReasonCode());
        assertEquals(TOPIC, letter.getSourceTopic());
        assertEquals(3, letter.getSourcePartition());
        assertEquals(1234L, letter.getSourceOffset());
        assertEquals(1_700_000_000_000L, letter.getRecordTimestamp().toEpochMilli());
        assertArrayEquals(garbage, bytes(letter.getOriginalValue()));
        assertArrayEquals(key, bytes(letter.getOriginalKey()));
        assertEquals(TestRecords.JOB, letter.getJob(), "the job that passed its name to the ingest");
        assertEquals("source:" + TOPIC, letter.getOperator());
        assertEquals(garbage.length + key.length, letter.getOriginalSize());
    }

    @Test
    void unknownSchemaFingerprintIsReportedAsSuch() {
        byte[] foreign = serde.encode(ok);
        // Single-object header: 2 marker bytes, then the 8-byte fingerprint; flip it to one no schema has.
        for (int i = 2; i < 10; i++) {
            foreign[i] = (byte) ~foreign[i];
        }
        assertEquals("UNKNOWN_FINGERPRINT", send(foreign).right().getReasonCode());
        assertEquals("UNDECODABLE", send(null).right().getReasonCode());
    }

    @Test
    void aHostileLengthPrefixIsADeadLetterAndAllocatesNothing() {
        byte[] valid = serde.encode(ok);
        // event_id, the first field ("e1": length 2, zig-zag 4), claims 2^30 bytes instead.
        byte[] hostile = Arrays.copyOf(valid, valid.length + 4);
        System.arraycopy(valid, 11, hostile, 15, valid.length - 11);
        System.arraycopy(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}, 0, hostile, 10, 5);
        DeadLetter letter = send(hostile).right();
        assertEquals("LENGTH_LIMIT", letter.getReasonCode());
        assertArrayEquals(hostile, bytes(letter.getOriginalValue()));

        byte[] huge = new byte[TestRecords.INGEST.getMaxMessageBytes() + 1];
        System.arraycopy(valid, 0, huge, 0, valid.length);
        assertEquals("TOO_LARGE", send(huge).right().getReasonCode());
    }

    @Test
    void everyValueARuleReadsHasARange() {
        Instant t = ok.getEventTime();
        LocalDate day = ok.getLocalDate();
        List<UnaryOperator<BorderCrossing.Builder>> invalid = List.of(
                b -> b.setSynthetic(false),
                b -> b.setBcpCode("XXNOPE"),
                b -> b.setEventId(""),
                b -> b.setLocalDate(day.plusDays(2)),
                b -> b.setIngestTime(t.minus(Duration.ofMinutes(6))),
                b -> b.setEventTime(Instant.parse("9999-01-01T00:00:00Z")),
                b -> b.setEventTime(Instant.parse("9999-01-01T00:00:00Z"))
                        .setIngestTime(Instant.parse("9999-01-01T00:00:00Z"))
                        .setLocalDate(LocalDate.of(9999, 1, 1)),
                b -> b.setEventTime(t.minus(Duration.ofDays(31))).setLocalDate(day.minusDays(31)),
                b -> b.setTraveller(traveller(day.plusDays(1))),
                b -> b.setTraveller(traveller(day.minusYears(131))),
                b -> b.setKind(CrossingKind.REFUSAL).setRefusalReasons(List.of()),
                b -> b.setVisa(visa("C", 1, 90, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1))),
                b -> b.setVisa(visa("C", 1, 90, LocalDate.of(2026, 1, 1), LocalDate.of(2032, 1, 1))),
                b -> b.setVisa(visa("C", 1, 91, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1))),
                b -> b.setVisa(visa("C", 1, Integer.MAX_VALUE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1))),
                b -> b.setVisa(visa("C", -1, 30, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1))),
                b -> b.setVisa(visa("C", 3, 30, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1))),
                b -> b.setVisa(visa("X", 1, 30, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1))),
                b -> b.setRetentionUntil(day.plusYears(6)),
                b -> b.setDocument(new eu.borderflow.schema.TravelDocument(
                        ok.getDocument().getType(), "P1", "USA", day.plusYears(16))));
        List<String> codes = new ArrayList<>();
        for (UnaryOperator<BorderCrossing.Builder> change : invalid) {
            Either<BorderCrossing, DeadLetter> out = send(serde.encode(
                    change.apply(BorderCrossing.newBuilder(ok).setTraveller(traveller(LocalDate.of(1990, 5, 17))))
                            .build()));
            assertFalse(out.isLeft(), "accepted: " + codes.size());
            DeadLetter letter = out.right();
            assertFalse(letter.getReason().contains(ok.getTraveller().getSurname()), letter.getReason());
            assertFalse(letter.getReason().contains(ok.getDocument().getNumber()), letter.getReason());
            assertFalse(letter.getReason().contains("1990"), letter.getReason());
            codes.add(letter.getReasonCode().replace("VALIDATION_", ""));
        }
        assertEquals(
                List.of(
                        "NOT_SYNTHETIC",
                        "UNKNOWN_BCP",
                        "MISSING_ID",
                        "LOCAL_DATE",
                        "INGEST_BEFORE_EVENT",
                        "INGEST_BEFORE_EVENT",
                        "INGEST_TIME",
                        "EVENT_TIME",
                        "DATE_OF_BIRTH",
                        "DATE_OF_BIRTH",
                        "REFUSAL_WITHOUT_REASON",
                        "VISA_PERIOD",
                        "VISA_PERIOD",
                        "VISA_DURATION",
                        "VISA_DURATION",
                        "VISA_ENTRIES",
                        "VISA_ENTRIES",
                        "VISA_TYPE",
                        "RETENTION_DATE",
                        "DOCUMENT_DATES"),
                codes);
    }

    @Test
    void valuesAtTheEdgesOfTheirRangesPass() {
        List<BorderCrossing> edges = List.of(
                BorderCrossing.newBuilder(ok)
                        .setLocalDate(ok.getLocalDate().minusDays(1))
                        .build(),
                BorderCrossing.newBuilder(ok)
                        .setIngestTime(ok.getEventTime().minus(Duration.ofMinutes(5)))
                        .build(),
                BorderCrossing.newBuilder(ok)
                        .setEventTime(ok.getEventTime().minus(Duration.ofDays(30)))
                        .setLocalDate(ok.getLocalDate().minusDays(30))
                        .build(),
                BorderCrossing.newBuilder(ok)
                        .setVisa(visa("C", 2, 90, LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 1)))
                        .build(),
                BorderCrossing.newBuilder(ok)
                        .setVisa(visa("C", 0, 1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
                        .build(),
                BorderCrossing.newBuilder(ok)
                        .setRetentionUntil(ok.getLocalDate().plusYears(5))
                        .build());
        for (BorderCrossing edge : edges) {
            Either<BorderCrossing, DeadLetter> out = send(serde.encode(edge));
            assertTrue(out.isLeft(), () -> out.right().getReasonCode());
        }
    }

    @Test
    void alertBirthDatesInEveryFormTheContractAllows() {
        RecordIngest<AlertChange> alerts = TestRecords.alertIngest();
        for (String dob : List.of("1985", "1985-12", "1985-12-04", "1985-04-12", "1985-13-04", "1985-04-31")) {
            Either<AlertChange, DeadLetter> out = alerts.ofDecoded("alerts.avro", 0, personAlert(dob));
            if (dob.equals("1985-04-31")) {
                assertEquals("VALIDATION_DATE_OF_BIRTH", out.right().getReasonCode(), dob);
            } else {
                assertTrue(out.isLeft(), dob);
            }
        }
        for (String dob : List.of(
                "19x5",
                "",
                "85-12-04",
                "1985-00",
                "1985-13",
                "1985-12-4",
                "1985-13-13",
                "9999",
                "1850",
                "1985/12/04")) {
            DeadLetter letter =
                    alerts.ofDecoded("alerts.avro", 7, personAlert(dob)).right();
            assertEquals("VALIDATION_DATE_OF_BIRTH", letter.getReasonCode(), dob);
            assertEquals(7, letter.getSourceOffset());
            assertEquals("A1-v1", letter.getEventId());
            assertFalse(letter.getReason().contains(dob.isEmpty() ? "\u0000" : dob), letter.getReason());
        }
        assertEquals(new AlertBirthDate(1985, 13, 4), AlertBirthDate.parse("1985-13-04"));
        assertEquals(new AlertBirthDate(1985, 12, 0), AlertBirthDate.parse("1985-12"));
        assertNull(AlertBirthDate.parse("1985-1-1"));
    }

    @Test
    void aRejectedRecordNeverMovesTheWatermark() {
        Either<BorderCrossing, DeadLetter> valid = send(serde.encode(ok));
        Either<BorderCrossing, DeadLetter> future = send(serde.encode(BorderCrossing.newBuilder(ok)
                .setEventTime(Instant.parse("9999-01-01T00:00:00Z"))
                .build()));
        assertFalse(future.isLeft());
        assertEquals(
                ok.getEventTime().toEpochMilli() - 1,
                SourceWatermark.after(ingest, Duration.ZERO, List.of(valid, future)));
    }

    @Test
    void aKafkaRecordWhoseEventTimeRunsAheadOfItsTimestampIsADeadLetterAndMovesNothing() {
        Duration skew = TestRecords.INGEST.getMaxClockSkew();
        RecordIngest<BorderCrossing> bounded = ingest.withRecordTimeBound(skew);
        long stamped = ok.getEventTime().toEpochMilli();
        // A BCP clock a year ahead: every value in its range, the event time well inside the ingest window.
        Instant yearAhead = ok.getEventTime().plus(Duration.ofDays(365));
        BorderCrossing ahead =
                TestRecords.crossing("e2", CrossingKind.ENTRY, yearAhead).build();
        assertTrue(
                ingest.ofBytes(TOPIC, 0, 1, stamped, null, serde.encode(ahead)).isLeft(), "valid as a value");

        Either<BorderCrossing, DeadLetter> refused = bounded.ofBytes(TOPIC, 0, 1, stamped, null, serde.encode(ahead));
        assertEquals(RecordIngest.RECORD_TIME, refused.right().getReasonCode());
        assertEquals("e2", refused.right().getEventId());
        Either<BorderCrossing, DeadLetter> valid = bounded.ofBytes(TOPIC, 0, 2, stamped, null, serde.encode(ok));
        assertEquals(stamped - 1, SourceWatermark.after(bounded, Duration.ZERO, List.of(valid, refused)));

        byte[] value = serde.encode(ok);
        assertTrue(
                bounded.ofBytes(TOPIC, 0, 3, stamped - skew.toMillis(), null, value)
                        .isLeft(),
                "at the skew");
        assertEquals(
                RecordIngest.RECORD_TIME,
                bounded.ofBytes(TOPIC, 0, 4, stamped - skew.toMillis() - 1, null, value)
                        .right()
                        .getReasonCode(),
                "a millisecond beyond it");
        assertTrue(
                bounded.ofBytes(TOPIC, 0, 5, stamped + Duration.ofDays(3).toMillis(), null, value)
                        .isLeft(),
                "stamped after its event time: appended later, or uploaded late");
        assertTrue(
                bounded.ofDecoded("crossings.avro", 6, ahead).isLeft(),
                "a dataset file has no record timestamp: its records keep the ingest window alone");
    }

    private Either<BorderCrossing, DeadLetter> send(byte[] value) {
        return ingest.ofBytes(TOPIC, 0, nextOffset++, TestRecords.T0.toEpochMilli(), null, value);
    }

    private static eu.borderflow.schema.TravellerIdentity traveller(LocalDate birth) {
        return new eu.borderflow.schema.TravellerIdentity("F-e1", "Testperson", "Alex", birth, "USA", Sex.X);
    }

    private static Visa visa(String type, int entries, int days, LocalDate from, LocalDate until) {
        return new Visa("V1", type, entries, days, from, until);
    }

    private static AlertChange personAlert(String dob) {
        return AlertChange.newBuilder(
                        TestRecords.objectAlert("A1", TestRecords.T0).build())
                .setBasis(AlertBasis.CHECK_1862_ART36)
                .setObjectPart(null)
                .setPerson(new AlertPerson(
                        "SHEVCHENKO",
                        "OLEKSANDR",
                        List.of(),
                        dob,
                        null,
                        Sex.M,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
