package eu.borderflow.seeds.world;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from the one --seed: each concern (population, noise, alerts, ...) gets its own stream, so
 * adding draws to one concern never shifts another's output.
 */
public final class SeedMix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private SeedMix() {}

    /** SplitMix64's finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of one named concern. */
    public static long derive(long seed, String concern) {
        long h = FNV_OFFSET;
        for (byte b : concern.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        return mix64(seed * GOLDEN + h);
    }

    /** The seed of item {@code index} within a concern. */
    public static long derive(long concernSeed, long index) {
        return mix64(concernSeed + GOLDEN * (index + 1));
    }
}
