package eu.borderflow.person;

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
        {"Æ", "AE"}, {"Œ", "OE"}, {"Ø", "O"}, {"Ł", "L"}, {"Đ", "D"}, {"Þ", "TH"}, {"Š", "SH"}, {"Č", "CH"}, {"Ž", "ZH"}
    };
    /** Applied in this order to every name part; the longer spellings first. */
    private static final String[][] TRANSLITERATIONS = {
        {"SCH", "SH"}, {"SZ", "SH"}, {"KH", "H"}, {"PH", "F"}, {"W", "V"}, {"OU", "U"}, {"Y", "I"}, {"J", "I"}
    };

    /**
     * What each non-ASCII UTF-16 unit becomes in the folded text: upper-cased, ligatures mapped, decomposed and marks
     * removed (see {@link #referenceParts}); filled on first use. Every step works one character at a time (upper
     * case in the root locale has no context rules, decomposition only reorders marks, which are dropped), so the
     * text can be mapped character by character. A racy fill is harmless: equal immutable strings.
     */
    private static final String[] FOLDED_CHAR = new String[Character.MAX_VALUE + 1];

    private NameNormaliser() {}

    /**
     * The folded name parts of a raw name, in the order written. One pass over the characters, with non-ASCII ones
     * mapped through {@link #FOLDED_CHAR}; the result equals {@link #referenceParts}, which text with surrogate pairs
     * still takes.
     */
    public static List<String> parts(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        int length = raw.length();
        List<String> parts = new ArrayList<>(3);
        StringBuilder part = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                accept(parts, part, c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
            } else if (Character.isSurrogate(c)) {
                return referenceParts(raw);
            } else {
                String folded = foldedChar(c);
                for (int j = 0; j < folded.length(); j++) {
                    accept(parts, part, folded.charAt(j));
                }
            }
        }
        addPart(parts, part);
        return parts;
    }

    /** An upper-case letter extends the current part, an apostrophe is skipped, anything else ends the part. */
    private static void accept(List<String> parts, StringBuilder part, char c) {
        if (c >= 'A' && c <= 'Z') {
            part.append(c);
        } else if (!isApostrophe(c)) {
            addPart(parts, part);
        }
    }

    private static String foldedChar(char c) {
        String folded = FOLDED_CHAR[c];
        if (folded == null) {
            folded = foldText(String.valueOf(c));
            FOLDED_CHAR[c] = folded;
        }
        return folded;
    }

    /** Upper case, ligatures, decomposition without marks: the text before it is cut into parts. */
    private static String foldText(String raw) {
        String text = raw.toUpperCase(Locale.ROOT);
        if (!isAscii(text)) {
            for (String[] ligature : LIGATURES) {
                text = text.replace(ligature[0], ligature[1]);
            }
            text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                    .replaceAll("");
        }
        return text;
    }

    /**
     * The definition of {@link #parts}, on the whole text at once (regex and Normalizer per call, the
     * transliterations one after the other).
     */
    static List<String> referenceParts(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = foldText(raw);
        List<String> parts = new ArrayList<>(3);
        StringBuilder part = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                part.append(c);
            } else if (!isApostrophe(c)) {
                addReferencePart(parts, part);
            }
        }
        addReferencePart(parts, part);
        return parts;
    }

    private static void addReferencePart(List<String> parts, StringBuilder part) {
        if (!part.isEmpty()) {
            parts.add(referenceFold(part.toString()));
            part.setLength(0);
        }
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

    /**
     * One name part in the folded spelling, in one pass: the same as {@link #referenceFold}, which applies the
     * {@link #TRANSLITERATIONS} one after the other. No rule's match overlaps another's, and the only text a rule
     * creates that a later rule matches is the H of KH after a P (PKH: PH, then F), done here as one step.
     */
    static String fold(String part) {
        int length = part.length();
        StringBuilder folded = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = part.charAt(i);
            char next = i + 1 < length ? part.charAt(i + 1) : 0;
            switch (c) {
                case 'S' -> {
                    if (next == 'C' && i + 2 < length && part.charAt(i + 2) == 'H') {
                        folded.append("SH");
                        i += 2;
                    } else if (next == 'Z') {
                        folded.append("SH");
                        i++;
                    } else {
                        folded.append(c);
                    }
                }
                case 'K' -> {
                    if (next == 'H') {
                        i++;
                    }
                    folded.append(next == 'H' ? 'H' : 'K');
                }
                case 'P' -> {
                    if (next == 'H') {
                        folded.append('F');
                        i++;
                    } else if (next == 'K' && i + 2 < length && part.charAt(i + 2) == 'H') {
                        folded.append('F');
                        i += 2;
                    } else {
                        folded.append(c);
                    }
                }
                case 'W' -> folded.append('V');
                case 'O' -> {
                    if (next == 'U') {
                        i++;
                    }
                    folded.append(next == 'U' ? 'U' : 'O');
                }
                case 'Y', 'J' -> folded.append('I');
                default -> folded.append(c);
            }
        }
        int end = folded.length();
        if (end >= 3
                && folded.charAt(end - 3) == 'I'
                && folded.charAt(end - 2) == 'E'
                && folded.charAt(end - 1) == 'V') {
            folded.replace(end - 3, end, "EV");
        }
        return folded.toString();
    }

    /** The definition of {@link #fold}: the transliterations applied one after the other, then the -IEV ending. */
    static String referenceFold(String part) {
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
