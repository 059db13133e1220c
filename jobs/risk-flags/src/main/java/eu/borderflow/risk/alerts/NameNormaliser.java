package eu.borderflow.risk.alerts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings names written by different authorities to one Latin spelling: no diacritics, upper case, no punctuation,
 * and the common transliteration variants of Cyrillic and Greek names folded together (KH/H, Y/J/I, OU/U, SCH/SZ/SH,
 * W/V, PH/F, final -IEV/-YEV/-EW to -EV). Hyphens, spaces and other punctuation separate name parts; apostrophes
 * are dropped. Both sides of a comparison go through the same folding.
 */
public final class NameNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /**
     * Upper-case letters mapped before diacritics are stripped: those Unicode does not decompose (ß and ı upper-case
     * away), and the scientific transliteration of Cyrillic (Š, Č, Ž for Ш, Ч, Ж) into the English-style spelling.
     */
    private static final String[][] LIGATURES = {
            {"Æ", "AE"}, {"Œ", "OE"}, {"Ø", "O"}, {"Ł", "L"}, {"Đ", "D"}, {"Þ", "TH"},
            {"Š", "SH"}, {"Č", "CH"}, {"Ž", "ZH"}};
    /** Applied in this order to every name part; the longer spellings first. */
    private static final String[][] TRANSLITERATIONS = {
            {"SCH", "SH"}, {"SZ", "SH"}, {"KH", "H"}, {"PH", "F"}, {"W", "V"}, {"OU", "U"}, {"Y", "I"}, {"J", "I"}};

    private NameNormaliser() {
    }

    /** The folded name parts of a raw name, in the order written. */
    public static List<String> parts(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = raw.toUpperCase(Locale.ROOT);
        if (!isAscii(text)) {
            for (String[] ligature : LIGATURES) {
                text = text.replace(ligature[0], ligature[1]);
            }
            text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        }
        List<String> parts = new ArrayList<>(3);
        StringBuilder part = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                part.append(c);
            } else if (!isApostrophe(c)) {
                addPart(parts, part);
            }
        }
        addPart(parts, part);
        return parts;
    }

    /** O'Neill is also written ONEILL: an apostrophe joins, where a hyphen or space separates. */
    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '`';
    }

    private static void addPart(List<String> parts, StringBuilder part) {
        if (!part.isEmpty()) {
            parts.add(fold(part.toString()));
            part.setLength(0);
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > '\u007f') {
                return false;
            }
        }
        return true;
    }

    /** One name part in the folded spelling. */
    static String fold(String part) {
        String folded = part;
        for (String[] rule : TRANSLITERATIONS) {
            folded = folded.replace(rule[0], rule[1]);
        }
        if (folded.endsWith("IEV")) {
            folded = folded.substring(0, folded.length() - 3) + "EV";
        }
        return folded;
    }

    /** The parts joined as written. */
    public static String ordered(List<String> parts) {
        return String.join(" ", parts);
    }

    /** The parts sorted, so that the order of surname and given names does not matter. */
    public static String sorted(List<String> parts) {
        String[] copy = parts.toArray(new String[0]);
        Arrays.sort(copy);
        return String.join(" ", copy);
    }
}
