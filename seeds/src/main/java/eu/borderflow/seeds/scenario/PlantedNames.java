package eu.borderflow.seeds.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The names planted persons and planted alerts use, by birth year. A new name must be clearly different (Jaro-Winkler
 * below {@link #DISTINCT_BELOW} in every word order) from every name of another planted person born the same year,
 * so a planted alert can only match the traveller it was planted for.
 */
final class PlantedNames {

    static final double DISTINCT_BELOW = 0.85;

    private record Entry(int year, String given, String surname) {
    }

    private final List<Entry> entries = new ArrayList<>();

    boolean isFree(int year, String given, String surname) {
        for (Entry e : entries) {
            if (e.year == year && NameSimilarity.max(given, surname, e.given, e.surname) >= DISTINCT_BELOW) {
                return false;
            }
        }
        return true;
    }

    void register(int year, String given, String surname) {
        entries.add(new Entry(year, given, surname));
    }
}
