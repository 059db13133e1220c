package eu.borderflow.seeds.reference;

import java.util.List;

/** The names of one language: surnames and given names by sex. */
public record NameBook(String language, List<NameEntry> surnames, List<NameEntry> male, List<NameEntry> female) {}
