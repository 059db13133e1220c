package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.ChangelogHeartbeat;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats on the alert changelog as the contract states them (docs/CONTRACTS.md): a record with the heartbeat
 * header whose value holds a time T moves the partition's watermark to T less the out-of-orderness, and reaches no
 * operator after the source; a heartbeat that cannot be believed is a dead letter; nothing a producer can write as an
 * alert change passes for one.
 */
class AlertHeartbeatsTest {

    private static final String TOPIC = "sis.alerts";
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final long AT = TestRecords.T0.toEpochMilli();
    /** What a topic stamping records with their append time puts in the timestamp instead of T. */
    private static final long APPEND_TIME =
            Instant.parse("2026-12-05T05:00:00Z").toEpochMilli();

    private final RecordIngest<AlertChange> ingest =
            TestRecords.alertIngest().withHeartbeats(new AlertHeartbeats(TestRecords.INGEST));
    private final IngestDeserializer<AlertChange> deserializer = new IngestDeserializer<>(ingest);

    @Test
    void aHeartbeatMovesTheWatermarkToItsTimeFromTheValueNotTheTimestamp() {
        Either<AlertChange, DeadLetter> heartbeat = read(heartbeat(ChangelogHeartbeat.value(AT)));
        assertTrue(heartbeat.isLeft() && ingest.isHeartbeat(heartbeat.left()), "a stand-in: " + heartbeat);
        assertEquals(
                AT - 1,
                SourceWatermark.after(ingest, OUT_OF_ORDERNESS, List.of(heartbeat)),
                "the promise, not T less the out-of-orderness");
    }

    @Test
    void aHeartbeatOutsideTheIngestWindowOrWithoutATimeIsADeadLetterAndMovesNothing() {
        long future = Instant.parse("2999-01-01T00:00:00Z").toEpochMilli();
        Either<AlertChange, DeadLetter> far = read(heartbeat(ChangelogHeartbeat.value(future)));
        assertEquals("VALIDATION_HEARTBEAT_TIME", far.right().getReasonCode());
        assertEquals(TOPIC, far.right().getSourceTopic());
        assertEquals(1, far.right().getSourcePartition());
        assertEquals(7L, far.right().getSourceOffset());
        assertArrayEquals(ChangelogHeartbeat.value(future), bytes(far.right().getOriginalValue()), "the bytes as read");

        Either<AlertChange, DeadLetter> short4 = read(heartbeat(new byte[4]));
        assertEquals("UNDECODABLE", short4.right().getReasonCode());
        assertEquals(Long.MIN_VALUE, SourceWatermark.after(ingest, OUT_OF_ORDERNESS, List.of(far, short4)));
    }

    @Test
    void aHeartbeatAheadOfItsRecordTimestampIsADeadLetterWhereTheInputIsBoundByIt() {
        long yearAhead = APPEND_TIME + Duration.ofDays(365).toMillis();
        assertTrue(read(heartbeat(ChangelogHeartbeat.value(yearAhead))).isLeft(), "inside the ingest window");

        RecordIngest<AlertChange> bounded = ingest.withRecordTimeBound(TestRecords.INGEST.getMaxClockSkew());
        Either<AlertChange, DeadLetter> refused = bounded.ofHeartbeat(
                TOPIC, 1, 7L, APPEND_TIME, ChangelogHeartbeat.key(1), ChangelogHeartbeat.value(yearAhead));
        assertEquals("VALIDATION_HEARTBEAT_TIME", refused.right().getReasonCode());
        assertEquals(Long.MIN_VALUE, SourceWatermark.after(bounded, OUT_OF_ORDERNESS, List.of(refused)));
        assertTrue(
                bounded.ofHeartbeat(TOPIC, 1, 8L, APPEND_TIME, ChangelogHeartbeat.key(1), ChangelogHeartbeat.value(AT))
                        .isLeft(),
                "a topic stamping append times stamps them after T: believed");
    }

    @Test
    void anAlertChangeMadeToLookLikeAStandInIsRefusedNotTakenForAHeartbeat() {
        AlertChange lookalike =
                TestRecords.objectAlert("A1", TestRecords.T0).setChangeId("").build();
        byte[] value = SingleObjectSerde.of(AlertChange.class).encode(lookalike);
        Either<AlertChange, DeadLetter> read = read(new ConsumerRecord<>(
                TOPIC,
                0,
                3L,
                AT,
                TimestampType.CREATE_TIME,
                2,
                value.length,
                new byte[] {'A', '1'},
                value,
                new RecordHeaders(),
                Optional.empty()));
        assertEquals("VALIDATION_MISSING_ID", read.right().getReasonCode());
        assertFalse(
                ingest.isHeartbeat(TestRecords.objectAlert("A1", TestRecords.T0).build()));
    }

    @Test
    void theHeaderOnAnInputThatTakesNoHeartbeatsIsReadAsARecord() {
        IngestDeserializer<BorderCrossing> crossings = new IngestDeserializer<>(TestRecords.crossingIngest());
        List<Either<BorderCrossing, DeadLetter>> out = new ArrayList<>();
        crossings.deserialize(heartbeat(ChangelogHeartbeat.value(AT)), collector(out));
        assertEquals("UNDECODABLE", out.get(0).right().getReasonCode());
    }

    @Test
    void theSplitAfterTheSourceDropsStandInsAndPassesRecordsAndDeadLetters() throws Exception {
        AlertChange alert = TestRecords.objectAlert("A1", TestRecords.T0).build();
        Either<AlertChange, DeadLetter> letter = read(heartbeat(new byte[4]));
        try (OneInputStreamOperatorTestHarness<Either<AlertChange, DeadLetter>, AlertChange> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DeadLetterSplit<>(ingest))) {
            harness.processElement(new StreamRecord<>(read(heartbeat(ChangelogHeartbeat.value(AT))), AT));
            harness.processElement(new StreamRecord<>(Either.Left(alert), AT));
            harness.processElement(new StreamRecord<>(letter, Long.MIN_VALUE));
            assertEquals(List.of(alert), harness.extractOutputValues());
            assertEquals(1, harness.getSideOutput(DeadLetters.TAG).size());
        }
    }

    private Either<AlertChange, DeadLetter> read(ConsumerRecord<byte[], byte[]> record) {
        List<Either<AlertChange, DeadLetter>> out = new ArrayList<>();
        deserializer.deserialize(record, collector(out));
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> heartbeat(byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(ChangelogHeartbeat.HEADER, new byte[0]));
        byte[] key = ChangelogHeartbeat.key(1);
        return new ConsumerRecord<>(
                TOPIC,
                1,
                7L,
                APPEND_TIME,
                TimestampType.LOG_APPEND_TIME,
                key.length,
                value.length,
                key,
                value,
                headers,
                Optional.empty());
    }

    private static <T> Collector<T> collector(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
