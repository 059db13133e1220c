package eu.borderflow.schema.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a top-level record, as shipped under {@code avro/history/<Record>/v<N>.avsc}.
 * Readers register all of them so data written by any earlier release still decodes.
 */
public final class SchemaHistory {

    private static final String ROOT = "/avro/history/";

    private SchemaHistory() {}

    /** The released versions of {@code recordName}, oldest first; empty if none were released. */
    public static List<Schema> versionsOf(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            try (InputStream in = SchemaHistory.class.getResourceAsStream(ROOT + recordName + "/v" + v + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history of " + recordName, e);
            }
        }
    }
}
