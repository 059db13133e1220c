package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TravellerRules.apply end to end on a MiniCluster, parallelism 2, with Kryo switched off. */
class TravellerRulesMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Arrival order: mostly by event time, one fall-back upload out of order. */
    private static List<BorderCrossing> crossings() {
        return List.of(
                entry("t1-e", "2025-01-01T10:00")
                        .file("T1")
                        .document("D1", "2030-01-01")
                        .build(),
                exit("t4-x0", "2025-03-01T10:00")
                        .file("T4")
                        .document("D4", "2030-01-01")
                        .build(),
                exit("t1-x", "2025-04-05T10:00")
                        .file("T1")
                        .document("D1", "2030-01-01")
                        .build(),
                exit("t2-x1", "2025-06-05T18:00")
                        .file("T2")
                        .document("D2", "2030-01-01")
                        .build(),
                entry("t2-e1", "2025-06-01T08:00")
                        .file("T2")
                        .document("D2", "2030-01-01")
                        .visa("V-2", 1, 30, "2025-05-01", "2025-08-31")
                        .build(),
                entry("t4-e", "2025-06-01T10:00")
                        .file("T4")
                        .document("D4", "2030-01-01")
                        .build(),
                exit("t4-x", "2025-06-01T12:00")
                        .at("FIN-A-HEL")
                        .file("T4")
                        .document("D4", "2030-01-01")
                        .build(),
                entry("t5-e", "2025-06-02T10:00")
                        .file("T5")
                        .document("D5", "2030-01-01")
                        .biometrics("face-A", "finger-A")
                        .build(),
                exit("t5-x", "2025-06-04T10:00")
                        .file("T5")
                        .document("D5", "2030-01-01")
                        .biometrics("face-B", "finger-A")
                        .build(),
                entry("t2-e2", "2025-06-10T08:00")
                        .file("T2")
                        .document("D2", "2030-01-01")
                        .visa("V-2", 1, 30, "2025-05-01", "2025-08-31")
                        .build(),
                entry("t3-e", "2025-06-15T08:00")
                        .file("T3")
                        .document("D3", "2025-06-14")
                        .build(),
                entry("t6-e", "2025-06-20T08:00")
                        .file("T6")
                        .document("D6", "2030-01-01")
                        .build());
    }

    @Test
    @Timeout(120)
    void theRulesFlagWhatTheScenarioPlanted() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // A failing job fails the test instead of restarting forever.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<BorderCrossing> input = env.fromData(crossings(), new AvroTypeInfo<>(BorderCrossing.class))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<BorderCrossing>forGenerator(context -> new EveryEvent(Duration.ofMinutes(5)))
                                .withTimestampAssigner((crossing, previous) ->
                                        crossing.getEventTime().toEpochMilli()));

        List<String> flags = new ArrayList<>();
        // Partitioned by file id, as the job's admission hands them over.
        try (CloseableIterator<RiskFlag> out = TravellerRules.apply(
                        input.keyBy(c -> c.getTraveller().getFileId(), Types.STRING),
                        RiskSettings.local(CONFIG),
                        Crossings.BCPS,
                        new DeadLetterStreams())
                .executeAndCollect("traveller rules")) {
            out.forEachRemaining(f -> flags.add(f.getFlagId() + " " + f.getStatus() + " r" + f.getRevision()));
        }

        assertEquals(
                List.of(
                        "R3:t1-x RAISED r0",
                        // T1 left two days after the R4 deadline: raised when the watermark passed it, then withdrawn.
                        "R4:t1-e RAISED r0",
                        "R4:t1-e WITHDRAWN r1",
                        "R5:t2-e2 RAISED r0",
                        "R6:t3-e RAISED r0",
                        "R7:t4-x RAISED r0",
                        "R8:t5-x RAISED r0"),
                flags.stream().sorted().toList());
    }

    /** A watermark after every event, so deadlines inside the data are reached by the data itself. */
    private static final class EveryEvent implements WatermarkGenerator<BorderCrossing> {
        private final long outOfOrdernessMs;
        private long maxTimestamp = Long.MIN_VALUE;

        EveryEvent(Duration outOfOrderness) {
            this.outOfOrdernessMs = outOfOrderness.toMillis();
        }

        @Override
        public void onEvent(BorderCrossing event, long timestamp, WatermarkOutput output) {
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMs));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Emitted per event.
        }
    }
}
