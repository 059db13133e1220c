package eu.borderflow.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
        assertEquals(
                NameNormaliser.sorted(NameNormaliser.parts("Petrenko Ivan Olehovych")),
                NameNormaliser.sorted(NameNormaliser.parts("Ivan Olehovych PETRENKO")));
        assertNotEquals(folded("Petrenko Ivan"), folded("Ivan Petrenko"));
    }

    @Test
    void blankNamesHaveNoParts() {
        assertEquals(List.of(), NameNormaliser.parts("  - "));
        assertEquals(List.of(), NameNormaliser.parts(null));
    }

    /** The one-pass folding with its per-character table gives what the whole-text definition gives. */
    @Test
    void onePassFoldingEqualsTheDefinitionForEveryCharacter() {
        for (int c = 1; c <= Character.MAX_VALUE; c++) {
            String ch = String.valueOf((char) c);
            for (String raw : new String[] {ch, "a" + ch + "b", ch + "'" + ch + " x", "Ma" + ch + ch + "-Oz"}) {
                assertEquals(
                        NameNormaliser.referenceParts(raw),
                        NameNormaliser.parts(raw),
                        () -> "U+" + Integer.toHexString(raw.codePointAt(raw.length() > 1 ? 1 : 0)) + " in " + raw);
            }
        }
    }

    @Test
    void onePassFoldingEqualsTheDefinitionOnRandomNames() {
        Random random = new Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ '-.,`’ÆæŒœØøŁłĐđÞþŠšČčŽžßıſ"
                + "äöüÄÖÜéèêëÉÈáàâãåçñÑóòôõúùûýÿğĞşŞİőűĆćŃńŚśŹźŻżΑαΒβЖжШшЁёЙй\u0301\u0308ǅǈǋﬀﬁ"
                + "\uD835\uDC00";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = raw.toString();
            assertEquals(NameNormaliser.referenceParts(name), NameNormaliser.parts(name), name);
        }
    }

    /** Every part of up to six letters over the letters the transliterations read, and random longer ones. */
    @Test
    void onePassTransliterationEqualsTheRulesAppliedOneAfterTheOther() {
        char[] letters = "SCHZKPWOUYJIEVA".toCharArray();
        char[] part = new char[6];
        for (int length = 1; length <= 6; length++) {
            int combinations = (int) Math.pow(letters.length, length);
            for (int n = 0; n < combinations; n += length == 6 ? 7 : 1) {
                int rest = n;
                for (int i = 0; i < length; i++) {
                    part[i] = letters[rest % letters.length];
                    rest /= letters.length;
                }
                String text = new String(part, 0, length);
                assertEquals(NameNormaliser.referenceFold(text), NameNormaliser.fold(text), text);
            }
        }
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 7 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                text.append(letters[random.nextInt(letters.length)]);
            }
            assertEquals(
                    NameNormaliser.referenceFold(text.toString()),
                    NameNormaliser.fold(text.toString()),
                    text.toString());
        }
    }
}
