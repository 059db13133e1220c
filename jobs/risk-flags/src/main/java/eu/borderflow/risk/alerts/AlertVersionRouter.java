package eu.borderflow.risk.alerts;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.AlertChange;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Arrays;

/**
 * Keyed by alert id: turns each change into a version for every join key of the alert, computed once, and tells the
 * keys an update or deletion left that the alert ends there. The keys of the last version are the only state, and
 * a deletion erases them.
 */
public class AlertVersionRouter extends KeyedProcessFunction<String, AlertChange, AlertVersion> {

    private static final long serialVersionUID = 1L;

    /** Which join the versions are for. */
    public enum Target { DOCUMENT, PERSON }

    private final Target target;
    private final Pseudonymiser pseudonymiser;
    private transient ValueState<String[]> lastKeys;

    public AlertVersionRouter(Target target, RiskSettings config) {
        this.target = target;
        this.pseudonymiser = config.tokens();
    }

    @Override
    public void open(OpenContext openContext) {
        lastKeys = getRuntimeContext().getState(
                new ValueStateDescriptor<>("last-keys", BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(AlertChange change, Context ctx, Collector<AlertVersion> out) throws Exception {
        AlertVersion version = target == Target.DOCUMENT
                ? AlertVersions.document(change, pseudonymiser)
                : AlertVersions.person(change);
        String[] previous = lastKeys.value();
        String[] current = version == null ? new String[0] : version.getKeys();
        if (previous != null) {
            for (String key : previous) {
                if (Arrays.binarySearch(current, key) < 0) {
                    out.collect(AlertVersion.ended(key, change.getAlertId(), change.getVersion(),
                            change.getEventTime().toEpochMilli()));
                }
            }
        }
        for (String key : current) {
            out.collect(version.forKey(key));
        }
        if (current.length == 0) {
            lastKeys.clear();
        } else {
            lastKeys.update(current);
        }
    }
}
