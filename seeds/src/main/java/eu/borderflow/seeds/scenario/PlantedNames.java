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

    /** A registered name with its normalised forms, so each check normalises only the new name, once. */
    private record Entry(int year, NameSimilarity.Forms forms) {
    }

    private final List<Entry> entries = new ArrayList<>();

    boolean isFree(int year, String given, String surname) {
        NameSimilarity.Forms forms = null;
        for (Entry e : entries) {
            if (e.year == year) {
                forms = forms == null ? NameSimilarity.Forms.of(given, surname) : forms;
                if (NameSimilarity.mayReach(forms, e.forms, DISTINCT_BELOW)
                        && NameSimilarity.max(forms, e.forms) >= DISTINCT_BELOW) {
                    return false;
                }
            }
        }
        return true;
    }

    void register(int year, String given, String surname) {
        entries.add(new Entry(year, NameSimilarity.Forms.of(given, surname)));
    }
}
