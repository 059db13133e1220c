package eu.borderflow.seeds.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.RuleDefinitions;
import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.ReferenceData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules R1-R10 read literally from DOMAIN.md and docs/RULES.md, applied to a dataset's files: which triggers the
 * law flags. Written apart from the generator and the job (day by day, sets of dates, no shared calculator; only R2's
 * name folding and similarity come from the domain library, as they are a definition, not a computation), so it can
 * catch either one out. Crossings are taken once each (re-sent copies dropped) in event-time order.
 */
public final class LawOracle {

    private static final int MAX = 90;
    private static final int WINDOW = 180;
    private static final double EARTH_KM = 6371.0088;
    private static final Set<AlertBasis> PERSON = EnumSet.of(
            AlertBasis.REFUSAL_1861_ART24,
            AlertBasis.ARREST_1862_ART26,
            AlertBasis.MISSING_1862_ART32,
            AlertBasis.JUDICIAL_1862_ART34,
            AlertBasis.CHECK_1862_ART36);

    private final ReferenceData reference = ReferenceData.load();
    private final JsonNode rules = ConfigLoader.defaults().tree("rules");
    private final Map<String, Set<String>> flagged = new HashMap<>();
    /** Measures near the thresholds: days of presence in the 180 days ending at an exit, days spent under its visa. */
    private final Map<String, Integer> daysInWindowAtExit = new HashMap<>();

    private final Map<String, Integer> daysUnderVisaAtExit = new HashMap<>();
    /** The authorised end (epoch day) worked out at each short-stay entry; MIN_VALUE when no day is lawful. */
    private final Map<String, Long> authorisedEndAtEntry = new HashMap<>();

    private final List<BorderCrossing> crossings;
    private final Map<String, List<AlertChange>> alerts = new HashMap<>();
    private final long clockEnd;

    private static final Map<Dataset, LawOracle> CACHE = new HashMap<>();

    /** The oracle of {@code data}, worked out once per JVM. */
    public static synchronized LawOracle of(Dataset data) {
        return CACHE.computeIfAbsent(data, LawOracle::new);
    }

    private LawOracle(Dataset data) {
        Set<String> seen = new HashSet<>();
        crossings = new ArrayList<>();
        for (BorderCrossing c : data.crossings) {
            if (seen.add(c.getEventId())) {
                crossings.add(c);
            }
        }
        crossings.sort(Comparator.comparing(BorderCrossing::getEventTime).thenComparing(BorderCrossing::getEventId));
        for (AlertChange a : data.alerts) {
            alerts.computeIfAbsent(a.getAlertId(), k -> new ArrayList<>()).add(a);
        }
        alerts.values().forEach(l -> l.sort(Comparator.comparing(AlertChange::getEventTime)));
        long outOfOrder =
                Duration.parse(rules.at("/time/out_of_orderness").asText()).toMillis();
        clockEnd = crossings.get(crossings.size() - 1).getEventTime().toEpochMilli() - outOfOrder;
        for (int r = 1; r <= 10; r++) {
            flagged.put("R" + r, new TreeSet<>());
        }
        Map<String, List<BorderCrossing>> byFile = new HashMap<>();
        Map<String, List<BorderCrossing>> byDocument = new HashMap<>();
        for (BorderCrossing c : crossings) {
            byFile.computeIfAbsent(c.getTraveller().getFileId(), k -> new ArrayList<>())
                    .add(c);
            byDocument
                    .computeIfAbsent(
                            c.getDocument().getIssuingCountry() + "/"
                                    + c.getDocument().getNumber(),
                            k -> new ArrayList<>())
                    .add(c);
        }
        byFile.values().forEach(this::file);
        byDocument.values().forEach(this::document);
        crossings.forEach(this::alertsAt);
        reviews();
    }

    /** The triggers the law flags for {@code ruleId}. */
    public Set<String> flagged(String ruleId) {
        return flagged.get(ruleId);
    }

    /** Days of presence in the 180 days ending at the exit {@code eventId} (its stay's days included). */
    public Integer daysInWindowAtExit(String eventId) {
        return daysInWindowAtExit.get(eventId);
    }

    /** Days spent under the exit's stay's visa, that stay included; null without a visa. */
    public Integer daysUnderVisaAtExit(String eventId) {
        return daysUnderVisaAtExit.get(eventId);
    }

    /** The authorised end (epoch day) at the short-stay entry {@code eventId}; null for other crossings. */
    public Long authorisedEndAtEntry(String eventId) {
        return authorisedEndAtEntry.get(eventId);
    }

    // ---- R3, R4, R5, R6: one traveller's file -------------------------------------------------------------------

    private void file(List<BorderCrossing> list) {
        Set<Long> present = new HashSet<>();
        Map<String, Set<Long>> visaDays = new HashMap<>();
        Map<String, Integer> entries = new HashMap<>();
        BorderCrossing open = null;
        long openEnd = 0;
        for (int i = 0; i < list.size(); i++) {
            BorderCrossing c = list.get(i);
            long day = c.getLocalDate().toEpochDay();
            if (c.getKind() == CrossingKind.ENTRY) {
                Visa v = c.getVisa();
                if (v != null) {
                    int n = entries.merge(v.getStickerNumber(), 1, Integer::sum);
                    if (v.getEntriesAuthorised() > 0 && n > v.getEntriesAuthorised()
                            || c.getLocalDate().isBefore(v.getValidFrom())
                            || c.getLocalDate().isAfter(v.getValidUntil())) {
                        flagged.get("R5").add(c.getEventId());
                    }
                }
                if (open != null) {
                    // No exit recorded: presumed present until this entry (EES), which closes the stay.
                    close(open, day, present, visaDays);
                }
                boolean shortStay = c.getStayBasis() == StayBasis.SHORT_STAY;
                long end = shortStay ? authorisedEnd(present, visaDays, c) : Long.MAX_VALUE;
                if (shortStay) {
                    authorisedEndAtEntry.put(c.getEventId(), end);
                }
                long expiry = c.getDocument().getExpiryDate().toEpochDay();
                if (expiry < day || shortStay && end != Long.MIN_VALUE && expiry < end) {
                    flagged.get("R6").add(c.getEventId());
                }
                open = shortStay ? c : null;
                openEnd = end;
                if (shortStay) {
                    missingExit(c, end, list, i);
                }
            } else if (c.getKind() == CrossingKind.EXIT && open != null) {
                close(open, day, present, visaDays);
                daysInWindowAtExit.put(c.getEventId(), used(present, day));
                if (open.getVisa() != null) {
                    daysUnderVisaAtExit.put(
                            c.getEventId(),
                            visaDays.get(open.getVisa().getStickerNumber()).size());
                }
                if (openEnd == Long.MIN_VALUE || day > openEnd || used(present, day) > MAX) {
                    flagged.get("R3").add(c.getEventId());
                }
                open = null;
            }
        }
    }

    private static void close(BorderCrossing entry, long exitDay, Set<Long> present, Map<String, Set<Long>> visaDays) {
        Set<Long> underVisa = entry.getVisa() == null
                ? null
                : visaDays.computeIfAbsent(entry.getVisa().getStickerNumber(), k -> new HashSet<>());
        for (long d = entry.getLocalDate().toEpochDay(); d <= exitDay; d++) {
            present.add(d);
            if (underVisa != null) {
                underVisa.add(d);
            }
        }
    }

    /** The last day a stay from {@code entry} is lawful, walking one day at a time; MIN_VALUE when none is. */
    private static long authorisedEnd(Set<Long> recorded, Map<String, Set<Long>> visaDays, BorderCrossing entry) {
        long e = entry.getLocalDate().toEpochDay();
        Visa v = entry.getVisa();
        Set<Long> present = new HashSet<>(recorded);
        Set<Long> underVisa = v == null ? null : new HashSet<>(visaDays.getOrDefault(v.getStickerNumber(), Set.of()));
        boolean total = v != null && v.getValidUntil().isBefore(v.getValidFrom().plusMonths(6));
        long last = Long.MIN_VALUE;
        for (long d = e; d < e + 400; d++) {
            present.add(d);
            boolean lawful = used(present, d) <= MAX;
            if (v != null) {
                underVisa.add(d);
                lawful &= e >= v.getValidFrom().toEpochDay()
                        && d <= v.getValidUntil().toEpochDay()
                        && (!total || underVisa.size() <= v.getDurationOfStayDays());
            }
            if (!lawful) {
                return last;
            }
            last = d;
        }
        return last;
    }

    private static int used(Set<Long> present, long day) {
        int n = 0;
        for (long d = day - WINDOW + 1; d <= day; d++) {
            n += present.contains(d) ? 1 : 0;
        }
        return n;
    }

    /**
     * R4: no exit by the start of the day after the end (the entry BCP's local time) plus the grace. An exit or entry
     * before that closes the stay; a later exit withdraws the flag; a later entry (no exit ever) leaves it standing.
     * Only deadlines the data's clock reaches count.
     */
    private void missingExit(BorderCrossing entry, long end, List<BorderCrossing> list, int at) {
        Bcp bcp = reference.bcp(entry.getBcpCode());
        long day = end == Long.MIN_VALUE ? entry.getLocalDate().toEpochDay() : end + 1;
        long deadline =
                LocalDate.ofEpochDay(day).atStartOfDay(bcp.zone()).toInstant().toEpochMilli()
                        + Duration.parse(rules.at("/rules/R4/grace").asText()).toMillis();
        if (deadline > clockEnd) {
            return;
        }
        for (int j = at + 1; j < list.size(); j++) {
            BorderCrossing next = list.get(j);
            if (next.getKind() == CrossingKind.EXIT) {
                return;
            }
            if (next.getKind() == CrossingKind.ENTRY) {
                if (next.getEventTime().toEpochMilli() < deadline) {
                    return;
                }
                break;
            }
        }
        flagged.get("R4").add(entry.getEventId());
    }

    // ---- R7, R8: one travel document ---------------------------------------------------------------------------

    private void document(List<BorderCrossing> list) {
        CrossingKind lastMovement = null;
        String face = null;
        String finger = null;
        for (int i = 0; i < list.size(); i++) {
            BorderCrossing c = list.get(i);
            if (i > 0) {
                BorderCrossing before = list.get(i - 1);
                boolean repeated = c.getKind() != CrossingKind.REFUSAL && c.getKind() == lastMovement;
                if (repeated || tooFast(before, c)) {
                    flagged.get("R7").add(c.getEventId());
                }
            }
            if (c.getKind() != CrossingKind.REFUSAL) {
                lastMovement = c.getKind();
            }
            String f = c.getBiometrics().getFacialTemplateId();
            String p = c.getBiometrics().getFingerprintTemplateId();
            boolean faceDiffers = face != null && !face.equals(f);
            boolean fingerDiffers = p != null && finger != null && !finger.equals(p);
            if (faceDiffers || fingerDiffers) {
                flagged.get("R8").add(c.getEventId());
            }
            face = face == null ? f : face;
            if (p != null && finger == null && !faceDiffers) {
                finger = p;
            }
        }
    }

    private boolean tooFast(BorderCrossing a, BorderCrossing b) {
        if (a.getBcpCode().equals(b.getBcpCode())) {
            return false;
        }
        Bcp from = reference.bcp(a.getBcpCode());
        Bcp to = reference.bcp(b.getBcpCode());
        double p1 = Math.toRadians(from.position().latitude());
        double p2 = Math.toRadians(to.position().latitude());
        double dl = Math.toRadians(to.position().longitude() - from.position().longitude());
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        double km = 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        double speed = Math.min(
                rules.at("/rules/R7/max_speed_kmh/" + from.type()).asDouble(),
                rules.at("/rules/R7/max_speed_kmh/" + to.type()).asDouble());
        double minimum =
                Duration.parse(rules.at("/rules/R7/min_transfer").asText()).toMillis()
                        + Math.ceil(km / speed * 3_600_000);
        return b.getEventTime().toEpochMilli() - a.getEventTime().toEpochMilli() < minimum;
    }

    // ---- R1, R2, R9: alerts in force at the crossing -------------------------------------------------------------

    private void alertsAt(BorderCrossing c) {
        PersonMatchRule rule = RuleDefinitions.personMatch(ConfigLoader.defaults());
        NameForms name =
                NameForms.of(c.getTraveller().getSurname(), c.getTraveller().getGivenNames());
        for (List<AlertChange> changes : alerts.values()) {
            AlertChange s = inForce(changes, c.getEventTime());
            if (s == null) {
                continue;
            }
            if (s.getObjectPart() != null
                    && s.getBasis() == AlertBasis.OBJECT_1862_ART38
                    && s.getObjectPart()
                            .getDocument()
                            .getNumber()
                            .equals(c.getDocument().getNumber())
                    && s.getObjectPart()
                            .getDocument()
                            .getIssuingCountry()
                            .equals(c.getDocument().getIssuingCountry())) {
                flagged.get("R1").add(c.getEventId());
            }
            AlertPerson p = s.getPerson();
            if (p == null) {
                continue;
            }
            boolean person = PERSON.contains(s.getBasis());
            boolean ret = s.getBasis() == AlertBasis.RETURN_1860_ART3 && c.getKind() == CrossingKind.EXIT;
            if ((person || ret) && matches(rule, name, c, p)) {
                flagged.get(person ? "R2" : "R9").add(c.getEventId());
            }
        }
    }

    private static boolean matches(PersonMatchRule rule, NameForms name, BorderCrossing c, AlertPerson p) {
        LocalDate born = c.getTraveller().getDateOfBirth();
        String alertDob = p.getDateOfBirth();
        boolean date = alertDob.length() == 4
                ? Integer.parseInt(alertDob) == born.getYear()
                : LocalDate.parse(alertDob).equals(born)
                        || born.getDayOfMonth() <= 12
                                && born.getDayOfMonth() != born.getMonthValue()
                                && LocalDate.parse(alertDob)
                                        .equals(LocalDate.of(
                                                born.getYear(), born.getDayOfMonth(), born.getMonthValue()));
        if (!date) {
            return false;
        }
        List<NameForms> names = new ArrayList<>();
        names.add(NameForms.of(p.getSurname(), p.getGivenNames()));
        p.getAliases().forEach(a -> names.add(NameForms.ofFullName(a)));
        return rule.namesMatch(PersonMatchRule.bestSimilarity(name, names));
    }

    /**
     * The alert's state in force at {@code t} (the last change at or before it), or null when none, deleted, or past
     * the review date that state set: an alert not extended is deleted when its review date ends (Reg. (EU)
     * 2018/1862 Art. 53(8)), the day in UTC.
     */
    private static AlertChange inForce(List<AlertChange> changes, Instant t) {
        AlertChange state = null;
        for (AlertChange a : changes) {
            if (!a.getEventTime().isAfter(t)) {
                state = a;
            }
        }
        if (state == null || state.getChange() == AlertChangeType.DELETE) {
            return null;
        }
        LocalDate lastDay = state.getReviewDate();
        return LocalDate.ofInstant(t, ZoneOffset.UTC).isAfter(lastDay) ? null : state;
    }

    // ---- R10 -----------------------------------------------------------------------------------------------------

    private void reviews() {
        int months = rules.at("/rules/R10/notice_months").asInt();
        for (List<AlertChange> changes : alerts.values()) {
            for (int i = 0; i < changes.size(); i++) {
                AlertChange c = changes.get(i);
                boolean newDate = c.getChange() != AlertChangeType.DELETE
                        && (i == 0 || !changes.get(i - 1).getReviewDate().equals(c.getReviewDate()));
                if (!newDate) {
                    continue;
                }
                LocalDate review = c.getReviewDate();
                long cancelled = Long.MAX_VALUE;
                for (int j = i + 1; j < changes.size(); j++) {
                    AlertChange later = changes.get(j);
                    if (later.getChange() == AlertChangeType.DELETE
                            || !later.getReviewDate().equals(review)) {
                        cancelled = later.getEventTime().toEpochMilli();
                        break;
                    }
                }
                long set = c.getEventTime().toEpochMilli();
                long due = review.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                long notice = review.minusMonths(months)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
                if (notice >= set && notice < cancelled && notice <= clockEnd) {
                    flagged.get("R10").add(c.getAlertId() + "@" + review + "#notice");
                }
                if (due >= set && due < cancelled && due <= clockEnd) {
                    flagged.get("R10").add(c.getAlertId() + "@" + review + "#due");
                }
            }
        }
    }
}
