package eu.borderflow.seeds.world;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random numbers of {@code new SplittableRandom(seed)}, from a generator whose position can be read and set. The
 * background traffic keeps every traveller's stream as one long in an array, next to the traveller's trip, and walks
 * all of them with one instance: a hundred thousand {@link SplittableRandom} objects scattered over the heap would
 * cost a cache miss at every crossing.
 *
 * <p>{@link SplittableRandom} (JDK 17 and later) defines only {@link #nextLong()} and {@link #nextInt()}; every other
 * method is {@link RandomGenerator}'s default built on those two, so defining the same two here gives the same
 * numbers from every method (RandomStreamTest draws them side by side).
 */
public final class RandomStream implements RandomGenerator {

    /** SplittableRandom's increment for a generator made from a seed. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long position;

    /** The stream of {@code new SplittableRandom(seed)}. */
    public RandomStream(long seed) {
        this.position = seed;
    }

    /** Where the stream is: {@link #moveTo} with this value continues it from here. */
    public long position() {
        return position;
    }

    /** Continues a stream from a {@link #position()} read earlier. */
    public void moveTo(long position) {
        this.position = position;
    }

    @Override
    public long nextLong() {
        long z = position += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt() {
        long z = position += GOLDEN_GAMMA;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
