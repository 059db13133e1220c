package eu.borderflow.cli.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.tools.kafka.TopicSpec;
import eu.borderflow.tools.kafka.TopicsConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests of ops/k8s, checked for what they promise: the risk job as a FlinkDeployment in
 * application mode with savepoint upgrades, resources and a metrics port that matches the Prometheus reporter, running
 * the jar and entry class the build makes, from the image the Dockerfile builds; and the topics of
 * config/topics.yaml as Strimzi KafkaTopics with the same partitions and configs `ops/borderflow topics` sets.
 */
class KubernetesManifestsTest {

    private static final Path DIR = LocalPlatform.ROOT.resolve("ops/k8s");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void theRiskJobIsAnApplicationDeploymentUpgradedBySavepoint() throws IOException {
        JsonNode deployment = only(documents("risk-flags.yaml"), "FlinkDeployment");
        assertEquals("flink.apache.org/v1beta1", deployment.path("apiVersion").asText());
        JsonNode spec = deployment.path("spec");
        JsonNode job = spec.path("job");
        assertFalse(job.isMissingNode(), "a job in the spec: application mode");
        assertEquals("savepoint", job.path("upgradeMode").asText());
        assertEquals("running", job.path("state").asText());
        assertEquals(DeployableJob.RISK.entryClass(), job.path("entryClass").asText());
        assertTrue(job.path("parallelism").asInt() >= 1);
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asText()));
        assertEquals(List.of("--environment", "cluster", "--config", "/opt/borderflow/config"), args);

        String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
        String jar = job.path("jarURI").asText().replace("local://", "");
        assertTrue(dockerfile.contains(" " + jar + "\n"), "the Dockerfile puts the jar at " + jar);
        assertTrue(dockerfile.contains("FROM flink:2.2.1-java17"), "stock Flink 2.2.1 on Java 17");
        assertTrue(dockerfile.contains("COPY config /opt/borderflow/config"));
        String builtJar = dockerfile.lines().filter(l -> l.startsWith("COPY jobs/")).findFirst().orElseThrow()
                .split(" ")[1];
        assertTrue(builtJar.matches("jobs/risk-flags/target/borderflow-risk-flags-.*-job\\.jar"), builtJar);

        for (String process : List.of("jobManager", "taskManager")) {
            JsonNode resource = spec.path(process).path("resource");
            assertTrue(resource.path("memory").asText().matches("\\d+[mg]"), process + " memory");
            assertTrue(resource.path("cpu").asDouble() > 0, process + " cpu");
        }
        JsonNode flink = spec.path("flinkConfiguration");
        assertEquals("org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                flink.path("metrics.reporter.prom.factory.class").asText());
        int metricsPort = flink.path("metrics.reporter.prom.port").asInt();
        JsonNode container = spec.path("podTemplate").path("spec").path("containers").get(0);
        assertEquals("flink-main-container", container.path("name").asText());
        JsonNode port = container.path("ports").get(0);
        assertEquals("metrics", port.path("name").asText());
        assertEquals(metricsPort, port.path("containerPort").asInt(), "the container exposes the reporter's port");
        assertTrue(flink.path("execution.checkpointing.savepoint-dir").asText().contains("://"),
                "savepoints on storage that outlives the pods");

        JsonNode monitor = only(documents("podmonitor.yaml"), "PodMonitor");
        assertEquals("metrics", monitor.path("spec").path("podMetricsEndpoints").get(0).path("port").asText());
    }

    @Test
    void theTopicsAreThoseOfTopicsYaml() throws IOException {
        Map<String, TopicSpec> expected = TopicsConfig.load(ConfigLoader.from(LocalPlatform.ROOT.resolve("config")))
                .topics();
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode doc : documents("topics.yaml")) {
            assertEquals("KafkaTopic", doc.path("kind").asText());
            assertEquals("kafka.strimzi.io/v1beta2", doc.path("apiVersion").asText());
            assertFalse(doc.path("metadata").path("labels").path("strimzi.io/cluster").asText().isBlank());
            topics.put(doc.path("spec").path("topicName").asText(), doc.path("spec"));
        }
        assertEquals(new TreeMap<>(expected).keySet(), topics.keySet());
        expected.forEach((name, spec) -> {
            JsonNode topic = topics.get(name);
            assertEquals(spec.partitions(), topic.path("partitions").asInt(), name + " partitions");
            Map<String, String> configs = new TreeMap<>();
            topic.path("config").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
            assertEquals(new TreeMap<>(spec.kafkaConfigs()), configs, name + " configs");
        });
    }

    private List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(DIR.resolve(file).toFile())) {
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
        List<JsonNode> matching = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertEquals(1, matching.size(), "one " + kind);
        return matching.get(0);
    }
}
