package eu.borderflow.picture;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.config.ConfigChecks;
import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.job.ingest.SourceTiming;
import eu.borderflow.picture.window.SectionFreshness;
import eu.borderflow.reference.BcpRecord;
import eu.borderflow.reference.BcpTable;
import eu.borderflow.reference.SectionRecord;
import eu.borderflow.reference.SectionTable;
import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.SectionImpactLevel;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the picture job's operators need, read once on the client when the job is built ({@code picture.yaml},
 * R11 and the ingest ranges of {@code rules.yaml}, the section and BCP reference tables) and handed to them as
 * serialisable values. No operator reads a file or an environment variable.
 */
public final class PictureSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Duration outOfOrderness;
    private final Duration sourceIdleness;
    private final Duration sourceResumeHold;
    private final Duration crossingsResumeHold;
    private final Duration allowedLateness;
    private final Duration publishAfter;
    private final Duration reportDue;
    private final SectionFreshness freshness;
    private final int maxContributingIncidents;
    private final int flagRetentionDays;
    private final SectionPressureRule pressure;
    private final HashMap<String, SectionImpactLevel> referenceLevels;
    private final HashMap<String, String> bcpSections;
    private final IngestSettings ingest;
    /** What the settings were bound from, for {@link #settledPicture()}. */
    private final File file;

    private PictureSettings(
            File file,
            SectionPressureRule pressure,
            Map<String, SectionImpactLevel> referenceLevels,
            Map<String, String> bcpSections,
            IngestSettings ingest,
            Duration publishAfter) {
        this.outOfOrderness = file.time.outOfOrderness;
        this.sourceIdleness = file.time.sourceIdleness;
        this.sourceResumeHold = file.time.sourceResumeHold;
        this.crossingsResumeHold = file.time.crossingsResumeHold;
        this.allowedLateness = file.time.allowedLateness;
        this.publishAfter = publishAfter;
        this.reportDue = file.reports.dueWithin;
        this.freshness = new SectionFreshness(file.freshness.unknownAfter);
        this.maxContributingIncidents = file.picture.maxContributingIncidents;
        this.flagRetentionDays = file.picture.flagRetentionDays;
        this.pressure = pressure;
        this.referenceLevels = new HashMap<>(referenceLevels);
        this.bcpSections = new HashMap<>(bcpSections);
        this.ingest = ingest;
        this.file = file;
    }

    /** {@code picture.yaml}, R11, the ingest ranges and the shipped reference tables, checked. */
    public static PictureSettings bind(ConfigLoader config) {
        File file = config.bind("picture", "", File.class);
        file.check();
        Map<String, SectionImpactLevel> levels = new HashMap<>();
        for (SectionRecord section : SectionTable.load().rows()) {
            levels.put(section.id(), section.impactLevel());
        }
        Map<String, String> bcpSections = new HashMap<>();
        for (BcpRecord bcp : BcpTable.load().rows()) {
            if (!levels.containsKey(bcp.sectionId())) {
                throw new ConfigException("BCP " + bcp.code() + " names section " + bcp.sectionId()
                        + ", which the section table does not have");
            }
            bcpSections.put(bcp.code(), bcp.sectionId());
        }
        return new PictureSettings(
                file,
                SectionPressureRule.fromConfig(config),
                levels,
                bcpSections,
                config.bind("rules", "/ingest", IngestSettings.class).check(),
                file.time.publishAfter);
    }

    /**
     * The same settings for a bounded run: every window is first published once the allowed lateness has passed, so
     * it is final then, and the same dataset gives the same picture whatever the timing of the run.
     */
    public PictureSettings settledPicture() {
        return new PictureSettings(file, pressure, referenceLevels, bcpSections, ingest, allowedLateness);
    }

    public Duration outOfOrderness() {
        return outOfOrderness;
    }

    /** How the sources of incidents, flags and level changes make their watermarks. */
    public SourceTiming sourceTiming() {
        return new SourceTiming(outOfOrderness, sourceIdleness, sourceResumeHold);
    }

    /** How the crossings' sources make their watermarks: held longer after a quiet spell, for the risk job's flags. */
    public SourceTiming crossingsTiming() {
        return new SourceTiming(outOfOrderness, sourceIdleness, crossingsResumeHold);
    }

    public long allowedLatenessMillis() {
        return allowedLateness.toMillis();
    }

    public long publishAfterMillis() {
        return publishAfter.toMillis();
    }

    public long reportDueMillis() {
        return reportDue.toMillis();
    }

    public SectionFreshness freshness() {
        return freshness;
    }

    public int maxContributingIncidents() {
        return maxContributingIncidents;
    }

    public int flagRetentionDays() {
        return flagRetentionDays;
    }

    public SectionPressureRule pressure() {
        return pressure;
    }

    /** The attributed level of each section in the reference table. */
    public Map<String, SectionImpactLevel> referenceLevels() {
        return referenceLevels;
    }

    /** What the job accepts at ingest ({@code rules.yaml} section {@code ingest}, shared with the risk job). */
    public IngestSettings ingest() {
        return ingest;
    }

    /** The section of each BCP of the reference table. */
    public Map<String, String> bcpSections() {
        return bcpSections;
    }

    /** {@code picture.yaml} as bound; snake_case keys. */
    public static final class File implements Serializable {
        private static final long serialVersionUID = 1L;
        private Time time;
        private Fresh freshness;
        private Reports reports;
        private Picture picture;

        public void setTime(Time time) {
            this.time = time;
        }

        public void setFreshness(Fresh freshness) {
            this.freshness = freshness;
        }

        public void setReports(Reports reports) {
            this.reports = reports;
        }

        public void setPicture(Picture picture) {
            this.picture = picture;
        }

        void check() {
            if (time == null || freshness == null || reports == null || picture == null) {
                throw new ConfigException("picture.yaml needs the sections time, freshness, reports and picture");
            }
            if (time.allowedLateness == null
                    || time.publishAfter == null
                    || time.outOfOrderness == null
                    || time.sourceIdleness == null
                    || time.sourceResumeHold == null
                    || time.crossingsResumeHold == null
                    || freshness.unknownAfter == null
                    || reports.dueWithin == null) {
                throw new ConfigException("picture.yaml: every duration must be set");
            }
            ConfigChecks.notNegative("picture.yaml /time/out_of_orderness", time.outOfOrderness);
            ConfigChecks.positive("picture.yaml /time/source_idleness", time.sourceIdleness);
            ConfigChecks.notNegative("picture.yaml /time/source_resume_hold", time.sourceResumeHold);
            ConfigChecks.notNegative("picture.yaml /time/crossings_resume_hold", time.crossingsResumeHold);
            ConfigChecks.notNegative("picture.yaml /reports/due_within", reports.dueWithin);
            // R11 compares a window with the same window a week earlier, which must be final by then.
            if (time.allowedLateness.isNegative() || time.allowedLateness.compareTo(Duration.ofDays(7)) > 0) {
                throw new ConfigException("picture.yaml: time.allowed_lateness must lie between 0 and P7D");
            }
            if (time.publishAfter.isNegative() || time.publishAfter.compareTo(time.allowedLateness) > 0) {
                throw new ConfigException(
                        "picture.yaml: time.publish_after must lie between 0 and " + "time.allowed_lateness");
            }
            // Zero would call every hour unknown, however fresh its reports.
            ConfigChecks.positive("picture.yaml /freshness/unknown_after", freshness.unknownAfter);
            if (freshness.unknownAfter.compareTo(Duration.ofHours(24)) > 0) {
                throw new ConfigException("picture.yaml: freshness.unknown_after must lie above 0 and at most PT24H");
            }
            if (picture.maxContributingIncidents < 1 || picture.flagRetentionDays < 1) {
                throw new ConfigException("picture.yaml: picture.max_contributing_incidents and "
                        + "picture.flag_retention_days must be at least 1");
            }
        }
    }

    public static final class Time implements Serializable {
        private static final long serialVersionUID = 1L;
        private Duration outOfOrderness;
        private Duration sourceIdleness;
        private Duration sourceResumeHold;
        private Duration crossingsResumeHold;
        private Duration allowedLateness;
        private Duration publishAfter;

        public void setOutOfOrderness(Duration outOfOrderness) {
            this.outOfOrderness = outOfOrderness;
        }

        public void setSourceIdleness(Duration sourceIdleness) {
            this.sourceIdleness = sourceIdleness;
        }

        public void setSourceResumeHold(Duration sourceResumeHold) {
            this.sourceResumeHold = sourceResumeHold;
        }

        public void setCrossingsResumeHold(Duration crossingsResumeHold) {
            this.crossingsResumeHold = crossingsResumeHold;
        }

        public void setAllowedLateness(Duration allowedLateness) {
            this.allowedLateness = allowedLateness;
        }

        public void setPublishAfter(Duration publishAfter) {
            this.publishAfter = publishAfter;
        }
    }

    public static final class Fresh implements Serializable {
        private static final long serialVersionUID = 1L;
        private Duration unknownAfter;

        public void setUnknownAfter(Duration unknownAfter) {
            this.unknownAfter = unknownAfter;
        }
    }

    public static final class Reports implements Serializable {
        private static final long serialVersionUID = 1L;
        private Duration dueWithin;

        public void setDueWithin(Duration dueWithin) {
            this.dueWithin = dueWithin;
        }
    }

    public static final class Picture implements Serializable {
        private static final long serialVersionUID = 1L;
        private int maxContributingIncidents;
        private int flagRetentionDays;

        public void setMaxContributingIncidents(int maxContributingIncidents) {
            this.maxContributingIncidents = maxContributingIncidents;
        }

        public void setFlagRetentionDays(int flagRetentionDays) {
            this.flagRetentionDays = flagRetentionDays;
        }
    }
}
