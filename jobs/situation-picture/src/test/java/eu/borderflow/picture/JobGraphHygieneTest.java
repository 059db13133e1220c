package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.ingest.CrossingAdmission;
import eu.borderflow.job.ingest.DeadLetterSizeLimit;
import eu.borderflow.job.ingest.DeadLetterSplit;
import eu.borderflow.picture.ingest.SectionEvents;
import eu.borderflow.picture.output.PictureRevisions;
import eu.borderflow.picture.pressure.SectionPressureWindow;
import eu.borderflow.picture.window.DataClock;
import eu.borderflow.picture.window.SectionHourWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The picture job as deployed (every Kafka input and output of the cluster environment): every operator has a stable
 * uid, so a savepoint restores into a new version of the job, and a name; no record between operators falls back to
 * Kryo; its transactional ids are its own.
 */
class JobGraphHygieneTest {

    private static final JobEnvironment ENVIRONMENT =
            JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.CLUSTER);

    @Test
    void everyOperatorHasAUniqueUidAndANameAndNoEdgeUsesKryo() {
        StreamGraph graph = deployedGraph();

        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (StreamNode node : graph.getStreamNodes()) {
            String uid = node.getTransformationUID();
            if (uid == null || uid.isBlank()) {
                problems.add("no uid: " + node.getOperatorName());
            } else if (!uids.add(uid)) {
                problems.add("uid used twice: " + uid);
            }
            if (node.getOperatorName() == null || node.getOperatorName().isBlank()) {
                problems.add("no name: " + uid);
            }
            names.add(node.getOperatorName());
            for (TypeSerializer<?> in : node.getTypeSerializersIn()) {
                if (in instanceof KryoSerializer) {
                    problems.add("Kryo input: " + node.getOperatorName());
                }
            }
        }
        assertEquals(List.of(), problems);
        for (String operator : List.of(
                "section hour window",
                "section day view",
                "R11 section pressure",
                "attributed level pass-through",
                "picture revisions")) {
            assertTrue(names.contains(operator), operator + " in " + names);
        }
        assertTrue(
                uids.containsAll(List.of(
                        "source:ees.crossings",
                        "source:eurosur.incidents",
                        "source:risk.flags",
                        "source:eurosur.section.levels",
                        "picture-sink",
                        "r11-flags-sink",
                        "deadletters-sink")),
                uids.toString());
        assertNotEquals(
                ENVIRONMENT.getKafka().getTransactionalIdPrefix(),
                ENVIRONMENT.getPicture().getTransactionalIdPrefix(),
                "the risk job's transactions are not fenced");
        assertNotEquals(
                ENVIRONMENT.getKafka().getGroupId(), ENVIRONMENT.getPicture().getGroupId());
    }

    /**
     * Operators whose outputs leaving their chain are few (the inputs other than the crossings, the data clock, the
     * windows' picture updates, flags and dead letters) flush each record and start no output flusher thread, which
     * would wake every buffer timeout whatever the traffic; the per-crossing exchanges keep the buffer timeout.
     */
    @Test
    void sparseOutputsFlushEachRecordAndPerCrossingOutputsKeepTheBufferTimeout() {
        long configured =
                ENVIRONMENT.jobAs(ENVIRONMENT.getPicture()).getBufferTimeout().toMillis();
        var topics = ENVIRONMENT.getTopics();
        Set<String> sparse = Set.of(
                DeadLetterSplit.uid(topics.getIncidents()),
                SectionEvents.INCIDENTS_UID,
                DeadLetterSplit.uid(topics.getFlags()),
                SectionEvents.FLAGS_UID,
                DeadLetterSplit.uid(topics.getSectionLevels()),
                DataClock.UID,
                SectionHourWindow.UID,
                SectionPressureWindow.UID,
                PictureRevisions.UID,
                "flag-metrics",
                DeadLetterSizeLimit.UID);
        Set<String> perCrossing =
                Set.of(DeadLetterSplit.uid(topics.getCrossings()), CrossingAdmission.UID, SectionEvents.CROSSINGS_UID);
        Map<String, Long> timeouts = new TreeMap<>();
        for (StreamNode node : deployedGraph().getStreamNodes()) {
            timeouts.put(node.getTransformationUID(), node.getBufferTimeout());
        }
        assertTrue(configured > 0, "a buffer timeout is configured: " + configured);
        List<String> problems = new ArrayList<>();
        for (String uid : sparse) {
            if (!Long.valueOf(0).equals(timeouts.get(uid))) {
                problems.add("sparse, buffer timeout " + timeouts.get(uid) + ": " + uid);
            }
        }
        for (String uid : perCrossing) {
            if (!Long.valueOf(configured).equals(timeouts.get(uid))) {
                problems.add("per crossing, buffer timeout " + timeouts.get(uid) + ": " + uid);
            }
        }
        assertEquals(List.of(), problems, timeouts.toString());
    }

    private static StreamGraph deployedGraph() {
        ConfigLoader config = ConfigLoader.defaults();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SituationPictureJob.configure(env, ENVIRONMENT, Path.of("."));
        SituationPictureJob.kafka(
                        SituationPictureJob.builder(PictureSettings.bind(config)),
                        KafkaEndpoints.streaming(
                                ENVIRONMENT.kafkaAs(ENVIRONMENT.getPicture()), ENVIRONMENT.getTopics()))
                .build()
                .addTo(env);
        return env.getStreamGraph();
    }
}
