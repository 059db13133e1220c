package eu.borderflow.risk.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Changes every field of a record that is NOT on a rule's allow-list (nor on the path to an allowed field).
 * A rule whose flags stay identical under this mutation provably reads nothing outside its allow-list.
 */
public final class AllowListMutator {

    private AllowListMutator() {}

    /** A deep copy of {@code record} with every field outside {@code allowList} changed to another valid value. */
    public static <T extends SpecificRecord> T mutateOutside(T record, Set<String> allowList, long seed) {
        T copy = SpecificData.get().deepCopy(record.getSchema(), record);
        mutate(copy, "", allowList, new Random(seed));
        return copy;
    }

    private static void mutate(SpecificRecord record, String prefix, Set<String> allowList, Random random) {
        for (Schema.Field field : record.getSchema().getFields()) {
            String path = prefix + field.name();
            if (allowList.contains(path)) {
                continue;
            }
            Object value = record.get(field.pos());
            if (value instanceof SpecificRecord nested && onPathToAllowed(path, allowList)) {
                mutate(nested, path + ".", allowList, random);
            } else if (!onPathToAllowed(path, allowList) && !"synthetic".equals(path)) {
                record.put(field.pos(), other(field.schema(), value, random));
            }
        }
    }

    private static boolean onPathToAllowed(String path, Set<String> allowList) {
        return allowList.stream().anyMatch(a -> a.startsWith(path + "."));
    }

    private static Object other(Schema schema, Object value, Random random) {
        switch (schema.getType()) {
            case UNION:
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL && value != null) {
                        return other(branch, value, random);
                    }
                }
                return value;
            case STRING:
                return "mutated-" + random.nextInt(1_000_000);
            case INT:
                if (value instanceof LocalDate date) {
                    return date.plusDays(1 + random.nextInt(3000));
                }
                return ((Integer) value) + 1 + random.nextInt(50);
            case LONG:
                if (value instanceof Instant instant) {
                    return instant.plusSeconds(1 + random.nextInt(1_000_000));
                }
                return ((Long) value) + 1 + random.nextInt(1000);
            case FLOAT:
                return random.nextFloat();
            case DOUBLE:
                return random.nextDouble();
            case BOOLEAN:
                return !((Boolean) value);
            case ENUM:
                List<String> symbols = schema.getEnumSymbols();
                String next = symbols.get((symbols.indexOf(value.toString()) + 1) % symbols.size());
                return SpecificData.get().createEnum(next, schema);
            case ARRAY:
                return new ArrayList<>();
            case RECORD:
                SpecificRecord nested = (SpecificRecord) SpecificData.get().deepCopy(schema, value);
                mutate(nested, "", Set.of(), random);
                return nested;
            default:
                return value;
        }
    }
}
