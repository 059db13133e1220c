package eu.borderflow.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a calendar date written YYYY-MM-DD, in the years 0001-9999 (no border record lies outside them, and the day
 * counts of the stay rules hold them); a bad one is a usage error that says so, without a Java class name.
 */
final class IsoDateConverter implements CommandLine.ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO date (YYYY-MM-DD)");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new CommandLine.TypeConversionException("'" + value + "' is outside the years 0001-9999");
        }
        return date;
    }
}
