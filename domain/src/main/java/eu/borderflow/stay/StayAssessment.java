package eu.borderflow.stay;

import java.time.LocalDate;

/**
 * The 90/180 rule's answers for one traveller.
 *
 * @param controlDate       the day the presence was counted on
 * @param usedDays          days of presence in the window ending on {@code controlDate}
 * @param overstayDays      days beyond the maximum on {@code controlDate}; 0 when none
 * @param entry             the entry day the stay questions are about
 * @param refusedOnEntry    entering on {@code entry} would itself exceed the maximum (refusal reason F)
 * @param latestLawfulExit  last day a continuous stay from {@code entry} is lawful; {@code null} when there is none
 * @param maxStayDays       days from {@code entry} to {@code latestLawfulExit} inclusive; 0 when there is none
 */
public record StayAssessment(
        LocalDate controlDate,
        int usedDays,
        int overstayDays,
        LocalDate entry,
        boolean refusedOnEntry,
        LocalDate latestLawfulExit,
        int maxStayDays) {

    public boolean hasLawfulStay() {
        return latestLawfulExit != null;
    }
}
