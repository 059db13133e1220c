package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.tools.kafka.TopicSpec;
import eu.borderflow.tools.kafka.TopicsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.CheckpointingOptions;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of ops/k8s, checked for what they promise: each job as a FlinkDeployment in
 * application mode with savepoint upgrades, resources, Avro's fast reader on the TaskManagers and a metrics port that
 * matches the Prometheus reporter, running
 * the jar and entry class the build makes, from the image the Dockerfile builds; and the topics of
 * config/topics.yaml as Strimzi KafkaTopics with the same partitions and configs `ops/borderflow topics` sets.
 */
class KubernetesManifestsTest {

    private static final Path DIR = LocalPlatform.ROOT.resolve("ops/k8s");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void theRiskJobIsAnApplicationDeploymentUpgradedBySavepoint() throws IOException {
        assertApplicationDeployment("risk-flags.yaml", DeployableJob.RISK, "risk-flags", true);
    }

    @Test
    void thePictureJobIsAnApplicationDeploymentUpgradedBySavepoint() throws IOException {
        assertApplicationDeployment("situation-picture.yaml", DeployableJob.PICTURE, "situation-picture", false);
    }

    /**
     * {@code file} runs {@code job} from the image the Dockerfile builds with {@code --build-arg JOB=<module>}, in the
     * environment `kubernetes`, whose checkpoint storage is in the manifest's bucket; only the risk job gets the
     * pseudonymisation key.
     */
    private void assertApplicationDeployment(String file, DeployableJob expected, String module, boolean tokenKey)
            throws IOException {
        JsonNode deployment = only(documents(file), "FlinkDeployment");
        assertEquals("flink.apache.org/v1beta1", deployment.path("apiVersion").asText());
        JsonNode spec = deployment.path("spec");
        JsonNode job = spec.path("job");
        assertFalse(job.isMissingNode(), "a job in the spec: application mode");
        assertEquals("savepoint", job.path("upgradeMode").asText());
        assertEquals("running", job.path("state").asText());
        assertEquals(expected.entryClass(), job.path("entryClass").asText());
        assertTrue(job.path("parallelism").asInt() >= 1);
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asText()));
        assertEquals(List.of("--environment", "kubernetes", "--config", "/opt/borderflow/config"), args);
        assertEquals("borderflow/" + module + ":0.1.0", spec.path("image").asText());

        String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("FROM flink:2.2.1-java17"), "stock Flink 2.2.1 on Java 17");
        assertTrue(dockerfile.contains("COPY config /opt/borderflow/config"));
        String copy = dockerfile
                .lines()
                .filter(l -> l.startsWith("COPY jobs/"))
                .findFirst()
                .orElseThrow()
                .replace("${JOB}", module);
        String builtJar = copy.split(" ")[1];
        assertTrue(builtJar.equals(expected.jarPattern().replace("*", "0.1.0-SNAPSHOT")), builtJar);
        assertEquals(
                job.path("jarURI").asText().replace("local://", ""),
                copy.split(" ")[2],
                "the Dockerfile puts the jar where jarURI looks");

        for (String process : List.of("jobManager", "taskManager")) {
            JsonNode resource = spec.path(process).path("resource");
            assertTrue(resource.path("memory").asText().matches("\\d+[mg]"), process + " memory");
            assertTrue(resource.path("cpu").asDouble() > 0, process + " cpu");
        }
        JsonNode flink = spec.path("flinkConfiguration");
        assertEquals(
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                flink.path("metrics.reporter.prom.factory.class").asText());
        assertTrue(
                flink.path("metrics.job.status.enable").asText().contains("STATE"),
                "flink_jobmanager_job_runningState, which the job-not-running alert reads");
        assertTrue(
                flink.path("env.java.opts.taskmanager").asText().contains("-Dorg.apache.avro.fastread=true"),
                "the TaskManagers read Avro with its fast reader, as ops/cluster's do");
        int metricsPort = flink.path("metrics.reporter.prom.port").asInt();
        JsonNode container =
                spec.path("podTemplate").path("spec").path("containers").get(0);
        assertEquals("flink-main-container", container.path("name").asText());
        JsonNode port = container.path("ports").get(0);
        assertEquals("metrics", port.path("name").asText());
        assertEquals(metricsPort, port.path("containerPort").asInt(), "the container exposes the reporter's port");
        String savepoints = flink.path("execution.checkpointing.savepoint-dir").asText();
        assertTrue(savepoints.contains("://"), "savepoints on storage that outlives the pods");
        List<String> env = container.path("env").findValuesAsText("name");
        assertEquals(tokenKey, env.contains("BORDERFLOW_TOKEN_KEY"), "the pseudonymisation key where it is needed");

        JobEnvironment environment =
                JobEnvironment.load(ConfigLoader.from(LocalPlatform.ROOT.resolve("config")), "kubernetes");
        String checkpoints = (expected == DeployableJob.PICTURE
                        ? environment.jobAs(environment.getPicture())
                        : environment.getJob())
                .flinkConfiguration(LocalPlatform.ROOT)
                .get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        assertEquals(
                flink.path("execution.checkpointing.dir").asText(),
                checkpoints,
                "the job checkpoints into the bucket the manifest names");
        assertTrue(checkpoints.startsWith(savepoints.substring(0, savepoints.lastIndexOf('/'))), checkpoints);

        JsonNode monitor = only(documents("podmonitor.yaml"), "PodMonitor");
        assertEquals(
                "metrics",
                monitor.path("spec")
                        .path("podMetricsEndpoints")
                        .get(0)
                        .path("port")
                        .asText());
    }

    @Test
    void theTopicsAreThoseOfTopicsYaml() throws IOException {
        Map<String, TopicSpec> expected = TopicsConfig.load(ConfigLoader.from(LocalPlatform.ROOT.resolve("config")))
                .topics();
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode doc : documents("topics.yaml")) {
            assertEquals("KafkaTopic", doc.path("kind").asText());
            assertEquals("kafka.strimzi.io/v1beta2", doc.path("apiVersion").asText());
            assertFalse(doc.path("metadata")
                    .path("labels")
                    .path("strimzi.io/cluster")
                    .asText()
                    .isBlank());
            topics.put(doc.path("spec").path("topicName").asText(), doc.path("spec"));
        }
        assertEquals(new TreeMap<>(expected).keySet(), topics.keySet());
        expected.forEach((name, spec) -> {
            JsonNode topic = topics.get(name);
            assertEquals(spec.partitions(), topic.path("partitions").asInt(), name + " partitions");
            Map<String, String> configs = new TreeMap<>();
            topic.path("config")
                    .fields()
                    .forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
            assertEquals(new TreeMap<>(spec.kafkaConfigs()), configs, name + " configs");
        });
    }

    private List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                yaml.readerFor(JsonNode.class).readValues(DIR.resolve(file).toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> matching =
                docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertEquals(1, matching.size(), "one " + kind);
        return matching.get(0);
    }
}
