package eu.borderflow.job.ingest;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Visa;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeAndValidateTest {

    private static final String TOPIC = "ees.crossings";
    private final SingleObjectSerde<BorderCrossing> serde = SingleObjectSerde.of(BorderCrossing.class);
    private DecodeAndValidate<BorderCrossing> function;
    private OneInputStreamOperatorTestHarness<RawRecord, BorderCrossing> harness;
    private long nextOffset;

    @BeforeEach
    void open() throws Exception {
        function = new DecodeAndValidate<>(BorderCrossing.class, new CrossingValidator(TestRecords.BCPS));
        harness = ProcessFunctionTestHarnesses.forProcessFunction(function);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void validCrossingPassesDecodedAndUnchanged() throws Exception {
        BorderCrossing crossing = TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
        send(serde.encode(crossing));
        assertEquals(List.of(crossing), harness.extractOutputValues());
        assertTrue(deadLetters().isEmpty());
    }

    @Test
    void corruptBytesBecomeADeadLetterWithTheirSourceCoordinates() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        byte[] key = "F-42".getBytes(StandardCharsets.UTF_8);
        harness.processElement(new RawRecord(TOPIC, 3, 1234L, 1_700_000_000_000L, key, garbage), 1_700_000_000_000L);

        DeadLetter letter = single(deadLetters());
        assertEquals("UNDECODABLE", letter.getReasonCode());
        assertEquals(TOPIC, letter.getSourceTopic());
        assertEquals(3, letter.getSourcePartition());
        assertEquals(1234L, letter.getSourceOffset());
        assertEquals(1_700_000_000_000L, letter.getRecordTimestamp().toEpochMilli());
        assertArrayEquals(garbage, bytes(letter.getOriginalValue()));
        assertArrayEquals(key, bytes(letter.getOriginalKey()));
        assertEquals(DeadLetters.JOB, letter.getJob());
        assertTrue(harness.extractOutputValues().isEmpty());
        assertEquals(1, function.deadLetterCount("UNDECODABLE"));
    }

    @Test
    void unknownSchemaFingerprintIsReportedAsSuch() throws Exception {
        byte[] encoded = serde.encode(TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build());
        byte[] foreign = Arrays.copyOf(encoded, encoded.length);
        // Single-object header: 2 marker bytes, then the 8-byte fingerprint; flip it to one no schema has.
        for (int i = 2; i < 10; i++) {
            foreign[i] = (byte) ~foreign[i];
        }
        send(foreign);
        assertEquals("UNKNOWN_FINGERPRINT", single(deadLetters()).getReasonCode());
        assertEquals(1, function.deadLetterCount("UNKNOWN_FINGERPRINT"));
    }

    @Test
    void nullValueIsUndecodable() throws Exception {
        send(null);
        DeadLetter letter = single(deadLetters());
        assertEquals("UNDECODABLE", letter.getReasonCode());
        assertEquals(null, letter.getOriginalValue());
    }

    @Test
    void invalidCrossingsGoToDeadLettersWithAReasonCodeEachAndNoPersonalData() throws Exception {
        BorderCrossing ok = TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
        List<BorderCrossing> invalid = List.of(
                BorderCrossing.newBuilder(ok).setSynthetic(false).build(),
                BorderCrossing.newBuilder(ok).setBcpCode("XXNOPE").build(),
                BorderCrossing.newBuilder(ok).setEventId("").build(),
                BorderCrossing.newBuilder(ok).setLocalDate(ok.getLocalDate().plusDays(2)).build(),
                BorderCrossing.newBuilder(ok).setIngestTime(ok.getEventTime().minus(Duration.ofMinutes(1))).build(),
                withBirth(ok, ok.getLocalDate().plusDays(1)),
                BorderCrossing.newBuilder(ok).setKind(CrossingKind.REFUSAL).setRefusalReasons(List.of()).build(),
                BorderCrossing.newBuilder(ok).setVisa(new Visa("V1", "C", 1, 90,
                        LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1))).build());
        for (BorderCrossing crossing : invalid) {
            send(serde.encode(crossing));
        }

        List<String> codes = deadLetters().stream().map(DeadLetter::getReasonCode).toList();
        assertEquals(List.of("VALIDATION_NOT_SYNTHETIC", "VALIDATION_UNKNOWN_BCP", "VALIDATION_MISSING_ID",
                "VALIDATION_LOCAL_DATE", "VALIDATION_INGEST_BEFORE_EVENT", "VALIDATION_DATE_OF_BIRTH",
                "VALIDATION_REFUSAL_WITHOUT_REASON", "VALIDATION_VISA_PERIOD"), codes);
        for (DeadLetter letter : deadLetters()) {
            assertFalse(letter.getReason().contains(ok.getTraveller().getSurname()), letter.getReason());
            assertFalse(letter.getReason().contains(ok.getDocument().getNumber()), letter.getReason());
            assertFalse(letter.getReason().contains("1990"), letter.getReason());
        }
        assertTrue(harness.extractOutputValues().isEmpty());
        assertEquals(1, function.deadLetterCount("VALIDATION_UNKNOWN_BCP"));
        assertEquals(0, function.deadLetterCount("UNDECODABLE"));
    }

    @Test
    void localDateOneDayAwayFromUtcIsATimeZoneNotAnError() throws Exception {
        BorderCrossing ok = TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
        send(serde.encode(BorderCrossing.newBuilder(ok).setLocalDate(ok.getLocalDate().minusDays(1)).build()));
        assertEquals(1, harness.extractOutputValues().size());
    }

    private static BorderCrossing withBirth(BorderCrossing crossing, LocalDate birth) {
        BorderCrossing copy = BorderCrossing.newBuilder(crossing).build();
        copy.getTraveller().setDateOfBirth(birth);
        return copy;
    }

    private void send(byte[] value) throws Exception {
        harness.processElement(new RawRecord(TOPIC, 0, nextOffset++, TestRecords.T0.toEpochMilli(), null, value),
                TestRecords.T0.toEpochMilli());
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(DeadLetters.TAG) == null ? List.of()
                : harness.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
    }

    private static DeadLetter single(List<DeadLetter> letters) {
        assertEquals(1, letters.size(), "dead letters: " + letters);
        return letters.get(0);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
