package eu.borderflow.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point behind {@code ops/borderflow}: each command prints its own {@code --help}. */
@Command(
        name = "borderflow",
        mixinStandardHelpOptions = true,
        version = "borderflow 0.1.0",
        description = "Integrated border-management data pipeline on synthetic data.",
        footer = {
            "",
            "Also, from ops/borderflow itself:",
            "  demo                    Kafka, a generated world, the jobs, the dashboard and replayed traffic here",
            "  kafka up|down|status    a real single-node Kafka broker (jars from Maven Central, data in var/)",
            "  cluster up|down|status  a Flink 2.2 session cluster (jars from Maven Central, var/cluster)",
            "  prometheus up|down|status  Prometheus on loopback scraping the cluster, replay and the dashboard",
            "  test                    start what the tests need, then run every test (what CI runs)",
            "  bench                   JMH and end-to-end benchmarks, reported as ratios to a same-run baseline",
            "  bench job               the whole risk job against a passthrough job, latency, state (--help)",
            "  build                   build the project (done automatically when sources change)"
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            StayCommand.class,
            GenerateCommand.class,
            ReplayCommand.class,
            TopicsCommand.class,
            RunCommand.class,
            EvaluateCommand.class,
            FlagsCommand.class,
            DeadLettersCommand.class,
            DeployCommand.class,
            UpgradeCommand.class,
            StopCommand.class,
            JobsCommand.class,
            DashboardCommand.class,
            eu.borderflow.cli.bench.BenchJobCommand.class
        })
public final class Borderflow implements Runnable {

    private static final int USAGE_WIDTH = 120;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with borderflow's conventions: usage errors exit 2 with a message, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Borderflow());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.forException(e));
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        // The commands' descriptions are written in lines of up to 110 characters; at picocli's 80 they were
        // re-wrapped.
        cli.setUsageHelpWidth(USAGE_WIDTH);
        // An empty path is the working directory to Java: `--out ""` (an unset shell variable) wrote a dataset there.
        cli.registerConverter(Path.class, value -> {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("an empty path; name a file or folder");
            }
            return Path.of(value);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see --help)");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see --help");
    }
}
