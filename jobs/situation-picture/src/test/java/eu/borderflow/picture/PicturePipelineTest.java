package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.picture.output.PictureTopic;
import eu.borderflow.picture.testing.FailOnceSink;
import eu.borderflow.picture.testing.PacedSource;
import eu.borderflow.picture.testing.TestWorld;
import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.Evaluation;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.EvaluationReport;
import eu.borderflow.tools.evaluate.TopicSnapshot;
import eu.borderflow.tools.kafka.TestBroker;
import eu.borderflow.tools.kafka.TopicSetup;
import eu.borderflow.tools.kafka.TopicsConfig;
import eu.borderflow.tools.replay.ReplayOptions;
import eu.borderflow.tools.replay.ReplayReport;
import eu.borderflow.tools.replay.Replayer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The picture job as deployed, through a broker (the real one of {@code ops/borderflow test} when
 * BORDERFLOW_TEST_BOOTSTRAP is set, else one inside this JVM): the test world replayed into its topics, the job with
 * its Kafka sources (crossings read at most one a millisecond, so the input spans several checkpoints as a live
 * stream does) and exactly-once sinks on a MiniCluster, failing once after a checkpoint and restoring from it.
 * Committed output: every picture revision and every R11 flag revision exactly once; late reports revise published
 * windows; the latest revision of every window equals the settled picture of a bounded run over the same files; and
 * R11 scores 1.000 against the ground truth.
 */
class PicturePipelineTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final ConfigLoader CONFIG = ConfigLoader.defaults();
    private static TestBroker broker;
    private static String bootstrap;

    @BeforeAll
    static void broker() throws Exception {
        broker = TestBroker.startOrShareExternal();
        bootstrap = broker.bootstrap();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void theStreamedPictureConvergesToTheSettledOneExactlyOnceAcrossAFailure() throws Exception {
        Path world = TestWorld.dataset();
        JobEnvironment environment = JobEnvironment.load(CONFIG, JobEnvironment.LOCAL);
        TopicNames topics = environment.getTopics();
        recreate(TopicsConfig.load(CONFIG));
        StringWriter status = new StringWriter();
        ReplayReport replayed = new Replayer(ReplayOptions.builder(world, bootstrap, topics)
                        .status(new PrintWriter(status))
                        .build())
                .run();
        assertEquals(0, replayed.failed(), status.toString());

        KafkaSettings kafka = environment.kafkaAs(environment.getPicture());
        kafka.setBootstrapServers(bootstrap);
        kafka.setGroupId("picture-pipeline-test");
        kafka.setTransactionalIdPrefix("picture-pipeline-test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration()
                .set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1)
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200)));
        JobSetup.configureTypes(env);
        env.enableCheckpointing(Duration.ofSeconds(1).toMillis());
        env.setParallelism(2);
        KafkaEndpoints endpoints = KafkaEndpoints.untilEndAtStart(kafka, topics);
        SituationPictureJob.builder(PictureSettings.bind(CONFIG))
                .crossings(ingest -> new PacedSource<>(endpoints.crossings().create(ingest)), topics.getCrossings())
                .incidents(endpoints.input(topics.getIncidents()), topics.getIncidents())
                .riskFlags(endpoints.input(topics.getFlags()), topics.getFlags())
                .levels(endpoints.input(topics.getSectionLevels()), topics.getSectionLevels())
                .picture(FailOnceSink.wrap(endpoints.sink(PictureTopic.serializer(topics.getPicture()), "picture")))
                .flags(endpoints.flags())
                .deadLetters(endpoints.deadLetters())
                .build()
                .addTo(env);
        env.execute("picture pipeline test");
        assertTrue(FailOnceSink.failed(), "the job failed once and restored from a checkpoint");

        TopicSnapshot<PictureUpdate> picture =
                TopicSnapshot.read(bootstrap, java.util.Map.of(), topics.getPicture(), PictureUpdate.class);
        assertEquals(0, picture.undecodable());
        Map<String, Long> copies = picture.records().stream()
                .collect(
                        Collectors.groupingBy(p -> PictureTopic.key(p) + "#" + p.getRevision(), Collectors.counting()));
        assertEquals(
                List.of(),
                copies.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .limit(5)
                        .toList(),
                "no revision committed twice");
        Map<String, PictureUpdate> latest = new TreeMap<>();
        for (PictureUpdate p : picture.records()) {
            latest.merge(PictureTopic.key(p), p, (a, b) -> b.getRevision() > a.getRevision() ? b : a);
        }
        Map<String, Long> versions =
                picture.records().stream().collect(Collectors.groupingBy(PictureTopic::key, Collectors.counting()));
        for (PictureUpdate p : latest.values()) {
            assertEquals(
                    p.getRevision() + 1,
                    versions.get(PictureTopic.key(p)),
                    "revisions 0.." + p.getRevision() + " of " + PictureTopic.key(p) + ", none missing");
        }
        assertTrue(latest.values().stream().anyMatch(p -> p.getRevision() > 0), "late reports revised windows");

        Path settled = TestWorld.settledPicture((dataset, out) -> () -> {
            BoundedPicture.run(dataset, null, out);
            return null;
        });
        Map<String, PictureUpdate> expected = new TreeMap<>();
        for (PictureUpdate p : BoundedPicture.picture(settled)) {
            expected.put(PictureTopic.key(p), p);
        }
        assertEquals(List.of(), firstMissing(expected.keySet(), latest.keySet()), "settled windows not streamed");
        assertEquals(List.of(), firstMissing(latest.keySet(), expected.keySet()), "streamed windows not settled");
        List<String> differing = expected.keySet().stream()
                .filter(k -> !withoutRevision(expected.get(k)).equals(withoutRevision(latest.get(k))))
                .toList();
        assertEquals(
                List.of(),
                differing.subList(0, Math.min(5, differing.size())),
                "the latest revision of each window is the settled window; first: "
                        + (differing.isEmpty()
                                ? ""
                                : expected.get(differing.get(0)) + " vs " + latest.get(differing.get(0))));

        TopicSnapshot<RiskFlag> flags = EvaluationInputs.flagTopic(bootstrap, topics.getFlags());
        assertEquals(
                flags.records().size(),
                flags.records().stream()
                        .map(f -> f.getFlagId() + "#" + f.getRevision())
                        .distinct()
                        .count(),
                "no flag revision committed twice");
        List<GroundTruthEntry> truth = EvaluationInputs.groundTruth(world).stream()
                .filter(e -> e.getRuleId().equals(SectionPressureRule.ID))
                .toList();
        EvaluationReport report = Evaluation.evaluate(truth, flags.records());
        assertEquals(List.of(), report.misses());
        assertEquals(List.of(), report.falseAlarms());
        assertEquals(
                Set.copyOf(BoundedPicture.flags(settled).stream()
                        .map(RiskFlag::getFlagId)
                        .toList()),
                Set.copyOf(flags.records().stream().map(RiskFlag::getFlagId).toList()));
    }

    private static List<String> firstMissing(Set<String> these, Set<String> in) {
        return these.stream().filter(k -> !in.contains(k)).limit(5).toList();
    }

    private static PictureUpdate withoutRevision(PictureUpdate p) {
        return PictureUpdate.newBuilder(p).setRevision(0).build();
    }

    private static void recreate(TopicsConfig topics) throws Exception {
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> ours =
                    topics.topics().keySet().stream().filter(existing::contains).toList();
            admin.deleteTopics(ours).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(ours::contains)) {
                Thread.sleep(100);
            }
        }
        TopicSetup.apply(bootstrap, topics);
    }
}
