package eu.borderflow.risk.traveller;

import eu.borderflow.risk.testing.EveryField;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/**
 * The format of the crossings the EES-file operator buffers in keyed state, by Flink's own serializer test suite:
 * every field set (so a field added later and not written fails), without a visa, and bare.
 */
class TravellerCrossingSerializerTest extends SerializerTestBase<TravellerCrossing> {

    TravellerCrossingSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof TravellerCrossing, (a, b, checker) -> EveryField.sameFields(a, b)));
    }

    @Override
    protected TypeSerializer<TravellerCrossing> createSerializer() {
        return new TravellerCrossingSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<TravellerCrossing> getTypeClass() {
        return TravellerCrossing.class;
    }

    @Override
    protected TravellerCrossing[] getTestData() {
        TravellerCrossing noVisa = EveryField.filled(TravellerCrossing.class, 20);
        noVisa.setVisaDigest(null);
        noVisa.setShortStay(false);
        noVisa.setEventId("E58cbbb8faa1604d5");
        return new TravellerCrossing[] {EveryField.filled(TravellerCrossing.class, 1), noVisa, new TravellerCrossing()};
    }
}
