package eu.borderflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.InvalidStayException;
import eu.borderflow.stay.StayAssessment;
import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.StayRule;
import eu.borderflow.stay.VisaTerms;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A border guard's question, "how many days may this traveller still stay?", answered by the pipeline's calculator. */
@Command(
        name = "stay",
        mixinStandardHelpOptions = true,
        description = {
            "The 90/180 rule (Schengen Borders Code Art. 6(1)): days of presence in the 180 days ending --on, "
                    + "any overstay, and how long a stay entered on --entry may lawfully last (its authorised "
                    + "end, as the risk job computes it: docs/RULES.md).",
            "A visa's duration of stay is a total over its validity (Visa Code Annex VII point 4): give the "
                    + "days already spent under it with --visa-days-used. A visa valid over six months has no "
                    + "total (Reg. 610/2013).",
            "Dates are the border crossing point's local calendar dates; entry and exit days both count."
        },
        footer = {
            "",
            "Example:",
            "  ops/borderflow stay --stays 2025-01-01..2025-03-31,2025-06-30..2025-07-10 --on 2025-07-10"
        })
public final class StayCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--stays",
            required = true,
            split = ",",
            paramLabel = "ENTRY..[EXIT]",
            converter = StayArgument.Converter.class,
            description = "Stays, comma-separated; leave EXIT empty for a stay still going on (e.g. 2025-06-30..).")
    private List<StayArgument> stays;

    @Option(
            names = "--on",
            required = true,
            paramLabel = "DATE",
            converter = IsoDateConverter.class,
            description = "Control date: presence is counted in the 180 days ending on it.")
    private LocalDate on;

    @Option(
            names = "--entry",
            paramLabel = "DATE",
            converter = IsoDateConverter.class,
            description = "Entry day to assess, recorded or planned (default: the start of the last stay).")
    private LocalDate entry;

    @Option(
            names = "--visa-from",
            paramLabel = "DATE",
            converter = IsoDateConverter.class,
            description = "First day of the visa's validity (default: the entry day).")
    private LocalDate visaFrom;

    @Option(
            names = "--visa-until",
            paramLabel = "DATE",
            converter = IsoDateConverter.class,
            description = "Last day of the visa's validity; needed for any other --visa-* option.")
    private LocalDate visaUntil;

    @Option(
            names = "--visa-days",
            paramLabel = "N",
            description = "Duration of stay the visa authorises over its whole validity (default: 90).")
    private Integer visaDays;

    @Option(
            names = "--visa-days-used",
            paramLabel = "N",
            defaultValue = "0",
            description = "Days already spent under the same visa before the entry (default: ${DEFAULT-VALUE}).")
    private int visaDaysUsed;

    @Option(names = "--json", description = "Print one JSON object instead of sentences.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        if (visaDays != null && visaDays < 1) {
            throw usage("--visa-days must be at least 1, was " + visaDays);
        }
        if (visaDaysUsed < 0) {
            throw usage("--visa-days-used cannot be negative, was " + visaDaysUsed);
        }
        if (visaUntil == null && (visaFrom != null || visaDays != null || visaDaysUsed > 0)) {
            throw usage("--visa-until is needed with --visa-from, --visa-days and --visa-days-used");
        }
        AuthorisedStay authorised = AuthorisedStay.fromConfig(ConfigLoader.defaults());
        StayRule rule = authorised.rule();
        StayHistory history = history();
        if (history.size() == 0 && entry == null) {
            throw usage("--stays: give at least one stay, or --entry for a planned first entry");
        }
        LocalDate assessedEntry = entry != null ? entry : LocalDate.ofEpochDay(history.entryDay(history.size() - 1));
        StayAssessment assessment = authorised.assess(history, on, assessedEntry, visa(assessedEntry), visaDaysUsed);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? json(rule, assessment) : sentences(rule, assessment));
        out.flush();
        return ExitCodes.OK;
    }

    private VisaTerms visa(LocalDate assessedEntry) {
        if (visaUntil == null) {
            return null;
        }
        LocalDate from = visaFrom != null ? visaFrom : assessedEntry;
        if (visaUntil.isBefore(from)) {
            throw usage("--visa-until " + visaUntil + " is before the visa's first day " + from);
        }
        return VisaTerms.of(from, visaUntil, visaDays != null ? visaDays : rule().maxDaysInWindow());
    }

    private static StayRule rule() {
        return StayRule.SCHENGEN;
    }

    private StayHistory history() {
        StayHistory history = StayHistory.empty();
        try {
            for (StayArgument stay : stays) {
                history = history.add(stay.entry(), stay.exit());
            }
        } catch (InvalidStayException e) {
            throw usage("--stays: " + e.getMessage());
        }
        return history;
    }

    private String json(StayRule rule, StayAssessment a) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("on", a.controlDate().toString());
        node.put(
                "window_start",
                a.controlDate().minusDays(rule.windowDays() - 1L).toString());
        node.put("used_days", a.usedDays());
        node.put("max_days_in_window", rule.maxDaysInWindow());
        node.put("overstay_days", a.overstayDays());
        node.put("entry", a.entry().toString());
        node.put("refused_on_entry", a.refusedOnEntry());
        if (a.hasLawfulStay()) {
            node.put("latest_lawful_exit", a.latestLawfulExit().toString());
            node.put("max_stay_days", a.maxStayDays());
        } else {
            node.putNull("latest_lawful_exit");
            node.putNull("max_stay_days");
        }
        return mapper.writeValueAsString(node);
    }

    private static String sentences(StayRule rule, StayAssessment a) {
        String presence = "Used " + a.usedDays() + " of " + rule.maxDaysInWindow() + " days in the "
                + rule.windowDays() + " days ending " + a.controlDate() + "; "
                + (a.overstayDays() == 0 ? "no overstay." : "overstay of " + days(a.overstayDays()) + ".");
        String stay;
        if (a.refusedOnEntry()) {
            stay = "Entering on " + a.entry() + " would itself make more than " + rule.maxDaysInWindow()
                    + " days in the window: refusal reason F.";
        } else if (!a.hasLawfulStay()) {
            stay = "Entering on " + a.entry() + " no day of stay is lawful under the visa.";
        } else {
            stay = "Entering on " + a.entry() + " the stay may last until " + a.latestLawfulExit() + " ("
                    + days(a.maxStayDays()) + ").";
        }
        return presence + " " + stay;
    }

    private static String days(int count) {
        return count + (count == 1 ? " day" : " days");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
