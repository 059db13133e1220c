package eu.borderflow.seeds.reference;

/** Trip lengths from {@code min} to {@code max} calendar days (both inclusive), with a relative weight. */
public record TripLengthBucket(int min, int max, double weight) {}
