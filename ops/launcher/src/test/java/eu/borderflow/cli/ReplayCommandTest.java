package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.tools.replay.ReplayOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay}'s answers to user mistakes, through the same command line as ops/borderflow. */
class ReplayCommandTest {

    private record Run(int exitCode, String out, String err) {}

    @TempDir
    Path dir;

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Borderflow.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void missingFolderExitsTwoWithoutAStackTrace() {
        Path nowhere = dir.resolve("nowhere");
        Run run = run("replay", "--in", nowhere.toString(), "--no-progress");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("replay: dataset folder " + nowhere + " does not exist"), run.err());
        assertTrue(run.err().contains("sent 0 before it stopped"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void fileThatIsNotAvroExitsTwoNamingIt() throws Exception {
        for (String name : new String[] {"alerts.avro", "crossings.avro", "incidents.avro"}) {
            Files.writeString(dir.resolve(name), "not avro\n");
        }
        Run run = run("replay", "--in", dir.toString(), "--no-progress");
        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains(dir.resolve("alerts.avro") + " is not a complete AlertChange Avro file"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void onePaceAtATime() {
        Run run = run("replay", "--in", dir.toString(), "--speed", "10", "--rate", "100");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    @Test
    void paceMustBePositive() {
        Run run = run("replay", "--in", dir.toString(), "--speed", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("replay: speed must be a positive factor"), run.err());
    }

    @Test
    void aStartOfThePaceNeedsAPaceAndADayOrAnInstant() {
        Run noPace = run("replay", "--in", dir.toString(), "--paced-from", "2025-03-06");
        assertEquals(2, noPace.exitCode());
        assertTrue(noPace.err().startsWith("replay: --paced-from needs a pace: --speed X or --rate N"), noPace.err());
        Run notATime = run("replay", "--in", dir.toString(), "--speed", "1", "--paced-from", "yesterday");
        assertEquals(2, notATime.exitCode());
        assertTrue(
                notATime.err().startsWith("replay: --paced-from must be a day (2025-03-06) or an instant"),
                notATime.err());
        assertFalse(notATime.err().contains("\tat "), notATime.err());
    }

    @Test
    void aPacedReplayKeepsTheAlertPartitionsAliveWithinTheRiskJobsSourceIdleness() throws Exception {
        Path config = Files.createDirectory(dir.resolve("config"));
        Path shipped = Path.of("../../config").toAbsolutePath().normalize();
        String rules = Files.readString(shipped.resolve("rules.yaml"));
        assertTrue(rules.contains("source_idleness: PT1M"), "the shipped default changed");
        Files.writeString(
                config.resolve("rules.yaml"), rules.replace("source_idleness: PT1M", "source_idleness: PT3S"));

        assertEquals(
                Duration.ofMillis(500),
                replayCommand("--config", config.toString()).keepAlive());
        assertEquals(
                ReplayOptions.DEFAULT_KEEP_ALIVE,
                replayCommand("--config", shipped.toString()).keepAlive());
        assertEquals(Duration.ofSeconds(10), ReplayOptions.DEFAULT_KEEP_ALIVE);
    }

    private ReplayCommand replayCommand(String... options) {
        var cli = Borderflow.commandLine();
        List<String> args = new ArrayList<>(List.of("replay", "--in", dir.toString()));
        args.addAll(List.of(options));
        var parsed = cli.parseArgs(args.toArray(String[]::new));
        return (ReplayCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void helpNamesTheDefaultPace() {
        Run run = run("replay", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--max") && run.out().contains("(the default)"), run.out());
        assertTrue(run.out().contains("--metrics-port"), run.out());
    }
}
