package eu.borderflow.risk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.borderflow.risk.testing.EveryField;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * The wire format of the alert joins' probes, by Flink's own serializer test suite (round trips one by one and in
 * sequence, copies, snapshot and restore), with a probe that has every field set and one as a document probe has it
 * (no names, no keys).
 */
class CrossingProbeSerializerTest extends SerializerTestBase<CrossingProbe> {

    CrossingProbeSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck((a, b) -> a instanceof CrossingProbe, (a, b, checker) -> EveryField.sameFields(a, b)));
    }

    @Override
    protected TypeSerializer<CrossingProbe> createSerializer() {
        return new CrossingProbeSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CrossingProbe> getTypeClass() {
        return CrossingProbe.class;
    }

    @Override
    protected CrossingProbe[] getTestData() {
        CrossingProbe documentProbe = new CrossingProbe();
        documentProbe.setFileId("F1");
        documentProbe.setEventId("E1");
        documentProbe.setEventTime(1_736_150_400_000L);
        documentProbe.setKey("DOC-TOKEN");
        return new CrossingProbe[] {EveryField.filled(CrossingProbe.class, 1), documentProbe, new CrossingProbe()};
    }

    @Test
    void everyFieldSurvivesTheWire() throws Exception {
        CrossingProbe probe = EveryField.filled(CrossingProbe.class, 7);
        DataOutputSerializer out = new DataOutputSerializer(256);
        CrossingProbeSerializer.INSTANCE.serialize(probe, out);

        CrossingProbe read =
                CrossingProbeSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(EveryField.sameFields(read, probe)).isTrue();
        assertThat(EveryField.sameFields(read, EveryField.filled(CrossingProbe.class, 8)))
                .as("the comparison sees a difference")
                .isFalse();
    }
}
