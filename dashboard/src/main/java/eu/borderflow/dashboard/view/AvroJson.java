package eu.borderflow.dashboard.view;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as JSON-ready maps with the schema's own field names (docs/CONTRACTS.md), so the page reads the same
 * names as every other consumer. Timestamps become epoch milliseconds, dates ISO dates, enums their symbol.
 */
public final class AvroJson {

    private AvroJson() {}

    public static Map<String, Object> of(IndexedRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            out.put(field.name(), value(record.get(field.pos())));
        }
        return out;
    }

    /** Only the named fields, in that order. */
    public static Map<String, Object> of(IndexedRecord record, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : fields) {
            Schema.Field field = record.getSchema().getField(name);
            if (field == null) {
                throw new IllegalArgumentException(record.getSchema().getName() + " has no field " + name);
            }
            out.put(name, value(record.get(field.pos())));
        }
        return out;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (v instanceof LocalDate date) {
            return date.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof GenericEnumSymbol<?> symbol) {
            return symbol.toString();
        }
        if (v instanceof IndexedRecord record) {
            return of(record);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k.toString(), value(x)));
            return out;
        }
        if (v instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(x -> out.add(value(x)));
            return out;
        }
        if (v instanceof ByteBuffer) {
            throw new IllegalArgumentException("bytes are not shown on the dashboard");
        }
        return v.toString();
    }
}
