package eu.borderflow.risk.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.commons.lang3.builder.EqualsBuilder;

/**
 * TEST ONLY: objects with every field of their class and its superclasses set to a value other than its default, so
 * that a hand-written copy or serializer that forgets a field (one added later, say) fails a test; and a field-by-field
 * comparison that follows nested objects and arrays.
 */
public final class EveryField {

    private EveryField() {}

    /** A new {@code type} with every instance field set, values derived from {@code seed}. */
    public static <T> T filled(Class<T> type, int seed) {
        try {
            T object = type.getDeclaredConstructor().newInstance();
            int n = seed;
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    field.set(object, valueOf(field.getType(), ++n));
                }
            }
            return object;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot fill " + type, e);
        }
    }

    /** Whether {@code a} and {@code b} have equal fields, nested objects and array elements compared the same way. */
    public static boolean sameFields(Object a, Object b) {
        return new EqualsBuilder().setTestRecursive(true).reflectionAppend(a, b).isEquals();
    }

    private static Object valueOf(Class<?> type, int n) {
        if (type == String.class) {
            return "v" + n;
        } else if (type == int.class || type == Integer.class) {
            return 1000 + n;
        } else if (type == long.class || type == Long.class) {
            return 1_000_000_000_000L + n;
        } else if (type == double.class || type == Double.class) {
            return n + 0.5;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[n % constants.length];
        } else if (type == String[].class) {
            return new String[] {"a" + n, "b" + n};
        } else if (type == int[].class) {
            return new int[] {n, n + 1};
        } else if (type == long[].class) {
            return new long[] {n, n + 1L};
        }
        return filled(type, n * 100);
    }
}
