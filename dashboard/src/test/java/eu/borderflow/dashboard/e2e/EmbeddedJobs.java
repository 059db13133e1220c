package eu.borderflow.dashboard.e2e;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.SituationPictureJob;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming jobs, each on an embedded MiniCluster of its own in the test JVM, reading and writing Kafka the way
 * {@code ops/borderflow run risk} and {@code run picture} do, each with its Flink REST API on a free port for the
 * dashboard's health page. Checkpoints every second, so their exactly-once output shows soon.
 */
final class EmbeddedJobs {

    private EmbeddedJobs() {}

    /** A started job and where its cluster answers REST calls. */
    record Running(JobClient job, String restUrl) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            job.cancel().get(60, TimeUnit.SECONDS);
            // The cancel is acknowledged before the tasks have ended: wait for the job's end.
            job.getJobExecutionResult().handle((result, failure) -> null).get(60, TimeUnit.SECONDS);
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
                .kafka(kafka)
                .rules(RiskFlagJob.defaultRules())
                .build()
                .addTo(env);
        return new Running(env.executeAsync(RiskFlagJob.NAME), "http://127.0.0.1:" + port);
    }

    /**
     * The situational-picture job with the picture settings of {@code config}; its checkpoints go to the
     * environment's picture storage under {@code checkpoints}.
     */
    static Running picture(ConfigLoader config, String environmentName, Path checkpoints) throws Exception {
        JobEnvironment environment = JobEnvironment.load(config, environmentName);
        environment.getJob().setCheckpointInterval(Duration.ofSeconds(1));
        int port = freePort();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, rest(port));
        SituationPictureJob.configure(env, environment, checkpoints);
        env.setParallelism(1);
        SituationPictureJob.kafka(
                        SituationPictureJob.builder(PictureSettings.bind(config)),
                        KafkaEndpoints.streaming(
                                environment.kafkaAs(environment.getPicture()), environment.getTopics()))
                .build()
                .addTo(env);
        return new Running(env.executeAsync(SituationPictureJob.NAME), "http://127.0.0.1:" + port);
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
