package eu.borderflow.job.environment;

import eu.borderflow.config.ConfigException;
import eu.borderflow.job.state.EntryCountingStateBackendFactory;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** What every borderflow job does to its Flink environment before adding operators, and when it cannot start. */
public final class JobSetup {

    /** The exit code of a job run as a plain program with a configuration it cannot run with. */
    public static final int USAGE_EXIT_CODE = 2;

    private JobSetup() {}

    /**
     * Parallelism and fault tolerance from {@code runtime} (checkpoints, restart strategy, state backend with state
     * entry metrics: nothing is left to cluster defaults), checked against the job's {@code kafka} settings; no Kryo;
     * object reuse. A relative checkpoint folder is resolved against {@code home} here, on the client.
     *
     * @throws ConfigException when the settings contradict each other (the transaction timeout is too short)
     */
    public static void configure(
            StreamExecutionEnvironment env, RuntimeSettings runtime, KafkaSettings kafka, Path home) {
        runtime.check(kafka);
        env.configure(EntryCountingStateBackendFactory.wrap(runtime.flinkConfiguration(home)));
        env.setParallelism(runtime.getParallelism());
        configureTypes(env);
    }

    /** No Kryo fallback, so a type without a registered serializer fails loudly; object reuse is safe in the jobs. */
    public static void configureTypes(StreamExecutionEnvironment env) {
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.getConfig().enableObjectReuse();
    }

    /**
     * A configuration the job {@code job} cannot run with, found by its main method before anything was submitted.
     * Run as a plain program, it says so on one line of stderr and exits with {@link #USAGE_EXIT_CODE}; under
     * {@code flink run} or the REST API it returns {@code e} to be thrown, as exiting would stop the JobManager that
     * runs main.
     */
    public static RuntimeException refuse(StreamExecutionEnvironment env, String job, RuntimeException e) {
        if (env instanceof LocalStreamEnvironment) {
            System.err.println(job + ": " + e.getMessage());
            System.exit(USAGE_EXIT_CODE);
        }
        return e;
    }
}
