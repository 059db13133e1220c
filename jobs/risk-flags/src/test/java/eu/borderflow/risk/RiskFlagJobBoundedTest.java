package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.testing.RawRecord;
import eu.borderflow.job.testing.RawSources;
import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.risk.testing.RefusalTestStage;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The bounded job on a MiniCluster (parallelism 2) over a small dataset plus raw Kafka-like records. */
class RiskFlagJobBoundedTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final String RAW_TOPIC = "ees.crossings";

    @TempDir
    Path dir;

    @Test
    void flagsDeadLettersAndAuditOfASmallDataset() throws Exception {
        Path dataset = writeDataset(dir.resolve("dataset"));
        Path out = Files.createDirectories(dir.resolve("out"));
        run(dataset, out);

        // Planted: refusals e2 (sent twice) and e5 (raw), alert A1; e3 has an unknown BCP, A2 is not synthetic.
        List<RiskFlag> flags = read(RiskFlag.class, out.resolve(DatasetFiles.FLAGS));
        assertEquals(
                List.of("T1:e2", "T1:e5", "T2:A1"),
                flags.stream().map(RiskFlag::getFlagId).sorted().toList());

        List<DeadLetter> letters = read(DeadLetter.class, out.resolve(DatasetFiles.DEAD_LETTERS));
        assertEquals(
                Set.of(
                        RAW_TOPIC + "/0/0 UNDECODABLE",
                        RAW_TOPIC + "/0/1 UNKNOWN_FINGERPRINT",
                        "crossings.avro/-1/3 VALIDATION_UNKNOWN_BCP",
                        "alerts.avro/-1/1 VALIDATION_NOT_SYNTHETIC"),
                letters.stream()
                        .map(d -> d.getSourceTopic() + "/" + d.getSourcePartition() + "/" + d.getSourceOffset() + " "
                                + d.getReasonCode())
                        .collect(Collectors.toSet()));
        assertEquals(4, letters.size());
        assertTrue(letters.stream().allMatch(d -> d.getJob().equals(RiskFlagJob.JOB)), letters.toString());

        List<AuditRecord> audit = read(AuditRecord.class, out.resolve(DatasetFiles.AUDIT));
        assertEquals(3, audit.size());
        for (AuditRecord record : audit) {
            RiskFlag flag = flags.stream()
                    .filter(f -> f.getFlagId().equals(record.getRecordIds().get(0)))
                    .findFirst()
                    .orElseThrow();
            assertEquals(List.of(flag.getFlagId(), flag.getTriggerEventId()), record.getRecordIds());
            assertEquals(AuditAction.FLAG_RAISED, record.getAction());
            assertEquals(flag.getEventTime(), record.getAt());
            assertEquals("risk-flag-job", record.getActor());
            assertEquals("system", record.getRole());
        }
    }

    @Test
    void sameDatasetGivesTheSameBytes() throws Exception {
        Path dataset = writeDataset(dir.resolve("dataset"));
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        run(dataset, first);
        run(dataset, second);
        for (String file : List.of(DatasetFiles.FLAGS, DatasetFiles.DEAD_LETTERS, DatasetFiles.AUDIT)) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    private static void run(Path dataset, Path out) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobSetup.configureTypes(env);
        RiskFlagJob.builder(RiskSettings.local(ConfigLoader.defaults()))
                .crossings(DatasetFiles.crossings(dataset), DatasetFiles.CROSSINGS)
                .crossings(RawSources.of(rawRecords()), RAW_TOPIC)
                .alerts(DatasetFiles.alerts(dataset), DatasetFiles.ALERTS)
                .rules(List.of(RefusalTestStage.stage()))
                .knownBcps(TestRecords.BCPS)
                .flags(DatasetFiles.flags(out))
                .deadLetters(DatasetFiles.deadLetters(out))
                .audit(DatasetFiles.audit(out))
                .sinkParallelism(1)
                .build()
                .addTo(env);
        env.execute("bounded test");
    }

    private static Path writeDataset(Path dataset) throws Exception {
        Files.createDirectories(dataset);
        BorderCrossing e2 = TestRecords.crossing("e2", CrossingKind.REFUSAL, TestRecords.T0.plusSeconds(60))
                .build();
        write(
                BorderCrossing.class,
                dataset.resolve(DatasetFiles.CROSSINGS),
                List.of(
                        TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0)
                                .build(),
                        e2,
                        BorderCrossing.newBuilder(e2)
                                .setIngestTime(e2.getIngestTime().plus(Duration.ofHours(1)))
                                .build(),
                        TestRecords.crossing("e3", CrossingKind.REFUSAL, TestRecords.T0.plusSeconds(120))
                                .setBcpCode("XXNOPE")
                                .build(),
                        TestRecords.crossing("e4", CrossingKind.EXIT, TestRecords.T0.plusSeconds(180))
                                .build()));
        AlertChange a1 =
                TestRecords.objectAlert("A1", TestRecords.T0.minusSeconds(3600)).build();
        write(
                AlertChange.class,
                dataset.resolve(DatasetFiles.ALERTS),
                List.of(
                        a1,
                        AlertChange.newBuilder(a1)
                                .setAlertId("A2")
                                .setSynthetic(false)
                                .build()));
        return dataset;
    }

    private static List<RawRecord> rawRecords() {
        byte[] valid = SingleObjectSerde.of(BorderCrossing.class)
                .encode(TestRecords.crossing("e5", CrossingKind.REFUSAL, TestRecords.T0.plusSeconds(240))
                        .build());
        byte[] foreign = valid.clone();
        for (int i = 2; i < 10; i++) {
            foreign[i] = (byte) ~foreign[i];
        }
        long ts = TestRecords.T0.toEpochMilli();
        return List.of(
                new RawRecord(RAW_TOPIC, 0, 0, ts, null, "garbage".getBytes(StandardCharsets.UTF_8)),
                new RawRecord(RAW_TOPIC, 0, 1, ts, null, foreign),
                new RawRecord(RAW_TOPIC, 0, 2, ts, "F-e5".getBytes(StandardCharsets.UTF_8), valid));
    }

    private static <T extends SpecificRecord> void write(Class<T> type, Path file, List<T> records) throws Exception {
        try (DataFileWriter<T> writer =
                AvroFiles.create(type, file, file.getFileName().toString())) {
            for (T record : records) {
                writer.append(record);
            }
        }
    }

    private static <T extends SpecificRecord> List<T> read(Class<T> type, Path file) throws Exception {
        List<T> records = new ArrayList<>();
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            in.forEach(records::add);
        }
        return records;
    }
}
