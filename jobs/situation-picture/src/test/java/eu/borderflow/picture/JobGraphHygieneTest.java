package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    @Test
    void everyOperatorHasAUniqueUidAndANameAndNoEdgeUsesKryo() {
        ConfigLoader config = ConfigLoader.defaults();
        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.CLUSTER);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SituationPictureJob.configure(env, environment, Path.of("."));
        SituationPictureJob.kafka(
                        SituationPictureJob.builder(PictureSettings.bind(config)),
                        KafkaEndpoints.streaming(
                                environment.kafkaAs(environment.getPicture()), environment.getTopics()))
                .build()
                .addTo(env);
        StreamGraph graph = env.getStreamGraph();

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
                environment.getKafka().getTransactionalIdPrefix(),
                environment.getPicture().getTransactionalIdPrefix(),
                "the risk job's transactions are not fenced");
        assertNotEquals(
                environment.getKafka().getGroupId(), environment.getPicture().getGroupId());
    }
}
