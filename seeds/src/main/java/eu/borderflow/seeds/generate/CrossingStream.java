package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.world.BackgroundCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.UploadNoise;
import org.apache.avro.file.DataFileWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Merges the background traffic and the scripted scenario crossings in event-time order, adds upload noise to the
 * background, and writes everything in arrival order.
 *
 * <p>Most crossings are uploaded at once and nothing else arrives in the same millisecond: such a crossing is written
 * as soon as it is made, exactly where the arrival order puts it, without a detour through the {@link ArrivalBuffer}.
 */
final class CrossingStream {

    /** What was written. */
    record Counts(long records, long background, long scripted, long duplicates, long fallback,
                  long firstEventMillis, long lastEventMillis) {
    }

    private static final int PROGRESS_EVERY = 1 << 16;

    private final BackgroundTraffic background;
    private final List<BorderCrossing> script;
    private final UploadNoise noise;
    private final DataFileWriter<BorderCrossing> writer;
    private final BackgroundEncoder backgroundEncoder;
    private final CrossingEncoder scriptEncoder = new CrossingEncoder();
    private final ArrivalBuffer buffer;
    private int next;
    private long written;
    private long duplicates;
    private long fallback;

    private CrossingStream(BackgroundTraffic background, List<BorderCrossing> scripted, UploadNoise noise,
                           DataFileWriter<BorderCrossing> writer, BackgroundEncoder encoder) {
        this.background = background;
        this.script = new ArrayList<>(scripted);
        script.sort(Comparator.comparing(BorderCrossing::getEventTime).thenComparing(BorderCrossing::getEventId));
        this.noise = noise;
        this.writer = writer;
        this.backgroundEncoder = encoder;
        this.buffer = new ArrivalBuffer(this::append);
    }

    /** Writes the crossings; {@code encoder} has prepared every background traveller. */
    static Counts write(BackgroundTraffic background, List<BorderCrossing> scripted, UploadNoise noise, Period period,
                        DataFileWriter<BorderCrossing> writer, BackgroundEncoder encoder, Progress progress)
            throws IOException {
        return new CrossingStream(background, scripted, noise, writer, encoder).run(period, progress);
    }

    private Counts run(Period period, Progress progress) throws IOException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long steps = 0;
        double span = period.endMillis() - period.startMillis();
        while (background.hasNext() || next < script.size()) {
            long at = nextEventMillis();
            if (next < script.size() && script.get(next).getEventTime().toEpochMilli() == at) {
                scripted(script.get(next++), at);
            } else {
                background(background.next(), at);
            }
            first = Math.min(first, at);
            last = Math.max(last, at);
            if (++steps % PROGRESS_EVERY == 0) {
                progress.update("crossings", Math.max(0, Math.min(1, (at - period.startMillis()) / span)));
            }
        }
        buffer.flush();
        progress.update("crossings", 1);
        return new Counts(written, background.produced(), script.size(), duplicates, fallback, first, last);
    }

    /** The event time of the next crossing; scripted ones go first on equal times. */
    private long nextEventMillis() {
        long script = next < this.script.size() ? this.script.get(next).getEventTime().toEpochMilli() : Long.MAX_VALUE;
        return background.hasNext() ? Math.min(script, background.peekMillis()) : script;
    }

    private void scripted(BorderCrossing c, long at) throws IOException {
        buffer.releaseBefore(at);
        fallback += c.getFallbackUpload() ? 1 : 0;
        buffer.add(scriptEncoder.encode(c), c.getIngestTime().toEpochMilli(), c.getEventId());
    }

    private void background(BackgroundCrossing c, long at) throws IOException {
        long ingest = noise.ingestMillis(at);
        boolean late = ingest != at;
        OptionalLong resent = noise.resentMillis(ingest);
        String eventId = late || resent.isPresent() ? c.eventId() : null;
        if (resent.isPresent()) {
            buffer.add(backgroundEncoder.encode(c, resent.getAsLong(), late), resent.getAsLong(), eventId);
            duplicates++;
            fallback += late ? 1 : 0;
        }
        buffer.releaseBefore(at);
        fallback += late ? 1 : 0;
        ByteBuffer encoded = backgroundEncoder.encode(c, ingest, late);
        if (!late && buffer.noneArrivesBy(at) && nextEventMillis() > at) {
            append(encoded);
        } else {
            buffer.add(encoded, ingest, eventId != null ? eventId : c.eventId());
        }
    }

    private void append(ByteBuffer encoded) throws IOException {
        writer.appendEncoded(encoded);
        written++;
    }
}
