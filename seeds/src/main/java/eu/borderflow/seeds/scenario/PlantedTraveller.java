package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.NamePicker;
import eu.borderflow.seeds.world.Traveller;
import java.time.LocalDate;

/**
 * A traveller a scenario plants: drawn like a background traveller ({@link Traveller}), outside the background's
 * indexes. Scenarios change a rule's inputs (document, visa, stay basis, spelling, biometric template) between
 * crossings; each crossing copies the current values.
 */
public final class PlantedTraveller {

    final Traveller drawn;
    TravellerIdentity identity;
    /** The spelling every crossing carries when a scenario sets one; null: as drawn (variants now and then). */
    TravellerIdentity presented;

    TravelDocument document;
    Visa visa;
    StayBasis stayBasis;
    String facialTemplateId;
    String fingerprintTemplateId;
    FingerprintStatus fingerprintStatus;
    /** The first day (epoch day) of the scenario's stays, chosen so the traveller's document and visa allow them. */
    long day;
    /** The BCP and time of the traveller's latest crossing so far; null before the first. */
    Bcp lastBcp;

    long lastMillis = Long.MIN_VALUE;
    /**
     * The traveller gets a new visa like its own (new sticker, same kind, entries, duration and length of validity)
     * when an entry would exceed its entries, total or validity: scenarios of rules that do not read visas plant a
     * holder whose visa does not fit them anyway, as it would have got another visa, so planted visa holders are as
     * many as the background's.
     */
    boolean renewsVisa;

    int entriesUnderVisa;
    long daysUnderVisa;
    /** A name {surname, given names} just below R2's threshold from this traveller's, when a scenario needs one. */
    String[] nearName;

    PlantedTraveller(Traveller drawn) {
        this.drawn = drawn;
        this.identity = drawn.identity();
        this.document = drawn.document();
        this.visa = drawn.visa();
        this.stayBasis = drawn.stayBasis();
        this.facialTemplateId = drawn.facialTemplateId();
        this.fingerprintTemplateId = drawn.fingerprintTemplateId();
        this.fingerprintStatus = drawn.fingerprintStatus();
    }

    public TravellerIdentity identity() {
        return identity;
    }

    public String fileId() {
        return identity.getFileId();
    }

    public NamePicker.Names names() {
        return drawn.names();
    }

    /** The transliterated spelling the traveller was drawn with; null when the names have no variants. */
    public TravellerIdentity variantIdentity() {
        return drawn.variantIdentity();
    }

    public long day() {
        return day;
    }

    public TravelDocument document() {
        return document;
    }

    public Visa visa() {
        return visa;
    }

    public StayBasis stayBasis() {
        return stayBasis;
    }

    void setDocument(TravelDocument document) {
        this.document = document;
    }

    /** The document as it is, expiring on {@code day} (epoch day). */
    void setExpiry(long day) {
        document = new TravelDocument(
                document.getType(), document.getNumber(), document.getIssuingCountry(), LocalDate.ofEpochDay(day));
    }

    void setVisa(Visa visa) {
        this.visa = visa;
    }

    void setStayBasis(StayBasis basis) {
        this.stayBasis = basis;
    }

    void setFacialTemplate(String templateId) {
        this.facialTemplateId = templateId;
    }

    void setFingerprintTemplate(String templateId) {
        this.fingerprintTemplateId = templateId;
    }

    void setFingerprintStatus(FingerprintStatus status) {
        this.fingerprintStatus = status;
    }

    /** From now on every crossing of the traveller carries {@code spelling}. */
    void present(TravellerIdentity spelling) {
        this.presented = spelling;
    }
}
