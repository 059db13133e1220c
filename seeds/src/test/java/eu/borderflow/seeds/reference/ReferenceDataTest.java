package eu.borderflow.seeds.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.load();

    @Test
    void enoughRealBcpsInEnoughStatesOfEveryType() {
        assertTrue(data.bcps().size() >= 60, "BCPs: " + data.bcps().size());
        Set<String> states = new HashSet<>();
        Set<BorderType> types = EnumSet.noneOf(BorderType.class);
        Set<String> codes = new HashSet<>();
        for (Bcp b : data.bcps()) {
            states.add(b.country());
            types.add(b.type());
            assertTrue(codes.add(b.code()), "duplicate code " + b.code());
            assertTrue(b.country().matches("[A-Z]{3}"), b.code());
            assertTrue(b.weight() > 0, b.code());
        }
        assertTrue(states.size() >= 12, "states: " + states);
        assertEquals(EnumSet.allOf(BorderType.class), types);
    }

    @Test
    void coordinatesLieInEuropeAndZonesAreEuropean() {
        for (Bcp b : data.bcps()) {
            // The EU's external BCPs lie between Malta/Cyprus latitude and northern Finland, Portugal and the Black
            // Sea.
            assertTrue(b.position().latitude() > 34 && b.position().latitude() < 71, b.code());
            assertTrue(b.position().longitude() > -10 && b.position().longitude() < 31, b.code());
            assertTrue(b.zone().getId().startsWith("Europe/"), b.code() + " " + b.zone());
        }
    }

    @Test
    void knownPlacesAreApproximatelyRight() {
        // Frankfurt airport and Paris CDG are about 450 km apart; Vaalimaa lies close to the Russian border.
        double fraToCdg = data.bcp("DEU-A-FRA")
                .position()
                .distanceKm(data.bcp("FRA-A-CDG").position());
        assertTrue(fraToCdg > 400 && fraToCdg < 500, "FRA-CDG " + fraToCdg);
        double helToLis = data.bcp("FIN-A-HEL")
                .position()
                .distanceKm(data.bcp("PRT-A-LIS").position());
        assertTrue(helToLis > 3200 && helToLis < 3500, "HEL-LIS " + helToLis);
    }

    @Test
    void everyBcpsSectionExistsWithTheSameTypeAndAGeometry() {
        for (Bcp b : data.bcps()) {
            BorderSection s = data.section(b.sectionId());
            assertNotNull(s, b.code() + " -> " + b.sectionId());
            assertEquals(b.type(), s.type(), b.code());
        }
        for (BorderSection s : data.sections().values()) {
            assertTrue(s.geometry().size() >= 2, s.id());
            assertNotNull(s.impactLevel(), s.id());
            assertTrue(s.id().startsWith(s.type().name() + "-"), s.id());
        }
    }

    @Test
    void calibrationMatchesTheDomainFigures() {
        Calibration c = data.calibration();
        assertEquals(
                1.0,
                c.borderTypeShare().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                1e-9);
        assertEquals(
                1.0,
                c.refusalSplit().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                1e-9);
        // DOMAIN.md: ~120,000 refusals against ~600 million crossings, 57% land, 40% air, 3% sea.
        assertEquals(120_000.0 / 600_000_000.0, c.refusalShareOfCrossings(), 1e-9);
        assertEquals(0.57, c.refusalSplit().get(BorderType.LAND), 1e-9);
        double[] air = c.hourly("AIR_ENTRY");
        int peak = 0;
        for (int h = 0; h < 24; h++) {
            peak = air[h] > air[peak] ? h : peak;
        }
        assertTrue(peak >= 5 && peak <= 9, "airport arrival peak at " + peak);
        assertEquals(7, c.weekly().length);
    }

    @Test
    void nameListsHaveDiacriticsAndTransliterations() {
        assertTrue(data.nameBooks().size() >= 8);
        boolean diacritics = data.nameBooks().values().stream()
                .flatMap(b -> b.surnames().stream())
                .anyMatch(n -> !n.name().chars().allMatch(ch -> ch < 128));
        boolean variants = data.nameBook("ru").surnames().stream().allMatch(NameEntry::hasVariants);
        assertTrue(diacritics);
        assertTrue(variants);
        for (Nationality n : data.nationalities()) {
            n.languages().forEach(l -> assertNotNull(data.nameBook(l)));
            assertFalse(n.languages().isEmpty());
        }
        assertTrue(Arrays.stream(new String[] {"RUS", "TUR", "CHN"})
                .allMatch(code ->
                        data.nationalities().stream().anyMatch(n -> n.code().equals(code) && n.visaRequired())));
    }
}
