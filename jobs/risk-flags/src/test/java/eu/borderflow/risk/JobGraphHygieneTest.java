package eu.borderflow.risk;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job as deployed (Kafka in and out, every rule): every operator has a stable uid, so a savepoint restores into
 * a new version of the job, and a name; no record between operators falls back to Kryo.
 */
class JobGraphHygieneTest {

    @Test
    void everyOperatorHasAUniqueUidAndANameAndNoEdgeUsesKryo() {
        ConfigLoader config = ConfigLoader.defaults();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.CLUSTER);
        RiskFlagJob.configure(env, environment.getJob());
        KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
        RiskFlagJob.builder(config)
                .rawCrossings(kafka.crossings(), kafka.topics().getCrossings())
                .rawAlerts(kafka.alerts(), kafka.topics().getAlerts())
                .rules(RiskFlagJob.defaultRules())
                .flags(kafka.flags())
                .deadLetters(kafka.deadLetters())
                .audit(kafka.audit())
                .build()
                .addTo(env);
        StreamGraph graph = env.getStreamGraph();

        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
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
            for (TypeSerializer<?> in : node.getTypeSerializersIn()) {
                if (in instanceof KryoSerializer) {
                    problems.add("Kryo input: " + node.getOperatorName());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(uids.size() > 20, "the whole job was built: " + uids.size() + " operators");
    }
}
