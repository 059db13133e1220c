package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** A keyed operator of the traveller rules in Flink's test harness, fed with whole crossings as the job feeds it. */
final class RuleHarness<T> implements AutoCloseable {

    final KeyedOneInputStreamOperatorTestHarness<?, T, RiskFlag> harness;
    private final Function<BorderCrossing, T> projection;

    private <K> RuleHarness(
            KeyedProcessFunction<K, T, RiskFlag> operator,
            KeySelector<T, K> key,
            TypeInformation<K> keyType,
            Function<BorderCrossing, T> projection)
            throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(operator), key, keyType);
        // Any Kryo fallback in the state types fails loudly.
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        this.projection = projection;
        harness.open();
    }

    static RuleHarness<TravellerCrossing> travellerFile(ConfigLoader config) throws Exception {
        return new RuleHarness<>(
                new TravellerFileOperator(RiskSettings.local(config), Crossings.BCPS),
                TravellerCrossing::getFileId,
                Types.STRING,
                c -> TravellerCrossing.of(c, Crossings.TOKENS));
    }

    static RuleHarness<DocumentCrossing> document(ConfigLoader config) throws Exception {
        return new RuleHarness<>(
                new DocumentSequenceOperator(RiskSettings.local(config), Crossings.BCPS),
                DocumentCrossing::getDocumentDigest,
                Types.LONG,
                c -> DocumentCrossing.of(c, Crossings.TOKENS));
    }

    void send(BorderCrossing... crossings) throws Exception {
        for (BorderCrossing crossing : crossings) {
            harness.processElement(
                    projection.apply(crossing), crossing.getEventTime().toEpochMilli());
        }
    }

    void watermark(String instant) throws Exception {
        harness.processWatermark(Instant.parse(instant).toEpochMilli());
    }

    void watermark(long millis) throws Exception {
        harness.processWatermark(millis);
    }

    List<RiskFlag> flags() {
        return harness.extractOutputValues();
    }

    List<RiskFlag> flags(String ruleId) {
        return flags().stream().filter(f -> f.getRuleId().equals(ruleId)).toList();
    }

    int stateEntries() {
        return harness.numKeyedStateEntries();
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
