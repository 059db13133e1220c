package eu.borderflow.dashboard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events client as a browser's EventSource is: it reads {@code id:}, {@code event:} and {@code data:}
 * lines into events, and reconnects by sending the last id it got as {@code Last-Event-ID}.
 */
public final class SseStream implements AutoCloseable {

    /** One event; {@code id} is null for events without one. */
    public record Event(String type, String id, String data) {}

    private final InputStream body;
    private final int status;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseStream(HttpResponse<InputStream> response) {
        this.body = response.body();
        this.status = response.statusCode();
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; {@code lastEventId} and {@code from} may be null. */
    public static SseStream open(Web web, String lastEventId, String from) throws Exception {
        String path = "/api/stream"
                + (from == null ? "" : "?from=" + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8));
        HttpRequest.Builder request = web.withCookie(web.request(path))
                .timeout(Duration.ofMinutes(10))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseStream(java.net.http.HttpClient.newHttpClient()
                .send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return status;
    }

    /** The next event, or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code n} events of the given types (others skipped), failing after {@code timeout}. */
    public List<Event> next(int n, Duration timeout, String... types) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < n) {
            long left = deadline - System.nanoTime();
            Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("got " + out.size() + " of " + n + " events: " + out);
            }
            if (List.of(types).contains(e.type())) {
                out.add(e);
            }
        }
        return out;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String type = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (type != null || data.length() > 0) {
                        events.add(new Event(type == null ? "message" : type, id, data.toString()));
                    }
                    type = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // Closed by the test, or by the server.
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
