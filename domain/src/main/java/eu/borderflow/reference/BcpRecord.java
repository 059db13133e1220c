package eu.borderflow.reference;

import eu.borderflow.schema.BorderType;
import java.io.Serializable;
import java.time.ZoneId;

/**
 * One row of the BCP reference table: an external border crossing point, its kind, position, local time zone,
 * border section and relative share of traffic among BCPs of its kind.
 */
public record BcpRecord(
        String code,
        String name,
        String country,
        BorderType type,
        double latitude,
        double longitude,
        ZoneId zone,
        String sectionId,
        double weight)
        implements Serializable {}
