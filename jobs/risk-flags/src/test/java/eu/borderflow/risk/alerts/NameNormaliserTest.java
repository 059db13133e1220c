package eu.borderflow.risk.alerts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class NameNormaliserTest {

    private static String folded(String name) {
        return NameNormaliser.ordered(NameNormaliser.parts(name));
    }

    @Test
    void diacriticsCaseAndPunctuationDisappear() {
        assertEquals("MULLER IOSE", folded("Müller, José"));
        assertEquals("DURR OE", folded("Dürr Œ"));
        assertEquals("LODZ", folded("Łódź"));
        assertEquals("ONEILL ANNA MARIA", folded("O'Neill  Anna-Maria"));
    }

    @Test
    void hyphensSeparateNamePartsAndApostrophesJoin() {
        assertEquals(List.of("ANNA", "MARIA"), NameNormaliser.parts("Anna-Maria"));
        assertEquals(List.of("DARCI"), NameNormaliser.parts("d’Arcy"));
    }

    @Test
    void cyrillicTransliterationVariantsFoldTogether() {
        // Х: KH or H; Й and Ю: Y or J; У: U or OU; Ш: SH, SCH or SZ; В: V or W; -ев: -EV, -EW, -IEV, -YEV.
        assertEquals(folded("KHARITONOV YURIY"), folded("Haritonov Jurij"));
        assertEquals(folded("YOURI"), folded("YURI"));
        assertEquals(folded("SHEVCHENKO"), folded("SCHEVCHENKO"));
        assertEquals(folded("SHEVCHENKO"), folded("SZEVCHENKO"));
        assertEquals(folded("SHEVCHENKO ZHANNA"), folded("Ševčenko Žanna"));
        assertEquals(folded("VOLKOV"), folded("WOLKOW"));
        assertEquals(folded("SERGEEV"), folded("SERGEYEV"));
        assertEquals(folded("SERGEEV"), folded("SERGEJEW"));
        assertEquals(folded("ALEXEEV"), folded("ALEXEIEV"));
    }

    @Test
    void greekTransliterationVariantsFoldTogether() {
        // Φ: PH or F.
        assertEquals(folded("PHILIPPOS"), folded("FILIPPOS"));
    }

    @Test
    void sortedFormIgnoresTheOrderOfNameParts() {
        assertEquals(NameNormaliser.sorted(NameNormaliser.parts("Petrenko Ivan Olehovych")),
                NameNormaliser.sorted(NameNormaliser.parts("Ivan Olehovych PETRENKO")));
        assertNotEquals(folded("Petrenko Ivan"), folded("Ivan Petrenko"));
    }

    @Test
    void blankNamesHaveNoParts() {
        assertEquals(List.of(), NameNormaliser.parts("  - "));
        assertEquals(List.of(), NameNormaliser.parts(null));
    }
}
