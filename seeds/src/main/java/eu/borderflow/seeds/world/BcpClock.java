package eu.borderflow.seeds.world;

import eu.borderflow.seeds.reference.Bcp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Local time at each BCP without a time-zone lookup per event: the UTC offset of every BCP for every day around the
 * period is computed once per time zone; days with a daylight-saving change fall back to the zone rules.
 */
public final class BcpClock {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int NO_TABLE = Integer.MIN_VALUE;

    private final List<Bcp> bcps;
    private final long firstDay;
    private final int[][] offsetSeconds;

    /** Tabulates {@code firstDay} .. {@code lastDay} (epoch days, inclusive). */
    public BcpClock(List<Bcp> bcps, long firstDay, long lastDay) {
        this.bcps = bcps;
        this.firstDay = firstDay;
        int span = (int) (lastDay - firstDay + 1);
        this.offsetSeconds = new int[bcps.size()][];
        Map<ZoneId, int[]> byZone = new HashMap<>();
        for (Bcp bcp : bcps) {
            offsetSeconds[bcp.index()] = byZone.computeIfAbsent(bcp.zone(), zone -> tabulate(zone, firstDay, span));
        }
    }

    /** The zone's UTC offset on each of {@code span} days from {@code firstDay}, or NO_TABLE on a day it changes. */
    private static int[] tabulate(ZoneId zone, long firstDay, int span) {
        int[] offsets = new int[span];
        for (int d = 0; d < span; d++) {
            LocalDate date = LocalDate.ofEpochDay(firstDay + d);
            ZoneOffset atStart = zone.getRules().getOffset(date.atStartOfDay());
            ZoneOffset atEnd = zone.getRules().getOffset(LocalDateTime.of(date, LocalTime.MAX));
            offsets[d] = atStart.equals(atEnd) ? atStart.getTotalSeconds() : NO_TABLE;
        }
        return offsets;
    }

    /** UTC millis of local {@code epochDay} at {@code secondOfDay} (local wall clock) at the BCP. */
    public long toMillis(int bcp, long epochDay, int secondOfDay, int millis) {
        int offset = offset(bcp, epochDay);
        if (offset == NO_TABLE) {
            LocalDateTime local =
                    LocalDateTime.of(LocalDate.ofEpochDay(epochDay), LocalTime.ofSecondOfDay(secondOfDay));
            return local.atZone(bcps.get(bcp).zone()).toInstant().toEpochMilli() + millis;
        }
        return (epochDay * SECONDS_PER_DAY + secondOfDay - offset) * 1000L + millis;
    }

    /** The local calendar day (epoch day) of a UTC instant at the BCP. */
    public long localDay(int bcp, long utcMillis) {
        long utcDay = Math.floorDiv(utcMillis, Period.DAY_MILLIS);
        int offset = offset(bcp, utcDay);
        int offsetNext = offset(bcp, utcDay + 1);
        int offsetPrev = offset(bcp, utcDay - 1);
        if (offset == NO_TABLE || offsetNext == NO_TABLE || offsetPrev == NO_TABLE) {
            return Instant.ofEpochMilli(utcMillis)
                    .atZone(bcps.get(bcp).zone())
                    .toLocalDate()
                    .toEpochDay();
        }
        long local = Math.floorDiv(utcMillis + offset * 1000L, Period.DAY_MILLIS);
        int localOffset = local == utcDay ? offset : local > utcDay ? offsetNext : offsetPrev;
        return Math.floorDiv(utcMillis + localOffset * 1000L, Period.DAY_MILLIS);
    }

    private int offset(int bcp, long epochDay) {
        long d = epochDay - firstDay;
        if (d < 0 || d >= offsetSeconds[bcp].length) {
            return NO_TABLE;
        }
        return offsetSeconds[bcp][(int) d];
    }
}
