package eu.borderflow.seeds.scenario;

import eu.borderflow.seeds.reference.NameBook;
import eu.borderflow.seeds.reference.NameEntry;
import eu.borderflow.seeds.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NameSimilarityTest {

    /** The character bound may only skip pairs that are truly below the threshold, and must skip many. */
    @Test
    void characterBoundNeverSkipsASimilarPair() {
        List<String> given = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        for (NameBook book : ReferenceData.load().nameBooks().values()) {
            for (NameEntry e : book.male()) {
                given.add(e.name());
                given.addAll(e.variants());
            }
            for (NameEntry e : book.surnames()) {
                surnames.add(e.name());
                surnames.addAll(e.variants());
            }
        }
        SplittableRandom rng = new SplittableRandom(1);
        for (double threshold : new double[] {0.8, PlantedNames.DISTINCT_BELOW, 0.9}) {
            int skipped = 0;
            int similar = 0;
            int pairs = 20_000;
            for (int i = 0; i < pairs; i++) {
                String givenA = given.get(rng.nextInt(given.size()));
                String surnameA = surnames.get(rng.nextInt(surnames.size()));
                // every fourth pair shares a word, so that similar pairs are common too
                String givenB = i % 4 == 0 ? givenA : given.get(rng.nextInt(given.size()));
                String surnameB = surnames.get(rng.nextInt(surnames.size()));
                NameSimilarity.Forms a = NameSimilarity.Forms.of(givenA, surnameA);
                NameSimilarity.Forms b = NameSimilarity.Forms.of(givenB, surnameB);
                double max = NameSimilarity.max(a, b);
                similar += max >= threshold ? 1 : 0;
                if (!NameSimilarity.mayReach(a, b, threshold)) {
                    skipped++;
                    assertTrue(max < threshold, givenA + " " + surnameA + " / " + givenB + " " + surnameB + ": " + max);
                }
            }
            assertTrue(similar > 0 && skipped > pairs / 3, "threshold " + threshold + ": " + similar
                    + " similar pairs, " + skipped + " skipped of " + pairs);
        }
    }
}
