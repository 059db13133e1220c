package eu.borderflow.risk.traveller;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RiskFlag;
import java.io.Serializable;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * R3, R5 and R6 judged early ({@link EarlyJudgement}) by the same {@link StayMovements} that settles the file, with
 * nothing kept: no timer is registered and no R4 flag raised or withdrawn; the file changes only when a crossing is
 * settled. Nothing is raised early after an entry that presumes a missing exit.
 */
final class EarlyStayCheck implements EarlyJudgement.Rules<TravellerFile, TravellerCrossing>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Sandbox SANDBOX = new Sandbox();

    private final StayMovements movements;

    EarlyStayCheck(StayMovements movements) {
        this.movements = movements;
    }

    @Override
    public TravellerFile copy(TravellerFile file) {
        return file == null ? TravellerFile.empty() : file.copy();
    }

    @Override
    public void apply(TravellerFile file, TravellerCrossing crossing, Collector<RiskFlag> out) throws Exception {
        movements.apply(file, crossing, SANDBOX, SANDBOX, out);
    }

    /** An entry while a stay is open: the EES presumes the exit on the entry's day (StayMovements). */
    @Override
    public boolean presumesAMovement(TravellerFile file, TravellerCrossing crossing) {
        return crossing.getKind() == CrossingKind.ENTRY && file != null && file.getOpenStay() != null;
    }

    /** No raised R4 flag and no timers. */
    private static final class Sandbox implements ValueState<RiskFlag>, TimerService {

        @Override
        public RiskFlag value() {
            return null;
        }

        @Override
        public void update(RiskFlag value) {}

        @Override
        public void clear() {}

        @Override
        public long currentProcessingTime() {
            throw new UnsupportedOperationException("the rules run in event time");
        }

        @Override
        public long currentWatermark() {
            throw new UnsupportedOperationException("the rules do not read the watermark");
        }

        @Override
        public void registerProcessingTimeTimer(long time) {}

        @Override
        public void registerEventTimeTimer(long time) {}

        @Override
        public void deleteProcessingTimeTimer(long time) {}

        @Override
        public void deleteEventTimeTimer(long time) {}
    }
}
