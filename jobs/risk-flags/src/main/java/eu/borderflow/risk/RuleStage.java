package eu.borderflow.risk;

import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A group of rules the job applies: it receives validated, deduplicated crossings and alert changes that carry
 * event-time timestamps and watermarks, and returns the union of its flags. The crossings come partitioned by the
 * traveller's file id (the key of the admission before): an operator keyed by it, reached through forward
 * (chained) operators only, may reinterpret them as keyed ({@code DataStreamUtils.reinterpretAsKeyedStream}) instead
 * of shuffling them again. Every operator it adds sends what it
 * cannot process to the dead letters ({@link DeadLetterStreams#from}) instead of failing the job. Object reuse is on
 * in the job: a stage must not mutate the records it receives.
 */
@FunctionalInterface
public interface RuleStage {

    DataStream<RiskFlag> apply(
            DataStream<BorderCrossing> crossings,
            DataStream<AlertChange> alerts,
            RiskSettings settings,
            DeadLetterStreams deadLetters);
}
