package eu.borderflow.risk.alerts;

import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.CrossingProjection;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * The SIS alert rules of the risk-flag job: R1 (document alerts), R2 (person alerts), R9 (return alerts at exit),
 * each an as-of-time join of the crossings with the alert changelog, and R10 (alert review reminders). Inputs carry
 * event-time timestamps and watermarks; the output is the union of the flags of the rules switched on.
 */
public final class AlertRules {

    private static final TypeInformation<RiskFlag> FLAG = new AvroTypeInfo<>(RiskFlag.class);
    private static final TypeInformation<AlertChange> ALERT = new AvroTypeInfo<>(AlertChange.class);

    private AlertRules() {}

    public static DataStream<RiskFlag> apply(
            DataStream<BorderCrossing> crossings,
            DataStream<AlertChange> alerts,
            RiskSettings config,
            DeadLetterStreams deadLetters) {
        List<DataStream<RiskFlag>> flags = new ArrayList<>();
        if (enabled(config, StolenDocumentRule.DESCRIPTOR.id())) {
            flags.add(documentAlerts(crossings, alerts, config, deadLetters));
        }
        if (enabled(config, PersonAlertRule.DESCRIPTOR.id()) || enabled(config, ReturnAlertRule.DESCRIPTOR.id())) {
            flags.add(personAlerts(crossings, alerts, config, deadLetters));
        }
        if (enabled(config, AlertReviewRule.DESCRIPTOR.id())) {
            // Review dates are reached by the passage of event time, not by alert changes: the sparse changelog's own
            // watermark (which jumps to the end once its source is done) would skip them, so the crossings' clock
            // drives the timers too.
            // Neither sends a record per crossing (the clock only watermarks): both flush each one they send.
            DataStream<AlertChange> crossingClock = SparseOutput.flushEachRecord(crossings
                    .transform(
                            "R10 event-time clock of the crossings",
                            ALERT,
                            new CrossingEventClock(config.time().getOutOfOrderness()))
                    .uid(CrossingEventClock.UID));
            DataStream<AlertChange> changelog = SparseOutput.flushEachRecord(
                    alerts.transform("R10: the changelog's end is not the end of time", ALERT, new ChangelogEnd())
                            .uid(ChangelogEnd.UID));
            flags.add(deadLetters.from(SparseOutput.flushEachRecord(changelog
                    .union(crossingClock)
                    .keyBy(AlertChange::getAlertId, Types.STRING)
                    .process(new AlertReviewTimers(config), FLAG)
                    .uid(AlertReviewTimers.UID)
                    .name("R10 alert review timers"))));
        }
        if (flags.isEmpty()) {
            return crossings
                    .flatMap((BorderCrossing crossing, Collector<RiskFlag> out) -> {}, FLAG)
                    .uid("alerts-none")
                    .name("alert rules switched off");
        }
        DataStream<RiskFlag> union = flags.get(0);
        for (int i = 1; i < flags.size(); i++) {
            union = union.union(flags.get(i));
        }
        return union;
    }

    private static DataStream<RiskFlag> documentAlerts(
            DataStream<BorderCrossing> crossings,
            DataStream<AlertChange> alerts,
            RiskSettings config,
            DeadLetterStreams deadLetters) {
        DataStream<CrossingProbe> probes = deadLetters.from(crossings
                .process(new DocumentProbes(config), CrossingProbe.WIRE)
                .uid(DocumentProbes.UID)
                .name("R1 document keys"));
        DataStream<AlertVersion> versions =
                deadLetters.from(SparseOutput.flushEachRecord(alerts.keyBy(AlertChange::getAlertId, Types.STRING)
                        .process(new AlertVersionRouter(AlertVersionRouter.Target.DOCUMENT, config), AlertVersion.TYPE)
                        .uid(AlertVersionRouter.Target.DOCUMENT.uid())
                        .name("R1 Art. 38 alert versions")));
        return deadLetters.from(SparseOutput.flushEachRecord(probes.connect(versions)
                .keyBy(CrossingProbe::getKey, AlertVersion::getKey, Types.STRING)
                .transform("R1 document alert as-of join", FLAG, new DocumentAlertJoin(config))
                .uid(DocumentAlertJoin.UID)));
    }

    private static DataStream<RiskFlag> personAlerts(
            DataStream<BorderCrossing> crossings,
            DataStream<AlertChange> alerts,
            RiskSettings config,
            DeadLetterStreams deadLetters) {
        DataStream<CrossingProbe> probes = deadLetters.from(crossings
                .transform(
                        "R2/R9 name blocking keys",
                        CrossingProbe.WIRE,
                        new PersonProbes(config.time().getOutOfOrderness()))
                .uid(PersonProbes.UID));
        DataStream<AlertVersion> versions =
                deadLetters.from(SparseOutput.flushEachRecord(alerts.keyBy(AlertChange::getAlertId, Types.STRING)
                        .process(new AlertVersionRouter(AlertVersionRouter.Target.PERSON, config), AlertVersion.TYPE)
                        .uid(AlertVersionRouter.Target.PERSON.uid())
                        .name("R2/R9 person alert versions")));
        DataStream<PersonMatch> matches = deadLetters.from(SparseOutput.flushEachRecord(probes.connect(versions)
                .keyBy(CrossingProbe::getKey, AlertVersion::getKey, Types.STRING)
                .transform("R2/R9 person alert matcher", PersonMatch.TYPE, new PersonAlertMatcher(config))
                .uid(PersonAlertMatcher.UID)));
        return deadLetters.from(SparseOutput.flushEachRecord(matches.keyBy(PersonMatch::flagKey, Types.STRING)
                .process(new PersonFlagAssembler(config), FLAG)
                .uid(PersonFlagAssembler.UID)
                .name("R2/R9 one flag per crossing")));
    }

    private static boolean enabled(RiskSettings config, String ruleId) {
        return AlertRuleSettings.load(config, ruleId).isEnabled();
    }

    /** The document token of each crossing, computed once with this subtask's own pseudonymiser. */
    private static final class DocumentProbes extends CrossingProjection<CrossingProbe> {

        static final String UID = "alerts-r1-document-probes";
        private static final long serialVersionUID = 1L;

        DocumentProbes(RiskSettings config) {
            super(config, UID);
        }

        @Override
        protected CrossingProbe project(BorderCrossing crossing) {
            return CrossingProbes.document(crossing, tokens());
        }
    }
}
