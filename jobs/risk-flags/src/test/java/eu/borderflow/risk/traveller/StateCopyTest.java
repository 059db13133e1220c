package eu.borderflow.risk.traveller;

import static org.assertj.core.api.Assertions.assertThat;

import eu.borderflow.risk.testing.EveryField;
import org.junit.jupiter.api.Test;

/**
 * The hand-written copies the EES-file and document operators apply a crossing to: every field copied, and nothing
 * the rules change (arrays, the open stay) shared with the original.
 */
class StateCopyTest {

    @Test
    void travellerFileCopiesEveryFieldAndSharesNothingMutable() {
        TravellerFile file = EveryField.filled(TravellerFile.class, 1);

        TravellerFile copy = file.copy();

        assertThat(EveryField.sameFields(copy, file)).isTrue();
        assertThat(copy.getOpenStay()).isNotSameAs(file.getOpenStay());
        assertThat(copy.getStays()).isNotSameAs(file.getStays());
        assertThat(copy.getVisaDigests()).isNotSameAs(file.getVisaDigests());
        assertThat(copy.getVisaEntries()).isNotSameAs(file.getVisaEntries());
        assertThat(copy.getVisaDaysUsed()).isNotSameAs(file.getVisaDaysUsed());
        assertThat(copy.getVisaLastDays()).isNotSameAs(file.getVisaLastDays());
        assertThat(copy.getVisaKeepUntil()).isNotSameAs(file.getVisaKeepUntil());
        copy.getOpenStay().setMissingExitRaised(false);
        assertThat(file.getOpenStay().isMissingExitRaised()).isTrue();
    }

    @Test
    void emptyFileCopiesWithoutOpenStay() {
        TravellerFile copy = TravellerFile.empty().copy();

        assertThat(EveryField.sameFields(copy, TravellerFile.empty())).isTrue();
        assertThat(copy.getOpenStay()).isNull();
    }

    @Test
    void documentTrailCopiesEveryField() {
        DocumentTrail trail = EveryField.filled(DocumentTrail.class, 1);

        DocumentTrail copy = trail.copy();

        assertThat(copy).isNotSameAs(trail);
        assertThat(EveryField.sameFields(copy, trail)).isTrue();
        assertThat(EveryField.sameFields(copy, EveryField.filled(DocumentTrail.class, 2)))
                .as("the comparison sees a difference")
                .isFalse();
    }
}
