package eu.borderflow.cli;

import eu.borderflow.cli.flink.FlinkRestException;
import eu.borderflow.tools.kafka.BrokerUnavailableException;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Prints user mistakes as one line (exit 2), and a Flink cluster's refusal with its cause, a Kafka broker out of reach,
 * a full disk or a streaming job stopped for a cause it names in one line (exit 1); anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (ExitCodes.isUserError(e)) {
            cli.getErr().println(cli.getCommandName() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof FlinkRestException refused) {
            // The cluster's own answer, which names the cause; its stack trace would be the client's, not Flink's.
            String cause = refused.cause();
            cli.getErr()
                    .println(cli.getCommandName() + ": the Flink cluster refused: " + refused.getMessage()
                            + (cause.equals(refused.getMessage()) ? "" : ": " + cause));
            return ExitCodes.FAILED;
        }
        if (e instanceof SinkTopics.JobStoppedException stopped) {
            cli.getErr().println(cli.getCommandName() + ": " + stopped.getMessage());
            return ExitCodes.FAILED;
        }
        if (e instanceof BrokerUnavailableException unreachable) {
            cli.getErr().println(cli.getCommandName() + ": " + unreachable.getMessage());
            return ExitCodes.FAILED;
        }
        Optional<String> full = DiskFull.cause(e);
        if (full.isPresent()) {
            cli.getErr()
                    .println(cli.getCommandName() + ": out of disk space (" + full.get() + "): what it was writing is"
                            + " incomplete; free space (df -h) and run it again");
            return ExitCodes.FAILED;
        }
        cli.getErr().println(cli.getCommandName() + ": internal error, please report it: " + e);
        e.printStackTrace(cli.getErr());
        return ExitCodes.FAILED;
    }
}
