package eu.borderflow.seeds.world;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Picks an index with probability proportional to its weight: the first index whose cumulative weight exceeds a
 * uniform draw. A guide table (one entry per equal slice of the total weight: the answer at the slice's start) puts
 * the search a step or two from the answer; a binary search's unpredictable branches cost more than the rest of a
 * pick, and the generator picks several times per crossing.
 */
public final class Weighted {

    /** Guide slices per weight. */
    private static final int SLICES_PER_WEIGHT = 4;

    private final double[] cumulative;
    private final double slicesPerUnit;
    private final int[] guide;

    public Weighted(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        guide = new int[SLICES_PER_WEIGHT * weights.length];
        slicesPerUnit = guide.length / sum;
        for (int slice = 0, i = 0; slice < guide.length; slice++) {
            while (i < cumulative.length - 1 && cumulative[i] <= slice / slicesPerUnit) {
                i++;
            }
            guide[slice] = i;
        }
    }

    public static <T> Weighted of(List<T> items, ToDoubleFunction<T> weight) {
        return new Weighted(items.stream().mapToDouble(weight).toArray());
    }

    public int pick(RandomGenerator rng) {
        int last = cumulative.length - 1;
        double x = rng.nextDouble() * cumulative[last];
        int i = guide[Math.min((int) (x * slicesPerUnit), guide.length - 1)];
        while (i < last && cumulative[i] <= x) {
            i++;
        }
        while (i > 0 && cumulative[i - 1] > x) {
            i--;
        }
        return i;
    }

    public double weight(int index) {
        return cumulative[index] - (index == 0 ? 0 : cumulative[index - 1]);
    }

    public double max() {
        double max = 0;
        for (int i = 0; i < cumulative.length; i++) {
            max = Math.max(max, weight(i));
        }
        return max;
    }
}
