package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.Incident;
import eu.borderflow.seeds.reference.BorderSection;
import eu.borderflow.seeds.reference.Calibration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Background Eurosur incidents on land and sea sections: a Poisson process per section at a low calibrated rate,
 * far below any pressure threshold. Sections reserved by pressure scenarios get none, so their counts are planned.
 */
public final class BackgroundIncidents {

    private BackgroundIncidents() {}

    public static void generate(
            long seed,
            Period period,
            Collection<BorderSection> sections,
            Set<String> reserved,
            Calibration calibration,
            IncidentFactory factory,
            List<Incident> sink) {
        SplittableRandom rng = new SplittableRandom(SeedMix.derive(seed, "incidents"));
        double lateShare = calibration.number("/incidents/late_report_share");
        for (BorderSection section : sections) {
            if (section.type() == BorderType.AIR || reserved.contains(section.id())) {
                continue;
            }
            double perDay = calibration.number(
                    "/incidents/per_section_day/" + section.type().name());
            double t = period.startMillis();
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / perDay * Period.DAY_MILLIS;
                if (t >= period.endMillis()) {
                    break;
                }
                sink.add(factory.incident(section, (long) t, rng.nextDouble() < lateShare, rng));
            }
        }
    }
}
