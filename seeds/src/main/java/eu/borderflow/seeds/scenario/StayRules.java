package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.VisaTerms;
import java.time.Duration;
import java.time.Instant;

/**
 * The stay rules' shared definitions, for planning: a short stay's authorised end and R4's deadline as the risk job
 * computes them, so scenarios put their crossings either side of them.
 */
public final class StayRules {

    private final AuthorisedStay authorisedStay;
    private final ReferenceData reference;
    private final Duration grace;

    StayRules(AuthorisedStay authorisedStay, ReferenceData reference, Duration grace) {
        this.authorisedStay = authorisedStay;
        this.reference = reference;
        this.grace = grace;
    }

    /**
     * The authorised end (epoch day) of a short stay {@code t} enters on {@code entryDay} after {@code earlier} stays
     * (those under its current visa count against the visa's total), as the risk job computes it.
     */
    public int authorisedEnd(PlantedTraveller t, long entryDay, StayHistory earlier, int visaDaysUsed) {
        Visa v = t.visa;
        VisaTerms terms = v == null
                ? null
                : new VisaTerms(
                        (int) v.getValidFrom().toEpochDay(),
                        (int) v.getValidUntil().toEpochDay(),
                        v.getDurationOfStayDays());
        return authorisedStay.endDay(t.stayBasis, earlier, (int) entryDay, terms, visaDaysUsed);
    }

    /** R4's deadline for a stay entered by {@code entry} that is authorised until {@code endDay}. */
    public Instant missingExitDeadline(BorderCrossing entry, int endDay) {
        return Instant.ofEpochMilli(AuthorisedStay.missingExitDeadline(
                endDay,
                (int) entry.getLocalDate().toEpochDay(),
                reference.bcp(entry.getBcpCode()).zone(),
                grace));
    }
}
