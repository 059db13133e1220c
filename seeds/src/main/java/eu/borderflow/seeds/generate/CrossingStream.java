package eu.borderflow.seeds.generate;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.Traveller;
import eu.borderflow.seeds.world.UploadNoise;
import org.apache.avro.file.DataFileWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the background traffic and the scripted scenario crossings in event-time order, adds upload noise to the
 * background, and writes everything in arrival order.
 */
final class CrossingStream {

    /** What was written. */
    record Counts(long records, long background, long scripted, long duplicates, long fallback,
                  long firstEventMillis, long lastEventMillis) {
    }

    private static final int PROGRESS_EVERY = 1 << 16;

    private CrossingStream() {
    }

    static Counts write(BackgroundTraffic background, List<BorderCrossing> scripted, UploadNoise noise, Period period,
                        DataFileWriter<BorderCrossing> writer, Progress progress) {
        return write(background, scripted, noise, period, writer, new CrossingEncoder(), progress);
    }

    /** As above, with an encoder that may already hold the background travellers' bytes. */
    static Counts write(BackgroundTraffic background, List<BorderCrossing> scripted, UploadNoise noise, Period period,
                        DataFileWriter<BorderCrossing> writer, CrossingEncoder encoder, Progress progress) {
        List<BorderCrossing> script = new ArrayList<>(scripted);
        script.sort(Comparator.comparing(BorderCrossing::getEventTime).thenComparing(BorderCrossing::getEventId));
        long[] written = new long[1];
        long[] fallback = new long[1];
        ArrivalBuffer buffer = new ArrivalBuffer((c, traveller) -> {
            try {
                writer.appendEncoded(encoder.encode(c, traveller));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written[0]++;
            if (c.getFallbackUpload()) {
                fallback[0]++;
            }
        });
        int next = 0;
        long duplicates = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long steps = 0;
        double span = period.endMillis() - period.startMillis();
        while (background.hasNext() || next < script.size()) {
            boolean fromScript = next < script.size() && (!background.hasNext()
                    || script.get(next).getEventTime().toEpochMilli() <= background.peekMillis());
            BorderCrossing c = fromScript ? script.get(next++) : background.next();
            Traveller traveller = fromScript ? null : background.lastTraveller();
            long at = c.getEventTime().toEpochMilli();
            first = Math.min(first, at);
            last = Math.max(last, at);
            if (!fromScript) {
                noise.delay(c);
                BorderCrossing copy = noise.duplicate(c);
                if (copy != null) {
                    buffer.add(copy, traveller);
                    duplicates++;
                }
            }
            buffer.releaseBefore(at);
            buffer.add(c, traveller);
            if (++steps % PROGRESS_EVERY == 0) {
                progress.update("crossings", Math.max(0, Math.min(1, (at - period.startMillis()) / span)));
            }
        }
        buffer.flush();
        progress.update("crossings", 1);
        return new Counts(written[0], background.produced(), script.size(), duplicates, fallback[0], first, last);
    }
}
