package eu.borderflow.cli;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.Dashboard;
import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.auth.PasswordHash;
import io.javalin.util.JavalinBindException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dashboard}: the operators' web dashboard, live over Kafka or read-only over a bounded run's files. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the operators' dashboard (config/dashboard.yaml): the map of border sections, the live feed "
                    + "of incidents and flags, section and flag detail, the review queue and pipeline health.",
            "  dashboard [--bootstrap HOST:PORT] [--port P] [--flink URL]...",
            "      live over Kafka; reviews and level changes are written to Kafka",
            "      with an audit record.",
            "  dashboard --from OUT [--from DIR]... [--port P]",
            "      read-only over a bounded run's files (picture.avro, flags.avro,",
            "      a dataset's incidents.avro); views are audited into",
            "      OUT/dashboard-audit.avro.",
            "  dashboard --hash-password",
            "      prints the hash of a password read from standard input, for the",
            "      users of dashboard.yaml.",
            "Ctrl-C stops it. Prometheus metrics at /metrics."
        })
public final class DashboardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description = "Kafka broker (default: the environment's, config/environments/NAME.yaml).")
    private String bootstrap;

    @Option(names = "--port", paramLabel = "P", description = "HTTP port (default: dashboard.yaml's server.port).")
    private Integer port;

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description = "Serve a bounded run's files read-only instead of Kafka (repeat for several folders).")
    private List<Path> from;

    @Option(
            names = "--flink",
            paramLabel = "URL",
            description = "Flink REST endpoint for the health page (repeatable; default: dashboard.yaml's "
                    + "health.flink_rest_urls).")
    private List<String> flink;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            description = "config/environments/NAME.yaml for the broker and topic names (default: dashboard.yaml's).")
    private String environment;

    @Option(names = "--hash-password", description = "Print the hash of a password read from standard input.")
    private boolean hashPassword;

    @Mixin
    private ConfigDir configDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (hashPassword) {
            return printHash(out);
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new UserError("--port must be between 0 and 65535");
        }
        if (from != null && bootstrap != null) {
            throw new UserError("--bootstrap is for the live dashboard; --from serves files");
        }
        if (from != null) {
            for (Path dir : from) {
                if (!Files.isDirectory(dir)) {
                    throw new UserError("--from " + dir + " is not a folder");
                }
            }
        }
        ConfigLoader config = configDir.loader();
        DashboardSettings settings = settings(config);
        if (settings.users().isEmpty()) {
            throw new UserError("dashboard.yaml lists no users, so nobody could sign in: add one (name, role and "
                    + "the hash from `ops/borderflow dashboard --hash-password`)");
        }
        Dashboard dashboard;
        try {
            dashboard = from != null
                    ? Dashboard.overFiles(config, settings, from, Clock.systemUTC())
                    : Dashboard.live(config, settings, bootstrap, Clock.systemUTC());
        } catch (java.io.UncheckedIOException | org.apache.avro.AvroRuntimeException e) {
            throw new UserError("cannot read the run's files: " + e.getMessage(), e);
        }
        try {
            dashboard.start(settings.server().port());
        } catch (JavalinBindException e) {
            dashboard.close();
            throw new UserError(
                    "cannot listen on " + settings.server().host() + ":"
                            + settings.server().port() + " (in use?); pick another port with --port",
                    e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            dashboard.close();
                            stopped.countDown();
                        },
                        "dashboard-shutdown"));
        out.println("dashboard on " + dashboard.url()
                + (from != null
                        ? " (read-only over " + from + ")"
                        : " (live, Kafka "
                                + (bootstrap != null ? bootstrap : "of environment " + settings.environment()) + ")"));
        out.println("metrics for Prometheus: " + dashboard.url() + "/metrics");
        out.println("Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private DashboardSettings settings(ConfigLoader config) {
        DashboardSettings settings = DashboardSettings.load(config);
        if (port != null) {
            settings = settings.withPort(port);
        }
        if (flink != null) {
            settings = settings.withFlinkRestUrls(flink);
        }
        if (environment != null) {
            settings = settings.withEnvironment(environment);
        }
        return settings;
    }

    private int printHash(PrintWriter out) throws IOException {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("password: ");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 8) {
            throw new UserError("give a password of at least 8 characters on standard input");
        }
        try {
            out.println(PasswordHash.hash(password));
            out.flush();
            return ExitCodes.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
