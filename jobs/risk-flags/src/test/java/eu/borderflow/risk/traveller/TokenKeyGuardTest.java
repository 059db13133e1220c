package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.state.TokenKeyMismatchException;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.throwable.ThrowableClassifier;
import org.apache.flink.runtime.throwable.ThrowableType;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The EES-file operator's state restored under the key it was built with resumes; under another key it is refused
 * with what to do, as an error Flink does not restart the job for.
 */
class TokenKeyGuardTest {

    private static final String KEY = "the key the state was built with";
    private static final String OTHER_KEY = "a key generated again in a new shell";

    @Test
    void stateIsRestoredOnlyUnderTheKeyItWasBuiltWith() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(KEY)) {
            h.open();
            h.processElement(
                    TravellerCrossing.of(
                            entry("e", "2025-03-01T10:00").build(),
                            settings(KEY).tokens()),
                    0L);
            snapshot = h.snapshot(1L, 1L);
        }

        try (var h = harness(KEY)) {
            h.initializeState(snapshot);
            h.open();
            assertEquals(1, h.numKeyedStateEntries(), "the open stay, restored");
        }

        try (var h = harness(OTHER_KEY)) {
            TokenKeyMismatchException refused =
                    assertThrows(TokenKeyMismatchException.class, () -> h.initializeState(snapshot));
            String stateKeyId = settings(KEY).tokens().keyId();
            String keyId = settings(OTHER_KEY).tokens().keyId();
            assertTrue(
                    refused.getMessage().contains(stateKeyId)
                            && refused.getMessage().contains(keyId),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("BORDERFLOW_TOKEN_KEY"), refused.getMessage());
            assertEquals(ThrowableType.NonRecoverableError, ThrowableClassifier.getThrowableType(refused));
        }
    }

    @Test
    void stateWrittenBeforeTheGuardHasNoKeyIdAndIsAccepted() throws Exception {
        try (var h = harness(OTHER_KEY)) {
            h.initializeState(OperatorSubtaskState.builder().build());
            h.open();
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TravellerCrossing, RiskFlag> harness(String key)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TravellerFileOperator(settings(key), Crossings.BCPS)),
                TravellerCrossing::getFileId,
                Types.STRING);
    }

    private static RiskSettings settings(String key) {
        return RiskSettings.bind(CONFIG, key, true);
    }
}
