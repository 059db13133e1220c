package eu.borderflow.cli;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.risk.RuleStage;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    /** TEST ONLY: flags every refusal, so the command's bounded mode can run without the real rules. */
    private static final RuleDescriptor REFUSALS =
            new RuleDescriptor("T1", "0.0.1", FindingKind.RISK, Set.of("kind", "event_id"));

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void boundedRunWritesTheThreeFilesAndPrintsCountsPerRule() throws Exception {
        Path dataset = writeDataset();
        Path out = dir.resolve("out");

        TestFiles.Run result = boundedRun(dataset, out);

        assertEquals(0, result.exitCode(), result.err());
        for (String file : List.of("flags.avro", "deadletters.avro", "audit.avro")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(
                result.out()
                        .lines()
                        .anyMatch(l -> List.of(l.trim().split("\\s+")).equals(List.of("T1", "2", "0"))),
                result.out());
        assertTrue(result.out().contains("dead letters: 1 {VALIDATION_UNKNOWN_BCP=1}"), result.out());
        assertTrue(result.out().contains("audit records: 2"), result.out());
    }

    @Test
    void aDatasetFileCutShortIsSaidApartFromTheDeadLetterCount() throws Exception {
        Path dataset = writeDataset();
        Path crossings = dataset.resolve("crossings.avro");
        byte[] whole = Files.readAllBytes(crossings);
        Files.write(crossings, Arrays.copyOf(whole, whole.length - 20));

        TestFiles.Run result = boundedRun(dataset, dir.resolve("out"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("dead letters: 1 {UNDECODABLE=1}"), result.out());
        assertTrue(
                result.out()
                        .contains("damaged input (its block's records are missing): crossings.avro: the file ends"
                                + " inside the block at byte"),
                result.out());
    }

    @Test
    void badInputExitsTwoWithAMessage() throws Exception {
        Path dataset = writeDataset();
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        TestFiles.Run missingIn = TestFiles.run(
                "run",
                "risk",
                "--in",
                dir.resolve("nope").toString(),
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, missingIn.exitCode());
        assertTrue(missingIn.err().contains("is not a folder"), missingIn.err());

        Files.delete(dataset.resolve("alerts.avro"));
        TestFiles.Run missingFile = TestFiles.run(
                "run",
                "risk",
                "--in",
                dataset.toString(),
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.err().contains("alerts.avro"), missingFile.err());

        TestFiles.Run unwritable = TestFiles.run(
                "run",
                "risk",
                "--in",
                writeDataset().toString(),
                "--out",
                file.resolve("sub").toString());
        assertEquals(2, unwritable.exitCode());
        assertTrue(unwritable.err().contains("cannot be written to"), unwritable.err());
        assertFalse(unwritable.err().contains("\tat "), unwritable.err());

        Path notAvro = writeDataset();
        Files.write(notAvro.resolve("crossings.avro"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        TestFiles.Run garbage = TestFiles.run(
                "run",
                "risk",
                "--in",
                notAvro.toString(),
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, garbage.exitCode(), garbage.err());
        assertTrue(
                garbage.err().contains("crossings.avro is not an Avro file of BorderCrossing records"), garbage.err());
        assertFalse(garbage.err().contains("\tat "), garbage.err());

        Path swapped = writeDataset();
        Files.copy(swapped.resolve("crossings.avro"), swapped.resolve("alerts.avro"), REPLACE_EXISTING);
        TestFiles.Run wrongRecords = TestFiles.run(
                "run",
                "risk",
                "--in",
                swapped.toString(),
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, wrongRecords.exitCode(), wrongRecords.err());
        assertTrue(
                wrongRecords.err().contains("alerts.avro holds BorderCrossing records, not AlertChange records"),
                wrongRecords.err());

        assertEquals(
                2,
                TestFiles.run("run", "risk", "--in", dataset.toString(), "--out", "")
                        .exitCode());
        TestFiles.Run wrongConfig = TestFiles.run(
                "run",
                "risk",
                "--in",
                writeDataset().toString(),
                "--out",
                dir.resolve("out").toString(),
                "--config",
                Files.createDirectories(dir.resolve("empty")).toString());
        assertEquals(2, wrongConfig.exitCode(), wrongConfig.err());
        assertTrue(wrongConfig.err().contains("holds none of borderflow's configuration"), wrongConfig.err());

        assertEquals(2, TestFiles.run("run", "risk", "--in", dataset.toString()).exitCode());
        assertEquals(2, TestFiles.run("run", "nosuchjob").exitCode());
        assertEquals(2, TestFiles.run("run", "risk", "--parallelism", "0").exitCode());
        TestFiles.Run tooWide = TestFiles.run("run", "risk", "--parallelism", "129", "--bootstrap", "127.0.0.1:1");
        assertEquals(2, tooWide.exitCode(), tooWide.err());
        assertTrue(tooWide.err().contains("parallelism 129 is above job.max_parallelism 128"), tooWide.err());
    }

    /** A second run of a job beside the first: the ports are asked before anything starts, the broker's too. */
    @Test
    void aStreamingRunWhosePortIsTakenSaysWhichAndTheOptionForAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            for (String job : List.of("risk", "picture")) {
                TestFiles.Run rest =
                        TestFiles.run("run", job, "--bootstrap", "127.0.0.1:1", "--rest-port", String.valueOf(port));
                assertEquals(2, rest.exitCode(), rest.err());
                assertTrue(
                        rest.err()
                                .contains("port " + port + " (the Flink REST API) is in use, most likely by another"
                                        + " `run` of this job"),
                        rest.err());
                assertTrue(rest.err().contains("pick another port with --rest-port"), rest.err());
                assertFalse(rest.err().contains("\tat "), rest.err());

                TestFiles.Run metrics = TestFiles.run(
                        "run",
                        job,
                        "--bootstrap",
                        "127.0.0.1:1",
                        "--rest-port",
                        "0",
                        "--metrics-port",
                        String.valueOf(port));
                assertEquals(2, metrics.exitCode(), metrics.err());
                assertTrue(
                        metrics.err().contains("port " + port + " (the Prometheus metrics) is in use"), metrics.err());
                assertTrue(metrics.err().contains("--metrics-port"), metrics.err());
            }
        }
    }

    @Test
    void aStreamingRunWithoutAUsableBrokerSaysSoInOneLine() throws Exception {
        TestFiles.Run run =
                TestFiles.run("run", "risk", "--bootstrap", "localhost", "--rest-port", "0", "--metrics-port", "0");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot use localhost as Kafka bootstrap address"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void outsideTheLocalDemoTheJobRefusesToStartWithoutAKey() throws Exception {
        assumeTrue(System.getenv(PseudonymiserFactory.KEY_ENV) == null, "the key variable is set in this shell");

        TestFiles.Run noKey = TestFiles.run(
                commandLineWithTestRules(),
                "run",
                "risk",
                "--environment",
                "cluster",
                "--in",
                writeDataset().toString(),
                "--out",
                dir.resolve("out").toString(),
                "--parallelism",
                "1");

        assertEquals(2, noKey.exitCode(), noKey.err());
        assertTrue(noKey.err().contains(PseudonymiserFactory.KEY_ENV), noKey.err());
        assertFalse(noKey.err().contains("\tat "), noKey.err());
        assertFalse(Files.exists(dir.resolve("out").resolve("flags.avro")), "nothing ran");
    }

    @Test
    void aTransactionTimeoutShorterThanTheCheckpointsNeedIsRefusedBeforeTheJobStarts() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config").resolve("environments"));
        String local = new String(
                getClass()
                        .getResourceAsStream("/borderflow-config/environments/local.yaml")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(
                config.resolve("local.yaml"),
                local.replaceFirst("transaction_timeout: \\S+", "transaction_timeout: PT2M"));

        TestFiles.Run refused = TestFiles.run(
                commandLineWithTestRules(),
                "run",
                "risk",
                "--bootstrap",
                "127.0.0.1:1",
                "--metrics-port",
                "0",
                "--config",
                config.getParent().toString());

        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("transaction_timeout PT2M must exceed"), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
    }

    private static CommandLine commandLineWithTestRules() {
        CommandLine cli = Borderflow.commandLine();
        CommandLine run = new CommandLine(new RunCommand(() -> List.of(refusalStage())));
        cli.getCommandSpec().removeSubcommand("run");
        cli.addSubcommand("run", run);
        return cli;
    }

    private static RuleStage refusalStage() {
        return (crossings, alerts, config, deadLetters) -> crossings
                .filter(c -> c.getKind() == CrossingKind.REFUSAL)
                .uid("test-refusals")
                .map(RunCommandTest::refusalFlag, new AvroTypeInfo<>(RiskFlag.class))
                .uid("test-refusal-flags");
    }

    private static RiskFlag refusalFlag(BorderCrossing c) {
        return Flags.raise(REFUSALS, c.getEventId())
                .subject("token", "test")
                .at(c.getEventTime(), c.getBcpCode(), c.getSectionId())
                .assess(Severity.LOW, "test only")
                .explain("test refusal", List.of(), List.of(c.getEventId()))
                .keepUntil(c.getRetentionUntil())
                .build();
    }

    /** {@code run risk} over {@code dataset} into {@code out}, with the test rules, at parallelism 1. */
    private static TestFiles.Run boundedRun(Path dataset, Path out) throws Exception {
        return TestFiles.run(
                commandLineWithTestRules(),
                "run",
                "risk",
                "--in",
                dataset.toString(),
                "--out",
                out.toString(),
                "--parallelism",
                "1");
    }

    private Path writeDataset() throws Exception {
        Path dataset = Files.createDirectories(Files.createTempDirectory(dir, "dataset"));
        TestFiles.write(
                BorderCrossing.class,
                dataset.resolve("crossings.avro"),
                List.of(
                        crossing("e1", CrossingKind.ENTRY, "FRA-A-CDG"),
                        crossing("e2", CrossingKind.REFUSAL, "FRA-A-CDG"),
                        crossing("e3", CrossingKind.REFUSAL, "POL-L-TRS"),
                        crossing("e4", CrossingKind.REFUSAL, "XXNOPE")));
        TestFiles.write(
                AlertChange.class,
                dataset.resolve("alerts.avro"),
                List.of(AlertChange.newBuilder()
                        .setChangeId("A1-v1")
                        .setSynthetic(true)
                        .setAlertId("A1")
                        .setVersion(1)
                        .setChange(AlertChangeType.CREATE)
                        .setEventTime(T0)
                        .setBasis(AlertBasis.OBJECT_1862_ART38)
                        .setActionOnHit(ActionOnHit.SEIZE)
                        .setIssuingState("FRA")
                        .setAuthority("FR")
                        .setValidFrom(LocalDate.of(2026, 3, 1))
                        .setReviewDate(LocalDate.of(2036, 3, 1))
                        .setFlaggedBy(List.of())
                        .setPerson(null)
                        .setObjectPart(new AlertObject(
                                ObjectStatus.STOLEN, new DocumentRef(DocumentType.PASSPORT, "PX", "USA")))
                        .setDeletionReason(null)
                        .build()));
        return dataset;
    }

    private static BorderCrossing crossing(String id, CrossingKind kind, String bcp) {
        LocalDate day = T0.atOffset(ZoneOffset.UTC).toLocalDate();
        return BorderCrossing.newBuilder()
                .setEventId(id)
                .setSynthetic(true)
                .setKind(kind)
                .setEventTime(T0)
                .setLocalDate(day)
                .setIngestTime(T0)
                .setFallbackUpload(false)
                .setBcpCode(bcp)
                .setSectionId("S")
                .setBorderType(BorderType.AIR)
                .setAuthority("X")
                .setTraveller(
                        new TravellerIdentity("F-" + id, "Testperson", "Alex", LocalDate.of(1990, 5, 17), "USA", Sex.X))
                .setDocument(new TravelDocument(DocumentType.PASSPORT, "P" + id, "USA", LocalDate.of(2031, 1, 1)))
                .setVisa(null)
                .setStayBasis(StayBasis.SHORT_STAY)
                .setBiometrics(new Biometrics("face", "fp", FingerprintStatus.CAPTURED, 0.9f))
                .setRefusalReasons(kind == CrossingKind.REFUSAL ? List.of(RefusalReason.C) : List.of())
                .setRetentionUntil(day.plusYears(3))
                .build();
    }
}
