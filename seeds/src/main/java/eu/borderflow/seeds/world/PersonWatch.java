package eu.borderflow.seeds.world;

import eu.borderflow.schema.CrossingKind;

/**
 * Background travellers whom a person alert concerns: a true match by R2's definition (a homonym: the truth expects a
 * flag) or a deliberate near-miss (same birth date, name just below the threshold). The traffic asks once per
 * traveller as it is made, and for the labels of each crossing of a watched one.
 */
public interface PersonWatch {

    /** Nobody is watched. */
    PersonWatch NONE = new PersonWatch() {
        @Override
        public boolean watch(Traveller traveller) {
            return false;
        }

        @Override
        public int labels(int traveller, long eventMillis, boolean variantSpelling, CrossingKind kind) {
            return 0;
        }
    };

    /** True when an alert concerns {@code traveller}; then {@link #labels} is asked for its crossings. */
    boolean watch(Traveller traveller);

    /** {@link TruthLabels} PERSON_* and RETURN_* of a crossing of a watched traveller. */
    int labels(int traveller, long eventMillis, boolean variantSpelling, CrossingKind kind);
}
