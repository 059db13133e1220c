package eu.borderflow.risk.traveller;

import static org.assertj.core.api.Assertions.assertThat;

import eu.borderflow.risk.testing.EveryField;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * The wire format of the document operator's input, by Flink's own serializer test suite, with a crossing that has
 * every field set and one without a fingerprint.
 */
class DocumentCrossingSerializerTest extends SerializerTestBase<DocumentCrossing> {

    DocumentCrossingSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof DocumentCrossing, (a, b, checker) -> EveryField.sameFields(a, b)));
    }

    @Override
    protected TypeSerializer<DocumentCrossing> createSerializer() {
        return new DocumentCrossingSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<DocumentCrossing> getTypeClass() {
        return DocumentCrossing.class;
    }

    @Override
    protected DocumentCrossing[] getTestData() {
        DocumentCrossing noFingerprint = EveryField.filled(DocumentCrossing.class, 20);
        noFingerprint.setFingerprintDigest(null);
        return new DocumentCrossing[] {
            EveryField.filled(DocumentCrossing.class, 1), noFingerprint, new DocumentCrossing()
        };
    }

    @Test
    void everyFieldSurvivesTheWire() throws Exception {
        DocumentCrossing crossing = EveryField.filled(DocumentCrossing.class, 7);
        DataOutputSerializer out = new DataOutputSerializer(128);
        DocumentCrossingSerializer.INSTANCE.serialize(crossing, out);

        DocumentCrossing read =
                DocumentCrossingSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(EveryField.sameFields(read, crossing)).isTrue();
        assertThat(EveryField.sameFields(read, EveryField.filled(DocumentCrossing.class, 8)))
                .as("the comparison sees a difference")
                .isFalse();
    }
}
