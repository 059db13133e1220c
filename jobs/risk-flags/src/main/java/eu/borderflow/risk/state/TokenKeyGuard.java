package eu.borderflow.risk.state;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Refuses to restore state that was built under another pseudonymisation key. Keyed state is keyed by, and holds,
 * keyed tokens; under another key every traveller and document has other tokens, so a job resumed with the wrong
 * {@code BORDERFLOW_TOKEN_KEY} would not fail: it would silently lose every open stay and document trail and judge
 * each returning traveller as new. The key id (public: it prefixes every token) is kept in union operator state, so
 * every instance sees every id after a rescale. State written before this guard existed has none and is accepted.
 */
public final class TokenKeyGuard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private transient ListState<String> state;

    public TokenKeyGuard(String keyId) {
        this.keyId = keyId;
    }

    /**
     * Checks the key ids of the restored state named {@code stateName}.
     *
     * @throws TokenKeyMismatchException when the state was built under another key
     */
    public void initialize(OperatorStateStore store, String stateName) throws Exception {
        state = store.getUnionListState(new ListStateDescriptor<>(stateName, Types.STRING));
        for (String restored : state.get()) {
            if (!keyId.equals(restored)) {
                throw new TokenKeyMismatchException(restored, keyId);
            }
        }
    }

    public void snapshot() throws Exception {
        state.update(List.of(keyId));
    }
}
