package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
