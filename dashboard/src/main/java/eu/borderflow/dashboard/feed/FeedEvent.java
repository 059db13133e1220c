package eu.borderflow.dashboard.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One live-feed event: an incident, a flag revision, a review or a level change, with its place in the feed
 * ({@code seq}, this dashboard's own order), its Kafka origin, and {@code id}, the feed position after it (the SSE id).
 * {@code json} is the payload, serialised once when the record arrives.
 */
public record FeedEvent(
        @JsonIgnore long seq,
        @JsonIgnore Origin origin,
        @JsonIgnore long offset,
        @JsonProperty("type") String type,
        @JsonProperty("id") String id,
        @JsonProperty("data") @JsonRawValue String json) {

    public static final String INCIDENT = "incident";
    public static final String FLAG = "flag";
    public static final String REVIEW = "review";
    public static final String LEVEL = "level";
}
