package eu.borderflow.tools.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.borderflow.schema.BorderCrossing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RecordProjectionTest {

    @Test
    void keepsOnlyTheNamedFieldsThroughNestedRecords() {
        RecordProjection projection =
                new RecordProjection(BorderCrossing.getClassSchema(), "traveller.file_id", "ingest_time", "event_time");

        // schema order of BorderCrossing: event_time, ingest_time, ..., traveller
        assertEquals(
                List.of("event_time", "ingest_time", "traveller"),
                projection.schema().getFields().stream().map(f -> f.name()).toList());
        assertEquals(
                List.of("file_id"),
                projection.schema().getField("traveller").schema().getFields().stream()
                        .map(f -> f.name())
                        .toList());
        assertEquals(
                "eu.borderflow.schema.TravellerIdentity",
                projection.schema().getField("traveller").schema().getFullName());

        GenericRecord traveller =
                new GenericData.Record(projection.schema().getField("traveller").schema());
        traveller.put("file_id", new Utf8("F-1"));
        GenericRecord crossing = new GenericData.Record(projection.schema());
        crossing.put("event_time", 1_000L);
        crossing.put("ingest_time", 2_000L);
        crossing.put("traveller", traveller);
        assertArrayEquals("F-1".getBytes(StandardCharsets.UTF_8), projection.key(crossing));
        assertEquals(2_000L, projection.arrivalMillis(crossing));
        assertEquals(1_000L, projection.eventTimeMillis(crossing));
    }

    @Test
    void unknownFieldIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecordProjection(
                        BorderCrossing.getClassSchema(), "traveller.passport", "ingest_time", "event_time"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecordProjection(BorderCrossing.getClassSchema(), "event_id.x", "ingest_time", "event_time"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecordProjection(BorderCrossing.getClassSchema(), "event_time", "ingest_time", "event_time"),
                "the key must be a string");
    }
}
