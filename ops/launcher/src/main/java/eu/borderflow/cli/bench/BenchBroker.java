package eu.borderflow.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Kafka broker of the benchmark's own ({@code ops/kafka/kafka.sh} with its own port and data folder, wiped first),
 * so its CPU can be counted and nothing else shares it.
 */
final class BenchBroker implements AutoCloseable {

    private final Path home;
    private final Path data;
    private final int port;

    private BenchBroker(Path home, Path data, int port) {
        this.home = home;
        this.data = data;
        this.port = port;
    }

    static BenchBroker start(Path home, Path data, int port, Path log) throws IOException, InterruptedException {
        BenchBroker broker = new BenchBroker(home, data, port);
        broker.script("down", log);
        deleteTree(data);
        if (broker.script("up", log) != 0) {
            throw new IllegalStateException(
                    "the benchmark's broker did not start on port " + port + " (log: " + log + ")");
        }
        return broker;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(data.resolve("kafka.pid")).trim());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("down", data.resolveSibling("kafka-down.log"));
    }

    private int script(String command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(home.resolve("ops/kafka/kafka.sh").toString(), command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("BORDERFLOW_KAFKA_PORT", Integer.toString(port));
        builder.environment().put("BORDERFLOW_KAFKA_DATA", data.toString());
        return builder.start().waitFor();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
