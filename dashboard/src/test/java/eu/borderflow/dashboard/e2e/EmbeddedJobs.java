package eu.borderflow.dashboard.e2e;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A streaming job on an embedded MiniCluster in the test JVM, reading and writing Kafka the way
 * {@code ops/borderflow run risk} does, with its Flink REST API on a free port for the dashboard's health page.
 */
final class EmbeddedJobs {

    private EmbeddedJobs() {
    }

    /** A started job and where its cluster answers REST calls. */
    record Running(JobClient job, String restUrl) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    /** The risk job; its checkpoints go to {@code checkpoints}. */
    static Running risk(ConfigLoader config, String environmentName, Path checkpoints) throws Exception {
        JobEnvironment environment = JobEnvironment.load(config, environmentName);
        environment.getJob().setCheckpointInterval(Duration.ofSeconds(1));
        int port = freePort();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, rest(port));
        RiskFlagJob.configure(env, environment, checkpoints);
        env.setParallelism(1);
        KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
        RiskFlagJob.builder(RiskSettings.local(config))
                .crossings(kafka.crossings(), kafka.topics().getCrossings())
                .alerts(kafka.alerts(), kafka.topics().getAlerts())
                .rules(RiskFlagJob.defaultRules())
                .flags(kafka.flags())
                .deadLetters(kafka.deadLetters())
                .audit(kafka.audit())
                .build()
                .addTo(env);
        return new Running(env.executeAsync(RiskFlagJob.NAME), "http://127.0.0.1:" + port);
    }

    private static Configuration rest(int port) {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.BIND_PORT, String.valueOf(port));
        return configuration;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
