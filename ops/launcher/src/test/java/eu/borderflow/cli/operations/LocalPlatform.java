package eu.borderflow.cli.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The real processes the operations tests stand on: a Kafka broker ({@code ops/kafka/kafka.sh}) and a Flink session
 * cluster ({@code ops/cluster/cluster.sh}), started through the launcher's scripts. Under {@code ops/borderflow test}
 * both are already running and named by the environment ({@code BORDERFLOW_TEST_FLINK_URL} and the scripts' own
 * variables); run alone, the tests start their own on free ports under {@code var/} and stop them at exit.
 */
final class LocalPlatform {

    static final Path ROOT = locateRoot();
    private static final int LOWEST_TEST_PORT = 20_000;
    private static final Random RANDOM = new Random();
    static final String FLINK_URL_ENV = "BORDERFLOW_TEST_FLINK_URL";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
    private static LocalPlatform shared;

    private final Map<String, String> env;
    private final Path logs;

    private LocalPlatform(Map<String, String> env, Path logs) {
        this.env = env;
        this.logs = logs;
    }

    static synchronized LocalPlatform get() {
        if (shared == null) {
            shared = System.getenv(FLINK_URL_ENV) != null ? external() : ownProcesses();
        }
        return shared;
    }

    private static LocalPlatform external() {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String name : List.of(
                "BORDERFLOW_KAFKA_PORT",
                "BORDERFLOW_KAFKA_SASL_PORT",
                "BORDERFLOW_KAFKA_DATA",
                "BORDERFLOW_FLINK_PORT",
                "BORDERFLOW_FLINK_METRICS_PORT",
                "BORDERFLOW_CLUSTER_HOME")) {
            if (env.get(name) == null) {
                throw new IllegalStateException(FLINK_URL_ENV + " is set, so " + name + " must be too (ops/test.sh)");
            }
        }
        return new LocalPlatform(env, logDir("external"));
    }

    private static LocalPlatform ownProcesses() {
        Path home = ROOT.resolve("var/test-platform-" + ProcessHandle.current().pid());
        Map<String, String> env = new HashMap<>(System.getenv());
        int kafkaPort = freePorts(4);
        env.put("BORDERFLOW_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("BORDERFLOW_KAFKA_SASL_PORT", String.valueOf(kafkaPort + 3));
        env.put("BORDERFLOW_KAFKA_DATA", home.resolve("kafka").toString());
        env.put("BORDERFLOW_FLINK_PORT", String.valueOf(freePorts(3)));
        env.put("BORDERFLOW_FLINK_METRICS_PORT", String.valueOf(freePorts(3)));
        env.put("BORDERFLOW_CLUSTER_HOME", home.resolve("cluster").toString());
        env.put("BORDERFLOW_TASKMANAGERS", "1");
        LocalPlatform platform = new LocalPlatform(env, logDir("own"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.script("ops/cluster/cluster.sh", "down");
            platform.script("ops/kafka/kafka.sh", "down");
        }));
        platform.brokerUp();
        platform.clusterUp();
        return platform;
    }

    String bootstrap() {
        return "127.0.0.1:" + env.get("BORDERFLOW_KAFKA_PORT");
    }

    /** The broker's SASL_PLAINTEXT (SCRAM) listener. */
    String saslBootstrap() {
        return "127.0.0.1:" + env.get("BORDERFLOW_KAFKA_SASL_PORT");
    }

    /** The client settings for the SASL listener that {@code kafka.sh up} writes. */
    Path saslClientConfig() {
        return Path.of(env.get("BORDERFLOW_KAFKA_DATA"), "client-sasl.properties");
    }

    String flinkUrl() {
        return "http://127.0.0.1:" + env.get("BORDERFLOW_FLINK_PORT");
    }

    /** The JobManager's Prometheus port; TaskManager i serves on this + i. */
    int metricsPort() {
        return Integer.parseInt(env.get("BORDERFLOW_FLINK_METRICS_PORT"));
    }

    void clusterUp() {
        requireOk(script("ops/cluster/cluster.sh", "up"), "cluster up");
    }

    void brokerUp() {
        requireOk(script("ops/kafka/kafka.sh", "up"), "kafka up");
    }

    void brokerDown() {
        requireOk(script("ops/kafka/kafka.sh", "down"), "kafka down");
    }

    /** {@code kill -9} of TaskManager {@code i}, by the pid file the cluster script keeps. */
    void killTaskManager(int i) {
        kill("taskmanager-" + i);
    }

    /** {@code kill -9} of the JobManager. */
    void killJobManager() {
        kill("jobmanager");
    }

    private void kill(String process) {
        Path pidFile = Path.of(env.get("BORDERFLOW_CLUSTER_HOME"), "pids", process + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle handle = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(process + " (pid " + pid + ") is not running"));
            handle.destroyForcibly();
            awaitDefunct(pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + process, e);
        }
    }

    /**
     * Until the process has no command line any more, as {@code ps} then shows it: defunct. The scripts take it for
     * stopped from then on, while the rest of a big JVM's threads may still be exiting and holding its ports.
     */
    static void awaitDefunct(long pid) throws InterruptedException {
        Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hasCommandLine(cmdline)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pid " + pid + " still runs 30 s after kill -9");
            }
            Thread.sleep(10);
        }
    }

    private static boolean hasCommandLine(Path cmdline) {
        try {
            return Files.readAllBytes(cmdline).length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code cluster up} and returns what it printed (its log is appended to on every run). */
    String clusterUpSaying() {
        Path log = logs.resolve("cluster.sh-up.log");
        try {
            long before = Files.exists(log) ? Files.size(log) : 0;
            clusterUp();
            String all = Files.readString(log);
            return all.substring((int) Math.min(before, all.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an ops script with this platform's environment; its output goes to a log file under var/. */
    int script(String script, String... args) {
        List<String> command =
                new java.util.ArrayList<>(List.of(ROOT.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = logs.resolve(Path.of(script).getFileName() + "-" + String.join("-", args) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("BORDERFLOW_HOME", ROOT.toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + SCRIPT_TIMEOUT);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void requireOk(int exitCode, String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exitCode + "; logs in " + logs);
        }
    }

    private static Path logDir(String kind) {
        Path dir = ROOT.resolve(
                "var/test-ops/logs-" + kind + "-" + ProcessHandle.current().pid());
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port p such that p .. p+count-1 are all free now, below the kernel's range of ephemeral ports: a port from
     * that range (what {@code new ServerSocket(0)} gives) can be taken by any outgoing connection before the process
     * it was chosen for binds it, which once stopped a test's JobManager ("Could not start rest endpoint").
     */
    static int freePorts(int count) {
        int below = Math.max(ephemeralPortsFrom(), LOWEST_TEST_PORT + 10_000);
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = LOWEST_TEST_PORT + RANDOM.nextInt(below - LOWEST_TEST_PORT - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found below " + below);
    }

    /** The first ephemeral port (Linux: /proc/sys/net/ipv4/ip_local_port_range; the IANA range elsewhere). */
    private static int ephemeralPortsFrom() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return Integer.parseInt(range.strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket socket = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("ops/borderflow"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "not inside a borderflow checkout: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
