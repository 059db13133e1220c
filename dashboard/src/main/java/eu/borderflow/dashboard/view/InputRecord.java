package eu.borderflow.dashboard.view;

import eu.borderflow.dashboard.feed.Origin;
import org.apache.avro.specific.SpecificRecord;

/** A decoded record and where it was read: a topic partition and offset, or a file and record number. */
public record InputRecord(Origin origin, long offset, SpecificRecord value) {}
