package eu.borderflow.seeds.world;

import java.nio.charset.StandardCharsets;

/**
 * Every identifier in a dataset. Ids are {@link SeedMix#mix64} of a namespace plus a counter: the mix is a bijection,
 * so ids never collide, look random, and depend only on the seed and the counter. Document, sticker and template
 * numbers are bijections of their index as well, so two travellers never share one by accident.
 */
public final class IdFactory {

    /** Background crossings count up from 0; scripted (scenario) crossings from here. */
    private static final long SCRIPTED_EVENTS = 1L << 60;

    private static final long FILES = 2L << 60;
    private static final long FACIAL = 3L << 60;
    private static final long FINGER = 4L << 60;
    private static final long ALERTS = 5L << 60;
    private static final long INCIDENTS = 6L << 60;
    private static final int DOC_DIGITS = 10_000_000;
    private static final int DOC_MULTIPLIER = 7_654_321;
    private static final int STICKER_DIGITS = 1_000_000_000;
    private static final int STICKER_MULTIPLIER = 387_420_489;
    private static final int LETTERS_IN_USE = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Every hex id: a prefix letter and 16 hex digits. */
    public static final int ID_LENGTH = 17;

    private final long base;
    private final int docOffset;
    private final int stickerOffset;
    private final char docLetter;
    private long scriptedEvents;
    private long alerts;
    private long incidents;
    private int alertDocuments;

    public IdFactory(long seed) {
        this.base = SeedMix.derive(seed, "ids");
        this.docOffset = (int) Math.floorMod(base, DOC_DIGITS);
        this.stickerOffset = (int) Math.floorMod(base >>> 20, STICKER_DIGITS);
        this.docLetter = (char) ('A' + Math.floorMod(base >>> 40, LETTERS_IN_USE));
    }

    /** Id of the {@code counter}-th background crossing. */
    public String eventId(long counter) {
        return hex('E', base + counter);
    }

    /** Writes {@link #eventId(long)} as {@link #ID_LENGTH} ASCII bytes at {@code out[offset]}. */
    public void eventId(long counter, byte[] out, int offset) {
        hex('E', base + counter, out, offset);
    }

    /** A new id for a scripted (scenario) crossing; scripted ids look exactly like background ones. */
    public String nextScriptedEventId() {
        return hex('E', base + SCRIPTED_EVENTS + scriptedEvents++);
    }

    public String fileId(long travellerIndex) {
        return hex('F', base + FILES + travellerIndex);
    }

    public String facialTemplateId(long index) {
        return hex('T', base + FACIAL + index);
    }

    public String fingerprintTemplateId(long index) {
        return hex('P', base + FINGER + index);
    }

    public String nextAlertId() {
        return "SIS-" + hex('A', base + ALERTS + alerts++).substring(1);
    }

    public String nextIncidentId() {
        return hex('I', base + INCIDENTS + incidents++);
    }

    /**
     * Travel document number of document {@code index}: two letters (from A-P, first one grows every 10^7 documents)
     * and seven digits; never ends in a letter, so a planted near-miss can differ by one letter safely.
     */
    public String documentNumber(long index) {
        int block = (int) (index / DOC_DIGITS);
        int digits = (int) Math.floorMod(index * DOC_MULTIPLIER + docOffset, (long) DOC_DIGITS);
        char first = (char) ('A' + (block % LETTERS_IN_USE));
        return new StringBuilder(9)
                .append(first)
                .append(docLetter)
                .append(pad(digits, 7))
                .toString();
    }

    /** Numbers of documents known only to SIS (not on any traveller): prefix Q, never used for travellers. */
    public String nextAlertDocumentNumber() {
        int digits = Math.floorMod((long) alertDocuments++ * DOC_MULTIPLIER + docOffset, DOC_DIGITS);
        return "QX" + pad(digits, 7);
    }

    /** Visa sticker number: issuing state and nine digits, a bijection of the visa index. */
    public String stickerNumber(String issuingState, long index) {
        int digits = (int) Math.floorMod(index * STICKER_MULTIPLIER + stickerOffset, (long) STICKER_DIGITS);
        return issuingState + pad(digits, 9);
    }

    private static String pad(int value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(out);
    }

    private static String hex(char prefix, long value) {
        byte[] out = new byte[ID_LENGTH];
        hex(prefix, value, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static void hex(char prefix, long value, byte[] out, int offset) {
        long v = SeedMix.mix64(value);
        out[offset] = (byte) prefix;
        for (int i = ID_LENGTH - 1; i >= 1; i--) {
            out[offset + i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
    }
}
