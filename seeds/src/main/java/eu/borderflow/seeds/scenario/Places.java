package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.world.BcpChooser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/** Where planted records happen or come from: BCPs drawn like the background's, and issuing member states. */
public final class Places {

    private final ReferenceData reference;
    private final BcpChooser chooser;
    private final SplittableRandom rng;
    private final List<String> memberStates;

    Places(ReferenceData reference, BcpChooser chooser, SplittableRandom rng) {
        this.reference = reference;
        this.chooser = chooser;
        this.rng = rng;
        this.memberStates =
                reference.bcps().stream().map(Bcp::country).distinct().toList();
    }

    public String memberState() {
        return memberStates.get(rng.nextInt(memberStates.size()));
    }

    public Bcp bcp(String code) {
        return reference.bcp(code);
    }

    /** A BCP drawn like the background's: border type by its share, then by traffic weight. */
    public Bcp bcp() {
        return reference.bcps().get(chooser.bcp(chooser.type(rng), rng));
    }

    public Bcp bcp(BorderType type) {
        return reference.bcps().get(chooser.bcp(type, rng));
    }

    /** A BCP of the same type as {@code other}, but another one. */
    public Bcp otherBcp(Bcp other) {
        for (int i = 0; i < 8; i++) {
            Bcp b = bcp(other.type());
            if (b.index() != other.index()) {
                return b;
            }
        }
        return reference.bcps().stream()
                .filter(b -> b.type() == other.type() && b.index() != other.index())
                .findFirst()
                .orElseThrow();
    }

    /** A BCP whose local time is ahead of UTC on {@code day}: its local dates start before the UTC date. */
    public Bcp bcpAheadOfUtc(long day) {
        for (int i = 0; i < 32; i++) {
            Bcp b = bcp();
            if (b.zone()
                            .getRules()
                            .getOffset(LocalDate.ofEpochDay(day).atStartOfDay().toInstant(ZoneOffset.UTC))
                            .getTotalSeconds()
                    > 0) {
                return b;
            }
        }
        return bcp("FIN-A-HEL");
    }
}
