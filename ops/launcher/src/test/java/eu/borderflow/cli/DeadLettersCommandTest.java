package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the dead-letter runbook asks a person to read: counts by reason, job and source, then the newest with their
 * reason and coordinates, from a run's folder or a topic; the rejected bytes (restricted: raw names and document
 * numbers) never.
 */
class DeadLettersCommandTest {

    /** What a rejected crossing's bytes may hold, and the output must not. */
    private static final String NAME = "SHEVCHENKO";

    private static final String DOCUMENT = "PX7741920";

    @TempDir
    Path dir;

    @Test
    void countsThenPrintsTheNewestWithTheirReasonAndWhereTheyCameFromButNeverTheirBytes() throws Exception {
        TestFiles.write(DeadLetter.class, dir.resolve("deadletters.avro"), letters());
        TestFiles.Run run = TestFiles.run("deadletters", "--from", dir.toString(), "--last", "2");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(
                "3 dead letters; per reason: {LATE=1, UNDECODABLE=1, VALIDATION_RECORD_TIME=1}; per job: "
                        + "{risk-flag-job=2, situation-picture-job=1}; per source: {ees.crossings=3}",
                lines[0]);
        assertTrue(
                lines[1].contains("LATE") && lines[1].contains("ees.crossings@17") && lines[1].contains("E-3"),
                lines[1]);
        assertTrue(lines[2].contains("arrived after the watermark"), lines[2]);
        assertTrue(lines[3].contains("VALIDATION_RECORD_TIME") && lines[3].contains("ees.crossings/2@1940"), lines[3]);
        assertEquals(5, lines.length, "--last 2 prints two: " + run.out());
        assertFalse(run.out().contains(NAME) || run.out().contains(DOCUMENT), "no restricted bytes: " + run.out());

        TestFiles.Run late = TestFiles.run("deadletters", "--from", dir.toString(), "--reason", "UNDECODABLE");
        assertTrue(late.out().contains("1 with reason UNDECODABLE"), late.out());
        assertTrue(late.out().contains("ees.crossings/3@1900") && late.out().contains("18 B"), late.out());
        assertFalse(late.out().contains("LATE "), late.out());

        TestFiles.Run lowerCase = TestFiles.run("deadletters", "--from", dir.toString(), "--reason", "undecodable");
        assertTrue(lowerCase.out().contains("1 with reason undecodable"), lowerCase.out());
        TestFiles.Run unknown = TestFiles.run("deadletters", "--from", dir.toString(), "--reason", "UNDECIDABLE");
        assertTrue(
                unknown.out()
                        .contains("0 with reason UNDECIDABLE (the reasons here: LATE, UNDECODABLE,"
                                + " VALIDATION_RECORD_TIME; docs/CONTRACTS.md lists every code)"),
                unknown.out());
    }

    @Test
    void readsTheCommittedDeadLettersOfATopicAndSaysWhatItSkipped() throws Exception {
        try (TestBroker broker = TestBroker.startOrShareExternal()) {
            String topic = "borderflow.deadletters." + UUID.randomUUID();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                        .all()
                        .get();
            }
            SingleObjectSerde<DeadLetter> serde = SingleObjectSerde.of(DeadLetter.class);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (DeadLetter letter : letters()) {
                    producer.send(new ProducerRecord<>(topic, serde.encode(letter)));
                }
                producer.send(new ProducerRecord<>(topic, "not a dead letter".getBytes(StandardCharsets.UTF_8)));
            }
            TestFiles.Run run = TestFiles.run("deadletters", "--from", topic, "--bootstrap", broker.bootstrap());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("3 dead letters; per reason: {LATE=1,"), run.out());
            assertTrue(run.err().contains("skipped 1 records of " + topic + " that are not DeadLetters"), run.err());
            assertFalse(run.out().contains(NAME) || run.out().contains(DOCUMENT), run.out());
        }
    }

    @Test
    void aMissingFileOrANegativeCountIsAUserError() {
        TestFiles.Run missing =
                TestFiles.run("deadletters", "--from", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
        TestFiles.Run negative = TestFiles.run("deadletters", "--from", dir.toString(), "--last", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--last must be 0 or more"), negative.err());
    }

    /** In the order a job writes them: an undecodable record, a time from the future, a late crossing. */
    private static List<DeadLetter> letters() {
        byte[] restricted = (NAME + " " + DOCUMENT).getBytes(StandardCharsets.UTF_8);
        return List.of(
                DeadLetters.builder(
                                "risk-flag-job",
                                "ees.crossings",
                                3,
                                1900,
                                1_737_000_000_000L,
                                "F-1".getBytes(StandardCharsets.UTF_8),
                                "hello, not avro".getBytes(StandardCharsets.UTF_8))
                        .reason("UNDECODABLE", "not an Avro single-object message")
                        .operator("source:ees.crossings")
                        .build(),
                DeadLetters.builder("risk-flag-job", "ees.crossings", 2, 1940, 3_124_137_600_000L, null, restricted)
                        .reason("VALIDATION_RECORD_TIME", "event_time is more than PT5M after the record's timestamp")
                        .operator("source:ees.crossings")
                        .eventId("E-2")
                        .build(),
                DeadLetters.builder(
                                "situation-picture-job",
                                "ees.crossings",
                                DeadLetters.NO_PARTITION,
                                17,
                                1_737_000_100_000L,
                                null,
                                restricted)
                        .reason(DeadLetters.LATE, "arrived after the watermark by more than the allowed lateness")
                        .operator("crossings: drop re-sent, dead-letter late")
                        .eventId("E-3")
                        .build());
    }
}
