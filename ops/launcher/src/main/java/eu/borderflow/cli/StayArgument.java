package eu.borderflow.cli;

import java.time.LocalDate;
import picocli.CommandLine;

/**
 * One stay as written on the command line: {@code ENTRY..EXIT}, or {@code ENTRY..} for a stay still going on.
 *
 * @param exit {@code null} for an open stay
 */
record StayArgument(LocalDate entry, LocalDate exit) {

    private static final String SEPARATOR = "..";

    /** picocli's converter, so a bad value is a usage error naming the option. */
    static final class Converter implements CommandLine.ITypeConverter<StayArgument> {

        @Override
        public StayArgument convert(String value) {
            int at = value.indexOf(SEPARATOR);
            if (at < 0) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a stay; write ENTRY..EXIT or ENTRY.. with ISO dates, e.g. 2025-01-01..2025-03-31");
            }
            IsoDateConverter dates = new IsoDateConverter();
            String exit = value.substring(at + SEPARATOR.length()).trim();
            return new StayArgument(dates.convert(value.substring(0, at)), exit.isEmpty() ? null : dates.convert(exit));
        }
    }
}
