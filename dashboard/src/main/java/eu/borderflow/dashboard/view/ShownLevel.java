package eu.borderflow.dashboard.view;

import eu.borderflow.schema.LevelSource;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Instant;
import java.util.Map;

/** The attributed level a section shows, who set it, and the end of a temporary one. */
record ShownLevel(SectionImpactLevel value, LevelSource source, Instant until) {

    /**
     * A supervisor's change the picture does not reflect yet (made at or after its newest window end, and not past its
     * temporary end by the event clock), else the picture's, else the reference data's.
     */
    static ShownLevel of(SectionState s, Instant eventClock) {
        SectionLevelChange change = s.latestChange();
        PictureUpdate p = s.pressure();
        boolean changePending = change != null
                && (p == null || !change.getChangedAt().isBefore(p.getWindowEnd()))
                && (change.getUntil() == null
                        || eventClock == null
                        || change.getUntil().isAfter(eventClock));
        if (changePending) {
            return new ShownLevel(change.getLevel(), LevelSource.SUPERVISOR, change.getUntil());
        }
        if (p != null) {
            return new ShownLevel(p.getAttributedLevel(), p.getAttributedLevelSource(), p.getAttributedLevelUntil());
        }
        return s.reference == null
                ? new ShownLevel(null, null, null)
                : new ShownLevel(s.reference.impactLevel(), LevelSource.REFERENCE, null);
    }

    void into(Map<String, Object> out) {
        out.put("level_source", source == null ? null : source.name());
        out.put("level_until", until == null ? null : until.toEpochMilli());
        out.put("level", value == null ? null : value.name());
    }
}
