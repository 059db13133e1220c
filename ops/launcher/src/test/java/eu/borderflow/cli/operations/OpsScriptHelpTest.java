package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/borderflow COMMAND --help} for the commands that are shell scripts: each says what it does and exits 0
 * without doing it. {@code test --help} used to install packages and start a broker and a cluster before it passed
 * {@code --help} on to Maven.
 */
class OpsScriptHelpTest {

    @Test
    void everyScriptCommandShowsItsHelpAndDoesNothingElse() throws Exception {
        for (List<String> command : List.of(
                List.of("kafka", "--help"),
                List.of("cluster", "--help"),
                List.of("prometheus", "--help"),
                List.of("test", "--help"),
                List.of("build", "--help"),
                List.of("demo", "--help"),
                List.of("bench", "--help"))) {
            String out = launch(command);
            assertTrue(out.contains("ops/borderflow " + command.get(0)), command + ": " + out);
            assertFalse(out.contains("== ") || out.contains("starting"), command + " did something: " + out);
        }
    }

    @Test
    void benchSaysWhichBenchmarksThereAreWhenNoneMatches() throws Exception {
        Run none = run(List.of("bench", "--only", "NoSuchBenchmark"));
        assertEquals(2, none.exitCode(), none.out());
        assertTrue(none.out().contains("bench: no benchmark matches --only NoSuchBenchmark"), none.out());
        assertTrue(none.out().contains("TimerQueueBenchmark"), none.out());
        assertFalse(none.out().contains("== "), "ran something: " + none.out());

        Run noRegex = run(List.of("bench", "--only"));
        assertEquals(2, noRegex.exitCode(), noRegex.out());
        assertTrue(noRegex.out().contains("bench: --only needs a REGEX"), noRegex.out());
    }

    private record Run(int exitCode, String out) {}

    private static String launch(List<String> args) throws Exception {
        Run run = run(args);
        assertEquals(0, run.exitCode(), args + ": " + run.out());
        return run.out();
    }

    private static Run run(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of(LocalPlatform.ROOT.resolve("ops/borderflow").toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), args.toString());
        return new Run(process.exitValue(), out);
    }
}
