package eu.borderflow.cli;

import picocli.CommandLine;

/** Prints user mistakes as one line; anything else is a bug and keeps its stack trace. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (ExitCodes.isUserError(e)) {
            cli.getErr().println(cli.getCommandName() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        cli.getErr().println(cli.getCommandName() + ": internal error, please report it: " + e);
        e.printStackTrace(cli.getErr());
        return ExitCodes.FAILED;
    }
}
