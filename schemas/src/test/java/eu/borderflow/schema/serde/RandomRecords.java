package eu.borderflow.schema.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Random generic data for any schema, to exercise readers with every field filled (or any branch of a union). */
final class RandomRecords {

    private RandomRecords() {}

    /** Every field filled: a union takes its last branch, which in these schemas is never null. */
    static GenericData.Record of(Schema schema, Random random) {
        return (GenericData.Record) value(schema, random, false);
    }

    /** A union takes any of its branches, null included. */
    static GenericData.Record withAnyBranch(Schema schema, Random random) {
        return (GenericData.Record) value(schema, random, true);
    }

    private static Object value(Schema schema, Random random, boolean anyBranch) {
        switch (schema.getType()) {
            case RECORD:
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), value(field.schema(), random, anyBranch));
                }
                return record;
            case ENUM:
                List<String> symbols = schema.getEnumSymbols();
                return new GenericData.EnumSymbol(schema, symbols.get(random.nextInt(symbols.size())));
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (int i = random.nextInt(3) + 1; i > 0; i--) {
                    items.add(value(schema.getElementType(), random, anyBranch));
                }
                return items;
            case MAP:
                Map<String, Object> map = new HashMap<>();
                map.put("k" + random.nextInt(100), value(schema.getValueType(), random, anyBranch));
                return map;
            case UNION:
                List<Schema> branches = schema.getTypes();
                return value(
                        branches.get(anyBranch ? random.nextInt(branches.size()) : branches.size() - 1),
                        random,
                        anyBranch);
            case STRING:
                return "s" + random.nextInt(1_000_000);
            case BYTES:
                byte[] bytes = new byte[random.nextInt(8) + 1];
                random.nextBytes(bytes);
                return ByteBuffer.wrap(bytes);
            case INT:
                return random.nextInt(40_000);
            case LONG:
                return random.nextLong() >>> 20;
            case FLOAT:
                return random.nextFloat();
            case DOUBLE:
                return random.nextDouble();
            case BOOLEAN:
                return random.nextBoolean();
            case NULL:
                return null;
            default:
                throw new IllegalArgumentException("unsupported schema type " + schema.getType());
        }
    }
}
