package eu.borderflow.cli;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.TopicNames;
import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.tools.replay.Pacing;
import eu.borderflow.tools.replay.ReplayInputException;
import eu.borderflow.tools.replay.ReplayOptions;
import eu.borderflow.tools.replay.ReplayReport;
import eu.borderflow.tools.replay.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes a generated dataset to Kafka in arrival order, the way the border systems would have sent it. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes crossings.avro, alerts.avro and incidents.avro of a dataset folder to ees.crossings, "
                    + "sis.alerts and eurosur.incidents, interleaved by arrival time (docs/CONTRACTS.md).",
            "Each record is Avro single-object encoded, keyed as the contract says, with its event time as the "
                    + "Kafka timestamp. The jobs work in event time, so the pace changes when results appear, "
                    + "not what they are. Heartbeats on sis.alerts say how far the replay has come.",
            "Exit codes: 0 done, 1 Kafka unreachable or did not take every record, 2 missing or corrupt input, bad options."
        },
        footer = {
            "",
            "Examples:",
            "  ops/borderflow replay --in var/world               as fast as possible",
            "  ops/borderflow replay --in var/world --speed 3600  an hour of traffic a second",
            "  ops/borderflow replay --in var/world --rate 5000   5,000 events a second",
            "  ops/borderflow replay --in var/world --speed 1 --paced-from 2025-03-06",
            "                                   the history at once, then from that day on in real time"
        })
public final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Dataset folder (from generate).")
    private Path in;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Pace pace = new Pace();

    @Option(
            names = "--paced-from",
            paramLabel = "TIME",
            description = "Pace (--speed or --rate) only the records that arrived from TIME on, a day (YYYY-MM-DD, "
                    + "its start in UTC) or an instant (2025-03-06T08:00:00Z); those before it go as fast as Kafka "
                    + "takes them, so a world's history need not be replayed in real time.")
    private String pacedFrom;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:${env:BORDERFLOW_KAFKA_PORT:-9092}",
            description = "Kafka bootstrap address (default: ${DEFAULT-VALUE}).")
    private String bootstrap;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            defaultValue = "local",
            description = "Topic names from config/environments/NAME.yaml (default: ${DEFAULT-VALUE}).")
    private String environment;

    @Mixin
    private ConfigDir config;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(
            names = "--metrics-port",
            paramLabel = "P",
            defaultValue = "9404",
            description = "Prometheus metrics on http://127.0.0.1:P/metrics while replaying; 0 picks a free port "
                    + "(default: ${DEFAULT-VALUE}).")
    private int metricsPort;

    @Option(
            names = "--heartbeat-ms",
            paramLabel = "MS",
            defaultValue = "" + ReplayOptions.DEFAULT_HEARTBEAT_MILLIS,
            description = "Tell every partition of sis.alerts how far the replay has come at most every MS "
                    + "milliseconds of replay, and at its end (heartbeats, docs/CONTRACTS.md), so flags of the alert "
                    + "rules do not wait for the next alert change; 0 sends none (default: ${DEFAULT-VALUE}).")
    private long heartbeatMs;

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Progress bar on stderr (default: on).")
    private boolean progress;

    /** At most one way of pacing; none means as fast as possible. */
    static final class Pace {
        @Option(
                names = "--speed",
                paramLabel = "X",
                description = "X times real time, following the records' arrival times (3600 = an hour per second).")
        Double speed;

        @Option(names = "--rate", paramLabel = "N", description = "N events per second, evenly spaced.")
        Double rate;

        @Option(names = "--max", description = "As fast as Kafka takes them (the default).")
        boolean max;
    }

    private TopicNames topics() {
        try {
            return TopicNames.load(config.loader(), environment);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        if (metricsPort < 0 || metricsPort > 65_535) {
            throw new UserError("--metrics-port must be between 0 and 65535, was " + metricsPort);
        }
        if (heartbeatMs < 0) {
            throw new UserError("--heartbeat-ms must be 0 (none) or more, was " + heartbeatMs);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReplayReport report = new Replayer(ReplayOptions.builder(in, bootstrap, topics())
                            .pacing(pacing())
                            .metricsPort(metricsPort)
                            .status(err)
                            .progress(progress)
                            .kafkaProperties(kafka.properties())
                            .heartbeats(Duration.ofMillis(heartbeatMs))
                            .keepAlive(keepAlive())
                            .build())
                    .run();
            PrintWriter out = spec.commandLine().getOut();
            out.println("replay: " + report.summary());
            out.flush();
            return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (ReplayInputException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Within the risk job's time.source_idleness of the same configuration (rules.yaml). */
    Duration keepAlive() {
        try {
            return ReplayOptions.keepAliveWithin(
                    TimeConfig.load(config.loader()).getSourceIdleness());
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private Pacing pacing() {
        Pacing pacing;
        try {
            if (pace.speed != null) {
                pacing = Pacing.speed(pace.speed);
            } else if (pace.rate != null) {
                pacing = Pacing.rate(pace.rate);
            } else {
                pacing = Pacing.max();
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (pacedFrom == null) {
            return pacing;
        }
        if (pace.speed == null && pace.rate == null) {
            throw new UserError("--paced-from needs a pace: --speed X or --rate N");
        }
        return pacing.from(pacedFrom());
    }

    private Instant pacedFrom() {
        try {
            return pacedFrom.contains("T")
                    ? Instant.parse(pacedFrom)
                    : LocalDate.parse(pacedFrom).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("--paced-from must be a day (2025-03-06) or an instant (2025-03-06T08:00:00Z), was '"
                    + pacedFrom + "'");
        }
    }
}
