package eu.borderflow.cli.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The metric names the Grafana dashboards and the alert rules refer to, and the names an endpoint serves. */
final class MetricNames {

    private static final Pattern NAME = Pattern.compile("\\b((?:flink|borderflow)_[A-Za-z0-9_]+)\\b");

    private MetricNames() {}

    /** Every metric name in the dashboards of ops/grafana and the rules of ops/prometheus/rules. */
    static Set<String> referenced() {
        Set<String> names = new TreeSet<>();
        for (Path dir : new Path[] {
            LocalPlatform.ROOT.resolve("ops/grafana/dashboards"), LocalPlatform.ROOT.resolve("ops/prometheus/rules")
        }) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> names.addAll(referencedBy(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The metric names in one dashboard or rule file (under ops/), job names left out. */
    static Set<String> referencedBy(String file) {
        return referencedBy(LocalPlatform.ROOT.resolve(file));
    }

    private static Set<String> referencedBy(Path file) {
        Set<String> names = in(read(file));
        names.removeIf(n -> n.startsWith("borderflow_risk_flag_job") || n.startsWith("borderflow_situation"));
        return names;
    }

    /** Names in {@code text}, job names (label values such as borderflow_risk_flag_job) left out by the caller. */
    static Set<String> in(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The metric names an exposition (a /metrics page) serves. */
    static Set<String> served(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
