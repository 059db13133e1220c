package eu.borderflow.seeds.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamTest {

    private static final int DRAWS = 200_000;

    /** Every method the generator calls gives what SplittableRandom gives, draw for draw, in any interleaving. */
    @Test
    void drawsTheNumbersOfSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MIN_VALUE, 0x5DEECE66DL}) {
            SplittableRandom expected = new SplittableRandom(seed);
            RandomStream actual = new RandomStream(seed);
            SplittableRandom choice = new SplittableRandom(seed ^ 0xABCDEF);
            for (int i = 0; i < DRAWS; i++) {
                int method = choice.nextInt(10);
                String at = "seed " + seed + ", draw " + i + ", method " + method;
                assertEquals(draw(expected, method), draw(actual, method), at);
            }
        }
    }

    /** A stream moved to a saved position continues exactly where it was; another position gives other numbers. */
    @Test
    void continuesFromASavedPosition() {
        RandomStream walker = new RandomStream(0);
        long[] positions = {new RandomStream(3).position(), new RandomStream(4).position()};
        SplittableRandom three = new SplittableRandom(3);
        SplittableRandom four = new SplittableRandom(4);
        for (int i = 0; i < 1000; i++) {
            walker.moveTo(positions[0]);
            assertEquals(three.nextDouble(), walker.nextDouble());
            positions[0] = walker.position();
            walker.moveTo(positions[1]);
            assertEquals(four.nextInt(1, 1000), walker.nextInt(1, 1000));
            positions[1] = walker.position();
        }
        assertNotEquals(new RandomStream(3).nextLong(), new RandomStream(4).nextLong());
    }

    private static Object draw(RandomGenerator rng, int method) {
        return switch (method) {
            case 0 -> rng.nextInt();
            case 1 -> rng.nextLong();
            case 2 -> rng.nextInt(17);
            case 3 -> rng.nextInt(1 << 20);
            case 4 -> rng.nextInt(-5, 1_000_003);
            case 5 -> rng.nextLong(3_600_000L * 6);
            case 6 -> rng.nextDouble();
            case 7 -> rng.nextFloat();
            case 8 -> rng.nextBoolean();
            default -> rng.nextLong(10, Long.MAX_VALUE / 3);
        };
    }
}
