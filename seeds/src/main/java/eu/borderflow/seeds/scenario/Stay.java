package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;

/** A stay's two crossings. */
public record Stay(BorderCrossing entry, BorderCrossing exit) {}
