package eu.borderflow.cli;

import eu.borderflow.config.ConfigException;
import picocli.CommandLine;

/** Exit codes shared by every command. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran and found something wrong with the data (e.g. evaluate below its thresholds, replay failed). */
    public static final int FAILED = 1;
    /** The user's input was wrong: arguments, files, configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    static int forException(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof UserError || e instanceof ConfigException) {
            return USAGE;
        }
        return FAILED;
    }
}
