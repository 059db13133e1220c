package eu.borderflow.config;

import java.io.Serializable;

/**
 * The topic names of an environment (section {@code topics} of config/environments/NAME.yaml; defaults as in
 * docs/CONTRACTS.md), shared by the jobs and by {@code replay}, so renaming a topic in one place renames it for all.
 */
public final class TopicNames implements Serializable {

    private static final long serialVersionUID = 1L;

    private String crossings;
    private String alerts;
    private String incidents;
    private String flags;
    private String deadLetters;
    private String audit;
    private String picture;
    private String reviews;
    private String sectionLevels;

    public String getCrossings() {
        return crossings;
    }

    public void setCrossings(String crossings) {
        this.crossings = crossings;
    }

    public String getAlerts() {
        return alerts;
    }

    public void setAlerts(String alerts) {
        this.alerts = alerts;
    }

    public String getIncidents() {
        return incidents;
    }

    public void setIncidents(String incidents) {
        this.incidents = incidents;
    }

    /** The environment's topic names: {@code topics} of config/environments/{@code environment}.yaml. */
    public static TopicNames load(ConfigLoader config, String environment) {
        return config.bind("environments/" + environment, "/topics", TopicNames.class);
    }

    public String getFlags() {
        return flags;
    }

    public void setFlags(String flags) {
        this.flags = flags;
    }

    public String getDeadLetters() {
        return deadLetters;
    }

    public void setDeadLetters(String deadLetters) {
        this.deadLetters = deadLetters;
    }

    public String getAudit() {
        return audit;
    }

    public void setAudit(String audit) {
        this.audit = audit;
    }

    public String getPicture() {
        return picture;
    }

    public void setPicture(String picture) {
        this.picture = picture;
    }

    public String getReviews() {
        return reviews;
    }

    public void setReviews(String reviews) {
        this.reviews = reviews;
    }

    public String getSectionLevels() {
        return sectionLevels;
    }

    public void setSectionLevels(String sectionLevels) {
        this.sectionLevels = sectionLevels;
    }
}
