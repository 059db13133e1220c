package eu.borderflow.seeds.scenario;

/**
 * Numbers for what scenarios plant (persons, their extra documents, visas and templates): one sequence after the
 * background's population indexes, so no number is given twice.
 */
final class PlantedNumbers {

    private long next;

    PlantedNumbers(int travellers) {
        this.next = travellers;
    }

    long next() {
        return next++;
    }

    /** The first of {@code count} numbers in a row. */
    long block(int count) {
        long first = next;
        next += count;
        return first;
    }
}
