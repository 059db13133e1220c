package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static eu.borderflow.risk.alerts.AlertScenario.traveller;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RiskFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AlertRules.apply end to end on a MiniCluster, with Kryo switched off. */
class AlertRulesMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final LocalDate SHEVCHENKO_BORN = LocalDate.of(1985, 4, 12);
    private static final LocalDate KHARITONOV_BORN = LocalDate.of(1979, 2, 3);

    @Test
    void plantedScenariosRaiseExactlyTheirFlags() throws Exception {
        // Flink 2 replaced ExecutionConfig.disableGenericTypes() with this option: any Kryo fallback fails the job.
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);

        List<AlertChange> alerts = List.of(
                AlertScenario.stolenDocument("SIS-DOC", 1, AlertChangeType.CREATE, hours(1), "UKR", "EK123456"),
                personAlert(
                        "SIS-REF",
                        1,
                        AlertChangeType.CREATE,
                        hours(1),
                        AlertBasis.REFUSAL_1861_ART24,
                        person("SHEVCHENKO", "OLEKSANDR", "1985-04-12")),
                personAlert(
                        "SIS-RET",
                        1,
                        AlertChangeType.CREATE,
                        hours(1),
                        AlertBasis.RETURN_1860_ART3,
                        person("KHARITONOV", "YURIY", "1979-02-03")),
                // Review notice 4 months before 2026-07-14 = 2026-03-14, inside the data; due date after it.
                AlertScenario.change("SIS-NOTICE", 1, AlertChangeType.CREATE, hours(1), AlertBasis.CHECK_1862_ART36)
                        .setReviewDate(LocalDate.of(2026, 7, 14))
                        .build(),
                // Due on 2026-03-12, inside the data; its notice was already past when it was created.
                AlertScenario.change("SIS-DUE", 1, AlertChangeType.CREATE, hours(1), AlertBasis.CHECK_1862_ART36)
                        .setReviewDate(LocalDate.of(2026, 3, 12))
                        .build(),
                // Later alert traffic moves the alert watermark past both review reminders.
                AlertScenario.stolenDocument(
                        "SIS-LATER",
                        1,
                        AlertChangeType.CREATE,
                        Instant.parse("2026-03-20T00:00:00Z"),
                        "MDA",
                        "AB0000001"));

        List<BorderCrossing> crossings = List.of(
                AlertScenario.document("before-alert", hours(0), GREEK_BCP, "UKR", "EK123456"),
                AlertScenario.document("doc-hit", hours(5), GREEK_BCP, "UKR", "EK-123456"),
                AlertScenario.document("doc-near", hours(5), GREEK_BCP, "UKR", "EK123457"),
                traveller(
                        "person-hit",
                        CrossingKind.ENTRY,
                        hours(6),
                        GREEK_BCP,
                        "Ševčenko",
                        "Oleksandr",
                        SHEVCHENKO_BORN),
                traveller(
                        "person-near",
                        CrossingKind.ENTRY,
                        hours(6),
                        GREEK_BCP,
                        "Shevchenko",
                        "Oleksandr",
                        SHEVCHENKO_BORN.plusYears(1)),
                traveller(
                        "return-entry", CrossingKind.ENTRY, hours(6), GREEK_BCP, "Haritonov", "Jurij", KHARITONOV_BORN),
                traveller("return-exit", CrossingKind.EXIT, hours(7), GREEK_BCP, "Haritonov", "Jurij", KHARITONOV_BORN),
                // A fall-back upload five hours late: evaluated as of its own event time.
                AlertScenario.document("doc-late", hours(2), GREEK_BCP, "UKR", "EK123456"),
                AlertScenario.document("traffic", Instant.parse("2026-03-21T00:00:00Z"), GREEK_BCP, "POL", "X1"));

        DataStream<BorderCrossing> crossingStream = env.fromData(crossings, new AvroTypeInfo<>(BorderCrossing.class))
                .assignTimestampsAndWatermarks(
                        everyEvent((c, previous) -> c.getEventTime().toEpochMilli()));
        DataStream<AlertChange> alertStream = env.fromData(alerts, new AvroTypeInfo<>(AlertChange.class))
                .assignTimestampsAndWatermarks(
                        everyEvent((a, previous) -> a.getEventTime().toEpochMilli()));

        Set<String> flagIds = new TreeSet<>();
        try (CloseableIterator<RiskFlag> flags = AlertRules.apply(
                        crossingStream,
                        alertStream,
                        RiskSettings.local(ConfigLoader.defaults()),
                        new DeadLetterStreams())
                .executeAndCollect("alert rules")) {
            flags.forEachRemaining(flag -> assertEquals(
                    true, flagIds.add(flag.getFlagId()), "one flag per rule and trigger: " + flag.getFlagId()));
        }
        assertEquals(true, env.getConfig().getSerializerConfig().hasGenericTypesDisabled());
        assertEquals(
                new TreeSet<>(List.of(
                        "R1:doc-hit",
                        "R1:doc-late",
                        "R2:person-hit",
                        "R9:return-exit",
                        "R10:SIS-NOTICE@2026-07-14#notice",
                        "R10:SIS-DUE@2026-03-12#due")),
                flagIds);
    }

    /** Bounded out-of-orderness with a watermark after every event, so event-time deadlines fall inside the data. */
    private static <T> WatermarkStrategy<T> everyEvent(SerializableTimestampAssigner<T> eventTime) {
        return WatermarkStrategy.<T>forGenerator(context -> new WatermarkGenerator<>() {
                    private long newest = Long.MIN_VALUE + OUT_OF_ORDERNESS.toMillis() + 1;

                    @Override
                    public void onEvent(T event, long timestamp, WatermarkOutput output) {
                        newest = Math.max(newest, timestamp);
                        output.emitWatermark(new Watermark(newest - OUT_OF_ORDERNESS.toMillis() - 1));
                    }

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {}
                })
                .withTimestampAssigner(eventTime);
    }
}
