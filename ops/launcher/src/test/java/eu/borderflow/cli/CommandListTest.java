package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code borderflow --help} lists each command with the first line of its description: that line must be a whole
 * sentence, or the list shows it cut off ("Generate a reproducible synthetic dataset: EES crossings, ...,").
 */
class CommandListTest {

    @Test
    void eachCommandIsSummedUpInAWholeSentence() {
        for (Map.Entry<String, CommandLine> command :
                Borderflow.commandLine().getSubcommands().entrySet()) {
            String[] description =
                    command.getValue().getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, command.getKey() + " has no description");
            String summary = description[0].strip();
            assertTrue(summary.endsWith("."), command.getKey() + "'s summary is cut off: " + summary);
        }
    }

    /** {@code jobs} only reads the cluster: it waits for nothing, so it offers no {@code --timeout} to ignore. */
    @Test
    void onlyTheCommandsThatWaitForTheClusterTakeATimeout() {
        Map<String, CommandLine> commands = Borderflow.commandLine().getSubcommands();
        for (String command : List.of("deploy", "stop", "upgrade", "jobs")) {
            boolean waits = !command.equals("jobs");
            assertEquals(
                    waits,
                    commands.get(command).getCommandSpec().findOption("--timeout") != null,
                    command + " --timeout");
        }
    }
}
