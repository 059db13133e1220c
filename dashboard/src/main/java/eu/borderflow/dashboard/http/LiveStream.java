package eu.borderflow.dashboard.http;

import eu.borderflow.dashboard.auth.Session;
import eu.borderflow.dashboard.auth.SessionStore;
import eu.borderflow.dashboard.feed.FeedEvent;
import eu.borderflow.dashboard.feed.FeedLog;
import eu.borderflow.dashboard.feed.FeedPosition;
import eu.borderflow.dashboard.view.Json;
import eu.borderflow.dashboard.view.SituationView;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One live-feed stream (server-sent events) per browser tab. A stream starts where the client says: the
 * {@code Last-Event-ID} its browser sends when it reconnects, else the {@code from} position of the snapshot it loaded,
 * else now. It first replays every held event the client has not seen (or tells it to reload, event {@code reset},
 * when some were dropped from the bound), then sends new events as they arrive, each with its feed position as id.
 * Section changes go as {@code sections} events without an id (they are state: a reconnect sends them all again),
 * at most once a second. A comment every 15 s keeps proxies from closing a quiet stream and finds closed ones.
 */
final class LiveStream implements Consumer<SseClient> {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String FROM = "from";
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final long SECTIONS_EVERY_MILLIS = 1_000;

    private final SituationView view;
    private final SessionStore sessions;
    private final AtomicInteger open;
    private final int maxStreams;

    LiveStream(SituationView view, SessionStore sessions, AtomicInteger open, int maxStreams) {
        this.view = view;
        this.sessions = sessions;
        this.open = open;
        this.maxStreams = maxStreams;
    }

    @Override
    public void accept(SseClient client) {
        Session session = WebSecurity.session(client.ctx());
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            client.sendEvent("busy", Json.write(Map.of("reason", "too many live streams open; close some tabs")));
            client.close();
            return;
        }
        try {
            stream(client, session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            client.close();
        }
    }

    private void stream(SseClient client, Session session) throws InterruptedException {
        FeedLog feed = view.feed();
        String lastId = client.ctx().header(LAST_EVENT_ID);
        String from = lastId != null ? lastId : client.ctx().queryParam(FROM);
        long seq;
        if (from == null) {
            seq = feed.nextSeq();
        } else {
            Optional<FeedPosition> position = FeedPosition.parse(from);
            FeedLog.Resume resume = position.isPresent() ? feed.resume(position.get()) : null;
            if (resume == null || !resume.complete()) {
                reset(
                        client,
                        position.isPresent()
                                ? "events you have not seen were dropped from the feed's bound"
                                : "unknown feed position");
                return;
            }
            for (FeedEvent e : resume.missed()) {
                client.sendEvent(e.type(), e.json(), e.id());
            }
            seq = resume.nextSeq();
        }
        SituationView.SectionChanges sections = view.sectionsSince(-1);
        client.sendEvent("sections", Json.write(sections.statuses()));
        long sentVersion = feed.version();
        long lastSections = System.currentTimeMillis();
        long lastSent = lastSections;
        while (!client.terminated()) {
            if (!sessions.isLive(session)) {
                client.sendEvent("signed-out", Json.write(Map.of("reason", "your session ended")));
                return;
            }
            long now = System.currentTimeMillis();
            boolean sectionsDue = now - lastSections >= SECTIONS_EVERY_MILLIS;
            long wait = Math.max(
                    1,
                    Math.min(
                            HEARTBEAT_MILLIS - (now - lastSent),
                            sectionsDue ? HEARTBEAT_MILLIS : SECTIONS_EVERY_MILLIS - (now - lastSections)));
            FeedLog.Batch batch = feed.await(seq, sectionsDue ? sentVersion : -1, wait);
            if (batch.closed()) {
                return;
            }
            if (batch.fellBehind()) {
                reset(client, "this tab fell behind the feed's bound");
                return;
            }
            List<FeedEvent> events = batch.events();
            for (FeedEvent e : events) {
                client.sendEvent(e.type(), e.json(), e.id());
                seq = e.seq() + 1;
            }
            now = System.currentTimeMillis();
            if (!events.isEmpty()) {
                lastSent = now;
            }
            if (batch.version() != sentVersion && now - lastSections >= SECTIONS_EVERY_MILLIS) {
                SituationView.SectionChanges changed = view.sectionsSince(sections.version());
                if (!changed.statuses().isEmpty()) {
                    client.sendEvent("sections", Json.write(changed.statuses()));
                    lastSent = now;
                }
                sections = changed;
                sentVersion = batch.version();
                lastSections = now;
            }
            if (now - lastSent >= HEARTBEAT_MILLIS) {
                client.sendComment("keep-alive");
                lastSent = now;
            }
        }
    }

    private static void reset(SseClient client, String reason) {
        client.sendEvent("reset", Json.write(Map.of("reason", reason)));
    }
}
