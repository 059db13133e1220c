package eu.borderflow.risk.traveller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.borderflow.risk.testing.EveryField;
import eu.borderflow.schema.CrossingKind;
import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The compact keyed-state formats of the EES file and the document trail: every field comes back (a field added
 * later and not written fails here, as {@link EveryField} sets them all), nulls and empty arrays included, and the
 * format is smaller than the POJO format it replaced.
 */
class StateFormatTest {

    @Test
    void aTravellerFileComesBackWithEveryField() throws IOException {
        for (int seed = 1; seed <= 50; seed++) {
            TravellerFile file = EveryField.filled(TravellerFile.class, seed * 1000);
            assertThat(EveryField.sameFields(roundTrip(TravellerFileSerializer.INSTANCE, file), file))
                    .isTrue();
        }
        TravellerFile changed = EveryField.filled(TravellerFile.class, 1);
        changed.getOpenStay().setVisaDigest(null);
        assertThat(EveryField.sameFields(roundTrip(TravellerFileSerializer.INSTANCE, changed), changed))
                .isTrue();
        assertThat(EveryField.sameFields(changed, EveryField.filled(TravellerFile.class, 1)))
                .as("the comparison sees a difference")
                .isFalse();
    }

    @Test
    void emptyAndBareTravellerFilesComeBackAsTheyWere() throws IOException {
        for (TravellerFile file : new TravellerFile[] {TravellerFile.empty(), new TravellerFile()}) {
            TravellerFile back = roundTrip(TravellerFileSerializer.INSTANCE, file);
            assertThat(EveryField.sameFields(back, file)).isTrue();
        }
        assertThat(roundTrip(TravellerFileSerializer.INSTANCE, new TravellerFile())
                        .getStays())
                .isNull();
        assertThat(roundTrip(TravellerFileSerializer.INSTANCE, TravellerFile.empty())
                        .getVisaDigests())
                .isEmpty();
    }

    @Test
    void visaArraysOfDifferentLengthsAreRefusedNotWrittenHalf() {
        TravellerFile file = EveryField.filled(TravellerFile.class, 1);
        file.setVisaKeepUntil(new int[] {1});
        assertThatThrownBy(() -> roundTrip(TravellerFileSerializer.INSTANCE, file))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDocumentTrailComesBackWithEveryField() throws IOException {
        for (int seed = 1; seed <= 50; seed++) {
            DocumentTrail trail = EveryField.filled(DocumentTrail.class, seed * 1000);
            assertThat(EveryField.sameFields(roundTrip(DocumentTrailSerializer.INSTANCE, trail), trail))
                    .isTrue();
        }
        DocumentTrail partial = EveryField.filled(DocumentTrail.class, 3);
        partial.setFacialDigest(null);
        partial.setLastMovement(null);
        partial.setLastEventId("E58cbbb8faa1604d5");
        assertThat(EveryField.sameFields(roundTrip(DocumentTrailSerializer.INSTANCE, partial), partial))
                .isTrue();
        // Both templates enrolled by one crossing; only the fingerprints' enrolment known.
        partial.setFingerprintEventId(partial.getFacialEventId());
        assertThat(EveryField.sameFields(roundTrip(DocumentTrailSerializer.INSTANCE, partial), partial))
                .isTrue();
        partial.setFacialEventId(null);
        assertThat(EveryField.sameFields(roundTrip(DocumentTrailSerializer.INSTANCE, partial), partial))
                .isTrue();
        DocumentTrail bare = new DocumentTrail();
        assertThat(EveryField.sameFields(roundTrip(DocumentTrailSerializer.INSTANCE, bare), bare))
                .isTrue();
    }

    @Test
    void crossingKindsKeepTheOrdinalsTheStateFormatStores() {
        assertThat(Arrays.stream(CrossingKind.values()).map(Enum::name))
                .as("append new kinds; reordering needs a new state format (CompactEncoding.writeKind)")
                .containsExactly("ENTRY", "EXIT", "REFUSAL");
    }

    @Test
    void theCompactFormatsAreSmallerThanThePojoFormat() throws IOException {
        TravellerFile file = StateSizeTest.visaHoldersFile();
        // The generator's form of event id (a letter and 16 hex digits).
        DocumentTrail trail = StateSizeTest.documentTrail("E58cbbb8faa1604d5");

        int fileCompact = bytes(TravellerFileSerializer.INSTANCE, file);
        int filePojo = bytes(pojo(TravellerFile.class), file);
        int trailCompact = bytes(DocumentTrailSerializer.INSTANCE, trail);
        int trailPojo = bytes(pojo(DocumentTrail.class), trail);
        System.out.printf(
                "EES file %d B (POJO format %d B), document trail %d B (POJO format %d B)%n",
                fileCompact, filePojo, trailCompact, trailPojo);
        assertThat(fileCompact).isLessThan(filePojo * 2 / 3);
        assertThat(trailCompact).isLessThan(trailPojo * 2 / 3);
    }

    static <T> TypeSerializer<T> pojo(Class<T> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return Types.POJO(type).createSerializer(config);
    }

    static <T> int bytes(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return out.length();
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        out.writeInt(0x5EA1ED);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T back = serializer.deserialize(in);
        assertThat(in.readInt()).as("read exactly what was written").isEqualTo(0x5EA1ED);
        T copied = serializer.copy(value);
        assertThat(EveryField.sameFields(copied, value)).as("copy").isTrue();
        return back;
    }
}
