package eu.borderflow.seeds.world;

/**
 * How many crossings population travellers make in the background's traffic, worked out without writing them: each
 * traveller draws from its own random stream, so a traffic of a few travellers makes exactly their crossings.
 * Scenarios draw planted travellers in proportion to it, so planted crossings carry the persons, documents and visas
 * background crossings do (a frequent traveller's passport is in many more crossings than an occasional one's).
 */
@FunctionalInterface
public interface TrafficPreview {

    /** Every traveller makes one crossing: persons drawn as the population is (tests of other things). */
    TrafficPreview UNIFORM = (firstIndex, count) -> {
        int[] n = new int[count];
        java.util.Arrays.fill(n, 1);
        return n;
    };

    /** The number of crossings of each of the {@code count} travellers from population index {@code firstIndex} on. */
    int[] crossings(long firstIndex, int count);
}
