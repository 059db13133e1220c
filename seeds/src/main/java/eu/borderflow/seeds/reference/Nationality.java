package eu.borderflow.seeds.reference;

import java.util.List;

/** A third-country nationality: its share of travellers, whether it needs a visa, and the languages of its names. */
public record Nationality(
        String code, double weight, boolean visaRequired, List<String> languages, List<Double> languageWeights) {}
