package eu.borderflow.picture.output;

import eu.borderflow.job.sink.AvroKafkaSerializer;
import eu.borderflow.schema.PictureUpdate;
import java.nio.charset.StandardCharsets;

/**
 * Records on the compacted picture topic (docs/CONTRACTS.md): keyed {@code <section_id>/<view>/<window_end>}, so
 * compaction keeps the latest revision of every window, and stamped with the window's end.
 */
public final class PictureTopic {

    private PictureTopic() {}

    /** {@code LAND-POL-BLR/DAY/2025-02-10T09:00:00Z}. */
    public static String key(PictureUpdate update) {
        return update.getSectionId() + '/' + update.getView() + '/' + update.getWindowEnd();
    }

    public static AvroKafkaSerializer<PictureUpdate> serializer(String topic) {
        return new AvroKafkaSerializer<>(
                PictureUpdate.class,
                topic,
                u -> key(u).getBytes(StandardCharsets.UTF_8),
                u -> u.getWindowEnd().toEpochMilli());
    }
}
