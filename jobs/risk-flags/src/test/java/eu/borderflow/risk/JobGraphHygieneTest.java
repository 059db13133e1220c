package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.ingest.AlertChangeAdmission;
import eu.borderflow.job.ingest.CrossingAdmission;
import eu.borderflow.job.ingest.DeadLetterSizeLimit;
import eu.borderflow.job.ingest.DeadLetterSplit;
import eu.borderflow.risk.alerts.AlertReviewTimers;
import eu.borderflow.risk.alerts.AlertVersionRouter;
import eu.borderflow.risk.alerts.ChangelogEnd;
import eu.borderflow.risk.alerts.CrossingEventClock;
import eu.borderflow.risk.alerts.DocumentAlertJoin;
import eu.borderflow.risk.alerts.PersonAlertMatcher;
import eu.borderflow.risk.alerts.PersonFlagAssembler;
import eu.borderflow.risk.sink.FlagAudit;
import eu.borderflow.risk.traveller.DocumentProjection;
import eu.borderflow.risk.traveller.DocumentSequenceOperator;
import eu.borderflow.risk.traveller.TravellerFileOperator;
import eu.borderflow.risk.traveller.TravellerProjection;
import eu.borderflow.schema.RiskFlag;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The job as deployed (Kafka in and out, every rule): every operator has a stable uid, so a savepoint restores into
 * a new version of the job, and a name; no record between operators falls back to Kryo; and what is shipped to the
 * TaskManagers is bound configuration only: no operator holds a {@link ConfigLoader}, a path or a file, and no
 * class of the project that an operator holds looks up an environment variable or the configuration files.
 */
class JobGraphHygieneTest {

    /** What a TaskManager must never be handed, or call. */
    private static final List<Class<?>> FORBIDDEN_TYPES = List.of(ConfigLoader.class, Path.class, File.class);

    private static final List<String> FORBIDDEN_REFERENCES = List.of(
            "getenv", "getProperty", "eu/borderflow/config/ConfigLoader", "eu/borderflow/privacy/PseudonymiserFactory");

    @Test
    void everyOperatorHasAUniqueUidAndANameAndNoEdgeUsesKryo() {
        StreamGraph graph = deployedGraph();

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

    @Test
    void operatorsHoldBoundSettingsOnlyNoConfigLoaderPathOrEnvironmentLookup() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> projectClasses = new HashSet<>();
        for (StreamNode node : deployedGraph().getStreamNodes()) {
            walk(
                    node.getOperatorFactory(),
                    node.getOperatorName(),
                    Collections.newSetFromMap(new IdentityHashMap<>()),
                    projectClasses,
                    problems);
        }
        assertTrue(projectClasses.size() > 20, "the walk reached the project's operators: " + projectClasses);
        for (Class<?> type : projectClasses) {
            for (Class<?> c = type; c != null && c.getName().startsWith("eu.borderflow."); c = c.getSuperclass()) {
                String constants = constantPool(c);
                for (String reference : FORBIDDEN_REFERENCES) {
                    if (constants.contains(reference)) {
                        problems.add(c.getName() + " refers to " + reference);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Operators whose outputs leaving their chain are sparse flush each record and start no output flusher
     * ({@code SparseOutput}); the per-crossing exchanges keep the environment's buffer timeout, where a flush per record
     * would cost the throughput. Every operator that emits flags must be among the first.
     */
    @Test
    void sparseOutputsFlushEachRecordAndPerCrossingOutputsKeepTheBufferTimeout() {
        long configured = JobEnvironment.load(ConfigLoader.defaults(), JobEnvironment.CLUSTER)
                .getJob()
                .getBufferTimeout()
                .toMillis();
        Set<String> sparse = Set.of(
                TravellerFileOperator.UID,
                DocumentSequenceOperator.UID,
                DocumentAlertJoin.UID,
                PersonAlertMatcher.UID,
                PersonFlagAssembler.UID,
                AlertReviewTimers.UID,
                AlertVersionRouter.Target.DOCUMENT.uid(),
                AlertVersionRouter.Target.PERSON.uid(),
                AlertChangeAdmission.UID,
                DeadLetterSplit.uid("sis.alerts"),
                ChangelogEnd.UID,
                CrossingEventClock.UID,
                "flag-metrics",
                FlagAudit.UID,
                DeadLetterSizeLimit.UID);
        Set<String> perCrossing = Set.of(
                DeadLetterSplit.uid("ees.crossings"),
                CrossingAdmission.UID,
                TravellerProjection.UID,
                DocumentProjection.UID,
                "alerts-r1-document-probes",
                "alerts-r2-r9-person-probes");
        Map<String, Long> timeouts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> flagEmitters = new ArrayList<>();
        for (StreamNode node : deployedGraph().getStreamNodes()) {
            String uid = node.getTransformationUID();
            timeouts.put(uid, node.getBufferTimeout());
            boolean emitsFlags =
                    node.getTypeSerializerOut() instanceof AvroSerializer<?> avro && avro.getType() == RiskFlag.class;
            if (emitsFlags) {
                flagEmitters.add(uid);
                if (!sparse.contains(uid)) {
                    problems.add("emits flags, not flushed per record: " + uid);
                }
            }
        }
        assertTrue(flagEmitters.size() >= 6, "the operators that emit flags were found: " + flagEmitters);
        assertTrue(timeouts.keySet().containsAll(sparse), "every sparse operator is in the job: " + timeouts);
        assertTrue(
                timeouts.keySet().containsAll(perCrossing), "every per-crossing operator is in the job: " + timeouts);
        for (String uid : sparse) {
            if (timeouts.get(uid) != 0) {
                problems.add("sparse, buffered for " + timeouts.get(uid) + " ms: " + uid);
            }
        }
        for (String uid : perCrossing) {
            if (timeouts.get(uid) != configured) {
                problems.add("per crossing, buffer timeout " + timeouts.get(uid) + " ms: " + uid);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The check itself finds what it looks for: a class that reads the environment is reported. */
    @Test
    void theBytecodeCheckSeesAnEnvironmentLookup() throws IOException {
        assertTrue(constantPool(RiskSettings.class).contains("getenv"));
        assertFalse(constantPool(JobGraphHygieneTest.Clean.class).contains("getenv"));
    }

    private static StreamGraph deployedGraph() {
        ConfigLoader config = ConfigLoader.defaults();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.CLUSTER);
        RiskFlagJob.configure(env, environment, Path.of(System.getProperty("java.io.tmpdir")));
        KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
        RiskFlagJob.builder(RiskSettings.bind(config, "a-key-that-is-not-the-demo-key", false))
                .kafka(kafka)
                .rules(RiskFlagJob.defaultRules())
                .build()
                .addTo(env);
        return env.getStreamGraph();
    }

    private static void walk(
            Object object, String where, Set<Object> seen, Set<Class<?>> projectClasses, List<String> problems)
            throws IllegalAccessException {
        if (object == null || !seen.add(object) || object instanceof Class || object instanceof ClassLoader) {
            return;
        }
        Class<?> type = object.getClass();
        for (Class<?> forbidden : FORBIDDEN_TYPES) {
            if (forbidden.isInstance(object)) {
                problems.add(where + " holds a " + forbidden.getSimpleName());
            }
        }
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(object); i++) {
                    walk(Array.get(object, i), where, seen, projectClasses, problems);
                }
            }
            return;
        }
        if (object instanceof Collection<?> items) {
            for (Object item : items) {
                walk(item, where, seen, projectClasses, problems);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), where, seen, projectClasses, problems);
                walk(entry.getValue(), where, seen, projectClasses, problems);
            }
            return;
        }
        if (type.getName().startsWith("java.") || type.getName().startsWith("jdk.")) {
            return;
        }
        if (type.getName().startsWith("eu.borderflow.")) {
            projectClasses.add(type);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        || field.getType().isPrimitive()
                        || !field.trySetAccessible()) {
                    continue;
                }
                walk(field.get(object), where + "." + field.getName(), seen, projectClasses, problems);
            }
        }
    }

    /** The class file's bytes as Latin-1 text: its constant pool names every method and class it refers to. */
    private static String constantPool(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A class with no lookups, for the negative check. */
    private static final class Clean {}
}
