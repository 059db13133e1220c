package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.schema.serde.AvroFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine;

/** Small hand-built records and files for the command tests, and a way to run a command and keep its output. */
final class TestFiles {

    /** Exit code, standard output and standard error of one command run. */
    record Run(int exitCode, String out, String err) {}

    private TestFiles() {}

    static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Borderflow.commandLine(), args);
    }

    /** A world made by {@code generate} into {@code out}, which must succeed. */
    static Path world(Path out, int seed, int travellers, int days) {
        Run made = run(
                "generate",
                "--seed",
                String.valueOf(seed),
                "--travellers",
                String.valueOf(travellers),
                "--days",
                String.valueOf(days),
                "--quiet",
                "--out",
                out.toString());
        assertEquals(0, made.exitCode(), made.err());
        return out;
    }

    static <T extends SpecificRecord> void write(Class<T> type, Path file, List<T> records) throws Exception {
        try (DataFileWriter<T> writer = AvroFiles.create(type, file, "test")) {
            for (T record : records) {
                writer.append(record);
            }
        }
    }
}
