package eu.borderflow.seeds.world;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** Picks an index with probability proportional to its weight (binary search over cumulative weights). */
public final class Weighted {

    private final double[] cumulative;

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
    }

    public static <T> Weighted of(List<T> items, ToDoubleFunction<T> weight) {
        return new Weighted(items.stream().mapToDouble(weight).toArray());
    }

    public int pick(RandomGenerator rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, cumulative.length - 1);
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
