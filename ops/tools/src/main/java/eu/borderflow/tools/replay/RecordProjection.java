package eu.borderflow.tools.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * The few fields replay needs from a record (the Kafka key, the arrival time, the event time) as an Avro reader
 * schema: decoding with it skips every other field, so no names, documents or dates are built for nothing. Fields
 * are named by dotted paths through nested records, e.g. {@code traveller.file_id}. The key, a string, is read as
 * Avro's {@link Utf8}, whose bytes are already the UTF-8 Kafka key: no {@code String} is decoded and encoded again.
 */
final class RecordProjection {

    private final Schema schema;
    private final int[] key;
    private final int[] arrival;
    private final int[] eventTime;

    RecordProjection(Schema full, String keyPath, String arrivalPath, String eventTimePath) {
        List<String[]> paths = List.of(keyPath.split("\\."), arrivalPath.split("\\."), eventTimePath.split("\\."));
        this.schema = prune(full, paths, 0);
        this.key = positions(schema, paths.get(0));
        requireString(schema, key, keyPath);
        this.arrival = positions(schema, paths.get(1));
        this.eventTime = positions(schema, paths.get(2));
    }

    Schema schema() {
        return schema;
    }

    /** The key's UTF-8 bytes. */
    byte[] key(GenericRecord record) {
        Utf8 key = (Utf8) value(record, this.key);
        return Arrays.copyOf(key.getBytes(), key.getByteLength());
    }

    long arrivalMillis(GenericRecord record) {
        return (Long) value(record, arrival);
    }

    long eventTimeMillis(GenericRecord record) {
        return (Long) value(record, eventTime);
    }

    private static Object value(GenericRecord record, int[] positions) {
        GenericRecord current = record;
        for (int i = 0; i < positions.length - 1; i++) {
            current = (GenericRecord) current.get(positions[i]);
        }
        return current.get(positions[positions.length - 1]);
    }

    /** {@code record} with only the fields on {@code paths} (from segment {@code depth} on), in schema order. */
    private static Schema prune(Schema record, List<String[]> paths, int depth) {
        if (record.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(record.getFullName() + " is not a record");
        }
        List<Schema.Field> kept = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            List<String[]> below = paths.stream()
                    .filter(p -> p.length > depth && p[depth].equals(field.name()))
                    .toList();
            if (below.isEmpty()) {
                continue;
            }
            boolean leaf = below.stream().anyMatch(p -> p.length == depth + 1);
            Schema fieldSchema = leaf ? asUtf8(field.schema()) : prune(field.schema(), below, depth + 1);
            kept.add(new Schema.Field(field, fieldSchema));
        }
        for (String[] path : paths) {
            if (kept.stream().noneMatch(f -> f.name().equals(path[depth]))) {
                throw new IllegalArgumentException(record.getFullName() + " has no field " + path[depth]);
            }
        }
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, kept);
    }

    /** A string schema without the generated classes' {@code avro.java.string} hint, so it decodes to {@link Utf8}. */
    private static Schema asUtf8(Schema leaf) {
        return leaf.getType() == Schema.Type.STRING ? Schema.create(Schema.Type.STRING) : leaf;
    }

    private static void requireString(Schema projected, int[] positions, String path) {
        Schema current = projected;
        for (int position : positions) {
            current = current.getFields().get(position).schema();
        }
        if (current.getType() != Schema.Type.STRING) {
            throw new IllegalArgumentException("key " + path + " is " + current.getType() + ", not a string");
        }
    }

    private static int[] positions(Schema projected, String[] path) {
        int[] positions = new int[path.length];
        Schema current = projected;
        for (int i = 0; i < path.length; i++) {
            Schema.Field field = current.getField(path[i]);
            positions[i] = field.pos();
            current = field.schema();
        }
        return positions;
    }
}
