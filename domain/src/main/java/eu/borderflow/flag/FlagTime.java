package eu.borderflow.flag;

import eu.borderflow.schema.RiskFlag;
import java.time.Instant;

/** When a flag revision was raised, in event time (docs/CONTRACTS.md, "Trigger event ids"). */
public final class FlagTime {

    private FlagTime() {}

    /**
     * {@code raised_event_time}; for a flag written before RiskFlag v2, which does not have it, its trigger's
     * {@code event_time}.
     */
    public static Instant raisedAt(RiskFlag flag) {
        return flag.getRaisedEventTime() != null ? flag.getRaisedEventTime() : flag.getEventTime();
    }
}
