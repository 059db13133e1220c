package eu.borderflow.risk.traveller;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Optional;

/** Applies R6 to each crossing as it comes: the rule needs neither state nor order. */
public final class DocumentValidityCheck extends ProcessFunction<BorderCrossing, RiskFlag> {

    public static final String UID = "document-validity";
    private static final long serialVersionUID = 1L;

    private final Pseudonymiser tokens;
    private final DocumentValidityRule rule;
    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);
    private transient SingleObjectSerde<BorderCrossing> serde;

    public DocumentValidityCheck(RiskSettings config) {
        this.tokens = config.tokens();
        this.rule = new DocumentValidityRule(config);
    }

    @Override
    public void open(OpenContext context) {
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(BorderCrossing.class);
    }

    @Override
    public void processElement(BorderCrossing crossing, Context ctx, Collector<RiskFlag> out) {
        Optional<RiskFlag> flag;
        try {
            flag = rule.atEntry(crossing, tokens);
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, failures.on(e, crossing.getEventId(), crossing.getEventTime().toEpochMilli(),
                    crossing, serde));
            return;
        }
        flag.ifPresent(out::collect);
    }
}
