package eu.borderflow.seeds.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedTest {

    /** Skewed, flat, tiny or zero weights: each pick is the first index whose cumulative weight exceeds the draw. */
    @Test
    void picksTheFirstIndexWhoseCumulativeWeightExceedsTheDraw() {
        double[][] cases = {
            {1},
            {3, 1},
            {0, 5, 0, 0, 2, 0},
            {1e-9, 1, 1e9},
            {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2},
            {0.5, 0.3, 0.9, 4.5, 6.1, 6.3, 5.2, 3.9, 2.0, 0.1, 0, 0, 7, 40},
        };
        for (double[] weights : cases) {
            Weighted weighted = new Weighted(weights);
            double[] cumulative = new double[weights.length];
            for (int i = 0; i < weights.length; i++) {
                cumulative[i] = weights[i] + (i == 0 ? 0 : cumulative[i - 1]);
            }
            SplittableRandom draws = new SplittableRandom(weights.length);
            SplittableRandom picks = new SplittableRandom(weights.length);
            int[] counts = new int[weights.length];
            int n = 200_000;
            for (int k = 0; k < n; k++) {
                double x = draws.nextDouble() * cumulative[cumulative.length - 1];
                int expected = 0;
                while (expected < cumulative.length - 1 && cumulative[expected] <= x) {
                    expected++;
                }
                int picked = weighted.pick(picks);
                assertEquals(expected, picked, "draw " + x);
                counts[picked]++;
            }
            for (int i = 0; i < weights.length; i++) {
                double share = weights[i] / cumulative[cumulative.length - 1];
                assertEquals(share, counts[i] / (double) n, 0.01, "share of index " + i);
            }
        }
    }

    @Test
    void refusesWeightsThatCannotBePicked() {
        assertThrows(IllegalArgumentException.class, () -> new Weighted(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Weighted(new double[] {1, -1}));
    }
}
