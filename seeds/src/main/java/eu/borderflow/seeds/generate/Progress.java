package eu.borderflow.seeds.generate;

/** Receives the generator's progress: a phase name and the fraction done in it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (phase, fraction) -> {};

    void update(String phase, double fraction);
}
