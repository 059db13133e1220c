package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.Calibration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Picks a border type by the calibrated crossing shares, then a BCP of that type by its traffic weight. */
public final class BcpChooser {

    private final BorderType[] types = BorderType.values();
    private final Weighted typeChoice;
    private final Map<BorderType, int[]> bcpsOfType = new EnumMap<>(BorderType.class);
    private final Map<BorderType, Weighted> bcpChoice = new EnumMap<>(BorderType.class);

    public BcpChooser(List<Bcp> bcps, Calibration calibration) {
        double[] shares = new double[types.length];
        for (int i = 0; i < types.length; i++) {
            shares[i] = calibration.borderTypeShare().get(types[i]);
        }
        typeChoice = new Weighted(shares);
        for (BorderType type : types) {
            List<Bcp> ofType = new ArrayList<>();
            for (Bcp b : bcps) {
                if (b.type() == type) {
                    ofType.add(b);
                }
            }
            bcpsOfType.put(type, ofType.stream().mapToInt(Bcp::index).toArray());
            bcpChoice.put(type, Weighted.of(ofType, Bcp::weight));
        }
    }

    public BorderType type(RandomGenerator rng) {
        return types[typeChoice.pick(rng)];
    }

    /** Index of a BCP of {@code type}. */
    public int bcp(BorderType type, RandomGenerator rng) {
        return bcpsOfType.get(type)[bcpChoice.get(type).pick(rng)];
    }
}
