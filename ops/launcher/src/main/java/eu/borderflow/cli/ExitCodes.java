package eu.borderflow.cli;

import eu.borderflow.cli.flink.ClusterUnavailableException;
import eu.borderflow.cli.flink.DeploymentException;
import eu.borderflow.config.ConfigException;
import picocli.CommandLine;

/** Exit codes shared by every command. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran and found something wrong with the data (e.g. evaluate below its thresholds, replay failed). */
    public static final int FAILED = 1;
    /** The user's input was wrong: arguments, files, configuration. */
    public static final int USAGE = 2;
    /** topics: everything applied but the partitions to grow, held back until asked for with a savepoint taken. */
    public static final int HELD_BACK = 3;

    private ExitCodes() {}

    static int forException(Throwable e) {
        if (e instanceof CommandLine.ParameterException || isUserError(e)) {
            return USAGE;
        }
        return FAILED;
    }

    /**
     * A mistake or a refusal the user can act on, printed as one line and exiting {@link #USAGE}: bad input, or a
     * Flink cluster that is down or refuses a deployment.
     */
    static boolean isUserError(Throwable e) {
        return e instanceof UserError
                || e instanceof ConfigException
                || e instanceof ClusterUnavailableException
                || e instanceof DeploymentException;
    }
}
