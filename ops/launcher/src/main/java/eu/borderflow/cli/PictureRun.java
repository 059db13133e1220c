package eu.borderflow.cli;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.SituationPictureJob;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.RiskFlag;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code run picture}: the situational-picture job on an embedded MiniCluster, bounded over a dataset's files (and
 * the flags of a bounded risk run) or streaming from Kafka.
 */
final class PictureRun {

    private final ConfigLoader config;
    private final JobEnvironment environment;
    private final PrintWriter console;

    PictureRun(ConfigLoader config, JobEnvironment environment, PrintWriter console) {
        this.config = config;
        this.environment = environment;
        this.console = console;
    }

    /**
     * The dataset's files a bounded run reads, and the flag file it takes from {@code --flags}, if any, checked: each
     * an Avro file of its records, and the flags not where the run writes its own.
     */
    static Path checkBounded(Path in, Path flags, Path out) {
        for (String file : List.of(DatasetFiles.CROSSINGS, DatasetFiles.INCIDENTS)) {
            if (!Files.isRegularFile(in.resolve(file))) {
                throw new UserError("--in " + in + " has no " + file + " (is it a dataset folder from generate?)");
            }
        }
        Path flagFile = flags == null || !Files.isDirectory(flags) ? flags : flags.resolve(DatasetFiles.FLAGS);
        if (flagFile != null && !Files.isRegularFile(flagFile)) {
            throw new UserError("--flags " + flags + ": no such file (give a bounded risk run's flags.avro or its "
                    + "--out folder)");
        }
        AvroInputFile.check("--in", in.resolve(DatasetFiles.CROSSINGS), BorderCrossing.class);
        AvroInputFile.check("--in", in.resolve(DatasetFiles.INCIDENTS), Incident.class);
        AvroInputFile.checkManifest(in, DatasetFiles.CROSSINGS, DatasetFiles.INCIDENTS);
        if (flagFile != null) {
            AvroInputFile.check("--flags", flagFile, RiskFlag.class);
            if (sameFile(flagFile, out.resolve(DatasetFiles.FLAGS))) {
                throw new UserError("--out " + out + " holds the --flags input, which the run would overwrite with its"
                        + " R11 flags; write into another folder");
            }
        }
        return flagFile;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Over {@code in}'s crossings and incidents (and {@code flagFile}'s flags): picture, R11 flags, dead letters. */
    int bounded(StreamExecutionEnvironment env, Path in, Path flagFile, Path out) throws Exception {
        JobSetup.configureTypes(env);
        SituationPictureJob.Builder job = SituationPictureJob.builder(
                        PictureSettings.bind(config).settledPicture())
                .crossings(DatasetFiles.crossings(in), DatasetFiles.CROSSINGS)
                .incidents(DatasetFiles.incidents(in), DatasetFiles.INCIDENTS)
                .picture(DatasetFiles.picture(out))
                .flags(DatasetFiles.flags(out))
                .deadLetters(DatasetFiles.deadLetters(out))
                .sinkParallelism(1);
        if (flagFile != null) {
            job.riskFlagFile(
                    DatasetFiles.flagsFrom(flagFile), flagFile.getFileName().toString());
        }
        job.build().addTo(env);
        EmbeddedNetwork.fit(env);
        env.execute(SituationPictureJob.NAME + " (bounded)");
        PictureRunSummary.of(out).print(console, out);
        return ExitCodes.OK;
    }

    /**
     * From the environment's topics until cancelled, exactly-once into the picture, flag and dead-letter topics;
     * checkpoints go to the environment's {@code picture.checkpoint_storage}, and a run started again resumes from
     * the latest completed one ({@code fresh}: starts over).
     */
    int streaming(StreamExecutionEnvironment env, String bootstrap, int metricsPort, int restPort, boolean fresh)
            throws Exception {
        KafkaSettings kafka = environment.kafkaAs(environment.getPicture());
        if (bootstrap != null) {
            kafka.setBootstrapServers(bootstrap);
        }
        Path home = JobEnvironment.home();
        SituationPictureJob.configure(env, environment, home);
        String checkpoints = environment.jobAs(environment.getPicture()).checkpointUri(home);
        Optional<Path> resume = LatestCheckpoint.resume(env, checkpoints, fresh);
        KafkaEndpoints endpoints = KafkaEndpoints.streaming(kafka, environment.getTopics());
        SituationPictureJob.kafka(SituationPictureJob.builder(PictureSettings.bind(config)), endpoints)
                .build()
                .addTo(env);
        EmbeddedNetwork.fit(env);
        BrokerCheck.reachable(kafka);
        var topics = endpoints.topics();
        SinkTopics written = new SinkTopics(
                kafka, List.of(topics.getPicture(), topics.getFlags(), topics.getDeadLetters()), "run picture");
        written.checkExist();
        console.println("situational-picture job on an embedded MiniCluster, parallelism " + env.getParallelism()
                + ", reading "
                + String.join(
                        ", ",
                        topics.getCrossings(),
                        topics.getIncidents(),
                        topics.getFlags(),
                        topics.getSectionLevels())
                + " on " + kafka.getBootstrapServers());
        console.println("picture -> " + topics.getPicture() + ", R11 flags -> " + topics.getFlags()
                + ", dead letters -> " + topics.getDeadLetters() + " (exactly-once: visible at each checkpoint to "
                + "isolation.level=read_committed consumers)");
        if (metricsPort > 0) {
            console.println("metrics for Prometheus: http://127.0.0.1:" + metricsPort + "/metrics");
        }
        if (restPort > 0) {
            console.println("Flink REST API (for the dashboard's health page): http://127.0.0.1:" + restPort);
        }
        console.println("checkpoints: " + checkpoints
                + resume.map(c -> " (resuming from " + c.getFileName() + ")").orElse(" (starting from the beginning)"));
        console.println(
                "Ctrl-C stops the job; run it again to resume from its latest checkpoint (--fresh starts over).");
        console.flush();
        try {
            env.execute(SituationPictureJob.NAME);
        } catch (Exception e) {
            throw written.explain(e);
        }
        return ExitCodes.OK;
    }
}
