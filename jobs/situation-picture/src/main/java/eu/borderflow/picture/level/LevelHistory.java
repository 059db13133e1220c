package eu.borderflow.picture.level;

import eu.borderflow.schema.LevelSource;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionImpactLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A section's level changes in the order they took effect (changed_at, then change id). The level of a window is that
 * of the last change before its end, unless that change was temporary and ended by then; without one it is the
 * reference level. A Flink POJO.
 */
public class LevelHistory {

    private static final Comparator<LevelMark> ORDER =
            Comparator.comparingLong(LevelMark::getChangedAt).thenComparing(LevelMark::getChangeId);

    private List<LevelMark> marks = new ArrayList<>();

    /** Adds a change; false when it was known already (a re-sent record). */
    public boolean add(LevelMark mark) {
        for (LevelMark known : marks) {
            if (known.getChangeId().equals(mark.getChangeId())) {
                return false;
            }
        }
        marks.add(mark);
        marks.sort(ORDER);
        return true;
    }

    /** {@code window} with the level in force at its end. */
    public PictureUpdate stamp(PictureUpdate window, SectionImpactLevel reference) {
        long end = window.getWindowEnd().toEpochMilli();
        LevelMark inForce = null;
        for (LevelMark mark : marks) {
            if (mark.getChangedAt() < end) {
                inForce = mark;
            }
        }
        PictureUpdate.Builder stamped = PictureUpdate.newBuilder(window);
        if (inForce == null || inForce.getUntil() <= end) {
            stamped.setAttributedLevel(reference)
                    .setAttributedLevelSource(LevelSource.REFERENCE)
                    .setAttributedLevelUntil(null);
        } else {
            stamped.setAttributedLevel(inForce.getLevel())
                    .setAttributedLevelSource(LevelSource.SUPERVISOR)
                    .setAttributedLevelUntil(
                            inForce.getUntil() == LevelMark.PERMANENT
                                    ? null
                                    : Instant.ofEpochMilli(inForce.getUntil()));
        }
        return stamped.build();
    }

    /** Drops changes no window ending after {@code cutoff} can need: all but the last one before it, and later ones. */
    public void forgetBefore(long cutoff) {
        int lastBefore = -1;
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).getChangedAt() < cutoff) {
                lastBefore = i;
            }
        }
        if (lastBefore > 0) {
            marks = new ArrayList<>(marks.subList(lastBefore, marks.size()));
        }
    }

    public List<LevelMark> getMarks() {
        return marks;
    }

    public void setMarks(List<LevelMark> marks) {
        this.marks = marks;
    }
}
