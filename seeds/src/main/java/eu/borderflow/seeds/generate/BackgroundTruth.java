package eu.borderflow.seeds.generate;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.TruthLabels;
import eu.borderflow.stay.AuthorisedStay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ground truth of the background: the entries a labelled crossing stands for ({@link TruthLabels}), made when the
 * crossing is written and its event id known. An R4 entry carries its deadline as {@code not_before}: a flag raised
 * before it is premature.
 */
final class BackgroundTruth {

    private final BackgroundTraffic traffic;
    private final IdFactory ids;
    private final Pseudonymiser tokens;
    private final List<Bcp> bcps;
    private final CrossingFactory factory;
    private final Duration grace;
    private final List<GroundTruthEntry> sink;

    BackgroundTruth(
            BackgroundTraffic traffic,
            IdFactory ids,
            Pseudonymiser tokens,
            List<Bcp> bcps,
            CrossingFactory factory,
            Duration grace,
            List<GroundTruthEntry> sink) {
        this.traffic = traffic;
        this.ids = ids;
        this.tokens = tokens;
        this.bcps = bcps;
        this.factory = factory;
        this.grace = grace;
        this.sink = sink;
    }

    /** The entries of the {@code counter}-th background crossing, the window's current one. */
    void add(CrossingWindow window, long counter) {
        CrossingKind kind = window.kind();
        List<TruthLabels.Entry> entries = TruthLabels.entries(window.labels(), kind);
        if (entries.isEmpty()) {
            return;
        }
        String eventId = ids.eventId(counter);
        String token =
                tokens.token(Pseudonymiser.Domain.FILE, ids.fileId(traffic.travellerAt(window.travellerBytesStart())));
        for (TruthLabels.Entry e : entries) {
            Instant notBefore = e.ruleId().equals("R4") ? deadline(window) : null;
            sink.add(new GroundTruthEntry(
                    e.family() + "/" + eventId,
                    e.kind(),
                    e.ruleId(),
                    token,
                    eventId,
                    e.description(),
                    e.family(),
                    notBefore));
        }
    }

    /** R4's deadline for an entry whose stay ends on its planned exit day (the day its retention counts from). */
    private Instant deadline(CrossingWindow window) {
        long exitDay = factory.exitDayOf(window.retentionDay());
        return Instant.ofEpochMilli(AuthorisedStay.missingExitDeadline(
                (int) exitDay, (int) window.localDay(), bcps.get(window.bcp()).zone(), grace));
    }
}
