package eu.borderflow.job.ingest;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidateDecodedTest {

    @Test
    void rejectedFileRecordKeepsItsEncodingAndNamesItsFile() throws Exception {
        ValidateDecoded<BorderCrossing> function = new ValidateDecoded<>(BorderCrossing.class, "crossings.avro",
                new CrossingValidator(TestRecords.BCPS), c -> c.getEventTime().toEpochMilli());
        BorderCrossing ok = TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
        BorderCrossing unknownBcp = BorderCrossing.newBuilder(ok).setEventId("e2").setBcpCode("XXNOPE").build();
        try (OneInputStreamOperatorTestHarness<BorderCrossing, BorderCrossing> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(function)) {
            harness.processElement(ok, 0);
            harness.processElement(unknownBcp, 0);

            assertEquals(List.of(ok), harness.extractOutputValues());
            List<DeadLetter> letters = harness.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue)
                    .toList();
            assertEquals(1, letters.size());
            DeadLetter letter = letters.get(0);
            assertEquals("VALIDATION_UNKNOWN_BCP", letter.getReasonCode());
            assertEquals("crossings.avro", letter.getSourceTopic());
            assertEquals(DeadLetters.NO_OFFSET, letter.getSourceOffset());
            assertEquals(TestRecords.T0, letter.getRecordTimestamp());
            ByteBuffer value = letter.getOriginalValue();
            byte[] bytes = new byte[value.remaining()];
            value.duplicate().get(bytes);
            assertEquals(unknownBcp, SingleObjectSerde.of(BorderCrossing.class).decode(bytes));
            assertEquals(1, function.deadLetterCount("VALIDATION_UNKNOWN_BCP"));
        }
    }
}
