package eu.borderflow.risk.traveller;

/** A buffered crossing that can be put in event-time order. */
public interface Sequenced {

    long getEventTime();

    String getEventId();
}
