package eu.borderflow.picture;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The bounded picture job over a dataset folder, as {@code run picture --in DIR --out OUT} runs it, and its files. */
final class BoundedPicture {

    private BoundedPicture() {}

    /** Runs over {@code dataset} (and {@code flagsFile} when not null) into {@code out}, at parallelism 2. */
    static void run(Path dataset, Path flagsFile, Path out) throws Exception {
        run(dataset, flagsFile, out, 2);
    }

    static void run(Path dataset, Path flagsFile, Path out, int parallelism) throws Exception {
        Files.createDirectories(out);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        JobSetup.configureTypes(env);
        SituationPictureJob.Builder job = SituationPictureJob.builder(
                        PictureSettings.bind(ConfigLoader.defaults()).settledPicture())
                .crossings(DatasetFiles.crossings(dataset), DatasetFiles.CROSSINGS)
                .incidents(DatasetFiles.incidents(dataset), DatasetFiles.INCIDENTS)
                .picture(DatasetFiles.picture(out))
                .flags(DatasetFiles.flags(out))
                .deadLetters(DatasetFiles.deadLetters(out))
                .sinkParallelism(1);
        if (flagsFile != null) {
            job.riskFlagFile(
                    DatasetFiles.flagsFrom(flagsFile), flagsFile.getFileName().toString());
        }
        job.build().addTo(env);
        env.execute("bounded picture test");
    }

    static List<PictureUpdate> picture(Path out) throws IOException {
        return read(PictureUpdate.class, out.resolve(DatasetFiles.PICTURE));
    }

    static List<RiskFlag> flags(Path out) throws IOException {
        return read(RiskFlag.class, out.resolve(DatasetFiles.FLAGS));
    }

    static List<DeadLetter> deadLetters(Path out) throws IOException {
        return read(DeadLetter.class, out.resolve(DatasetFiles.DEAD_LETTERS));
    }

    static <T extends SpecificRecord> List<T> read(Class<T> type, Path file) throws IOException {
        List<T> records = new ArrayList<>();
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            in.forEach(records::add);
        }
        return records;
    }
}
