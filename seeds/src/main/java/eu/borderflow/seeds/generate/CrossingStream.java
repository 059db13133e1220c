package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.UploadNoise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Merges the background traffic and the scripted scenario crossings in event-time order, adds upload noise to both
 * (a scripted crossing a scenario uploads late on purpose keeps its delay), and writes everything in arrival order.
 * A background crossing with truth labels adds its ground-truth entries once its event id is known.
 *
 * <p>The background is made {@link #WINDOW_MILLIS} at a time ({@link CrossingWindow}). Most crossings are uploaded
 * at once and nothing else arrives in the same millisecond: such a crossing is written as soon as it comes up, exactly
 * where the arrival order puts it, without a detour through the {@link ArrivalBuffer}.
 */
final class CrossingStream {

    /** What was written. */
    record Counts(
            long records,
            long background,
            long scripted,
            long duplicates,
            long fallback,
            long firstEventMillis,
            long lastEventMillis) {}

    /**
     * Two weeks of background at a time: each traveller is visited a few dozen times a year, and a window of 100,000
     * travellers (about 40,000 crossings, 32 bytes each with their keys) stays in the CPU cache. Measured, one to four
     * weeks run alike; two days are slower (every window scans all travellers).
     */
    static final long WINDOW_MILLIS = 14 * Period.DAY_MILLIS;

    private static final long NONE = Long.MAX_VALUE;
    private static final int PROGRESS_EVERY = 1 << 16;

    private final BackgroundTraffic background;
    private final List<BorderCrossing> script;
    private final long[] scriptMillis;
    private final UploadNoise noise;
    private final UploadNoise scriptNoise;
    private final Set<String> resend;
    private final BackgroundTruth truth;
    private final EncodedRecordFile writer;
    private final IdFactory ids;
    private final CrossingWindow window;
    private final CrossingEncoder scriptEncoder = new CrossingEncoder();
    private final ArrivalBuffer buffer;
    private boolean backgroundDone;
    private int next;
    private long backgroundCounter;
    private long written;
    private long duplicates;
    private long fallback;

    private CrossingStream(
            BackgroundTraffic background,
            List<BorderCrossing> scripted,
            Set<String> resend,
            UploadNoise noise,
            UploadNoise scriptNoise,
            BackgroundTruth truth,
            EncodedRecordFile writer,
            BackgroundEncoder encoder,
            IdFactory ids,
            Period period) {
        this.background = background;
        this.script = new ArrayList<>(scripted);
        script.sort(Comparator.comparing(BorderCrossing::getEventTime).thenComparing(BorderCrossing::getEventId));
        this.scriptMillis =
                script.stream().mapToLong(c -> c.getEventTime().toEpochMilli()).toArray();
        this.noise = noise;
        this.scriptNoise = scriptNoise;
        this.resend = resend;
        this.truth = truth;
        this.writer = writer;
        this.ids = ids;
        this.window = new CrossingWindow(encoder, period.startMillis());
        this.buffer = new ArrivalBuffer(this::append);
    }

    /**
     * Writes the background and the scripted crossings ({@code resend}: event ids a scenario re-sends on purpose);
     * {@code encoder} has prepared every background traveller and numbers crossings with {@code ids}; {@code truth}
     * receives the background's ground-truth entries.
     */
    static Counts write(
            BackgroundTraffic background,
            List<BorderCrossing> scripted,
            Set<String> resend,
            UploadNoise noise,
            UploadNoise scriptNoise,
            BackgroundTruth truth,
            Period period,
            EncodedRecordFile writer,
            BackgroundEncoder encoder,
            IdFactory ids,
            Progress progress)
            throws IOException {
        return new CrossingStream(background, scripted, resend, noise, scriptNoise, truth, writer, encoder, ids, period)
                .run(period, progress);
    }

    private Counts run(Period period, Progress progress) throws IOException {
        long first = NONE;
        long last = Long.MIN_VALUE;
        long steps = 0;
        double span = period.endMillis() - period.startMillis();
        for (long at = nextEventMillis(); at != NONE; at = nextEventMillis()) {
            if (scriptMillis() == at) {
                scripted(script.get(next++), at);
            } else {
                background(window.advance());
            }
            first = Math.min(first, at);
            last = Math.max(last, at);
            if (++steps % PROGRESS_EVERY == 0) {
                progress.update("crossings", Math.max(0, Math.min(1, (at - period.startMillis()) / span)));
            }
        }
        buffer.flush();
        progress.update("crossings", 1);
        return new Counts(written, backgroundCounter, script.size(), duplicates, fallback, first, last);
    }

    /** The event time of the next crossing, scripted or background (scripted first on equal times), or NONE. */
    private long nextEventMillis() {
        return Math.min(scriptMillis(), backgroundMillis());
    }

    private long scriptMillis() {
        return next < scriptMillis.length ? scriptMillis[next] : NONE;
    }

    /** The event time of the next background crossing, making the next window when this one is used up. */
    private long backgroundMillis() {
        while (!window.hasNext() && !backgroundDone) {
            backgroundDone = !window.fill(background, WINDOW_MILLIS);
        }
        return window.hasNext() ? window.peekMillis() : NONE;
    }

    private void scripted(BorderCrossing c, long at) throws IOException {
        buffer.releaseBefore(at);
        if (!c.getFallbackUpload()) {
            long ingest = scriptNoise.ingestMillis(at);
            if (ingest != at) {
                c.setIngestTime(Instant.ofEpochMilli(ingest));
                c.setFallbackUpload(true);
            }
        }
        long ingest = c.getIngestTime().toEpochMilli();
        OptionalLong resent = resend.contains(c.getEventId())
                ? OptionalLong.of(scriptNoise.resendMillis(ingest))
                : scriptNoise.resentMillis(ingest);
        fallback += c.getFallbackUpload() ? 1 : 0;
        buffer.add(scriptEncoder.encode(c), c.getIngestTime().toEpochMilli(), c.getEventId());
        if (resent.isPresent()) {
            BorderCrossing copy = BorderCrossing.newBuilder(c)
                    .setIngestTime(Instant.ofEpochMilli(resent.getAsLong()))
                    .build();
            buffer.add(scriptEncoder.encode(copy), resent.getAsLong(), c.getEventId());
            duplicates++;
            fallback += c.getFallbackUpload() ? 1 : 0;
        }
    }

    private void background(long at) throws IOException {
        long counter = backgroundCounter++;
        if (window.labels() != 0) {
            truth.add(window, counter);
        }
        long ingest = noise.ingestMillis(at);
        boolean late = ingest != at;
        OptionalLong resent = noise.resentMillis(ingest);
        if (resent.isPresent()) {
            buffer.add(window.record(counter, resent.getAsLong(), late), resent.getAsLong(), ids.eventId(counter));
            duplicates++;
            fallback += late ? 1 : 0;
        }
        buffer.releaseBefore(at);
        fallback += late ? 1 : 0;
        ByteBuffer record = window.record(counter, ingest, late);
        if (!late && buffer.noneArrivesBy(at) && nextEventMillis() > at) {
            append(record);
        } else {
            buffer.add(record, ingest, ids.eventId(counter));
        }
    }

    private void append(ByteBuffer encoded) throws IOException {
        writer.appendEncoded(encoded);
        written++;
    }
}
