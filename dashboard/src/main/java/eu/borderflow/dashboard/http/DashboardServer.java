package eu.borderflow.dashboard.http;

import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.auth.SessionStore;
import eu.borderflow.dashboard.auth.UserDirectory;
import eu.borderflow.dashboard.health.PipelineHealth;
import eu.borderflow.dashboard.input.DashboardInput;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.Json;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.dashboard.write.Decisions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;

/**
 * The web server: Javalin (Jetty 12) serving the one web app from the jar ({@code /web}), Leaflet and uPlot from their
 * webjars, the JSON API, the live feed and /metrics. Nothing the page loads comes from another origin.
 */
public final class DashboardServer implements AutoCloseable {

    private final Javalin app;

    public DashboardServer(
            DashboardSettings settings,
            SituationView view,
            UserDirectory users,
            SessionStore sessions,
            Decisions decisions,
            PipelineHealth health,
            DashboardInput input,
            DashboardMetrics metrics) {
        WebSecurity security = new WebSecurity(sessions, settings.server().secureCookies());
        Routes routes = new Routes(
                view,
                users,
                sessions,
                security,
                decisions,
                health,
                input,
                metrics,
                settings.sessions().maxLifetime(),
                settings.server().maxStreams());
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.requestLogger.http((ctx, millis) -> metrics.httpRequest(
                    ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000))));
            routes.addTo(config.routes);
        });
    }

    /** Starts listening; port 0 takes a free one. */
    public DashboardServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The route template (never the raw path, which would carry ids) for the metrics. */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }

    @Override
    public void close() {
        app.stop();
    }
}
