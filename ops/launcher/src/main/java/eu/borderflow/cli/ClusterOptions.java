package eu.borderflow.cli;

import eu.borderflow.cli.flink.DeployableJob;
import eu.borderflow.cli.flink.FlinkCluster;
import eu.borderflow.cli.flink.FlinkRestClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option every cluster command shares: which cluster. How long to wait for it: {@link WaitOptions}. */
public final class ClusterOptions {

    private static final int MAX_PORT = 65535;

    @Option(
            names = "--cluster",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:${env:BORDERFLOW_FLINK_PORT:-8081}",
            description = "The Flink cluster's REST address (default: ${DEFAULT-VALUE}).")
    private String url;

    FlinkCluster cluster() {
        String example = " such as http://127.0.0.1:8081";
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new UserError("--cluster must be an http(s) URL" + example + ", not " + url);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UserError("--cluster " + url + " is not a URL" + example + " (" + e.getReason() + ")", e);
        }
        // A port that is not a number makes the whole authority unparsed: no host.
        if (uri.getHost() == null || uri.getPort() > MAX_PORT) {
            throw new UserError("--cluster " + url + " needs a host and a port up to " + MAX_PORT + example
                    + " (the default takes its port from BORDERFLOW_FLINK_PORT)");
        }
        return new FlinkCluster(new FlinkRestClient(url));
    }

    static DeployableJob job(String name) {
        return DeployableJob.named(name)
                .orElseThrow(() -> new UserError(
                        "unknown job " + name + "; jobs: " + String.join(", ", DeployableJob.shortNames())));
    }

    /** The checkout or installation: {@code $BORDERFLOW_HOME}, set by ops/borderflow, else the working directory. */
    static Path home() {
        String home = System.getenv(ConfigDir.HOME_ENV);
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    static Path jar(DeployableJob job) {
        return job.jar(home())
                .orElseThrow(() -> new UserError("no job jar " + job.jarPattern() + " under " + home()
                        + "; build it with: ops/borderflow build"));
    }
}
