package eu.borderflow.risk.traveller;

import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.RuleStage;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;

/**
 * The EES-file and document rules of the risk-flag job: R3, R4, R5 and R6 on the traveller's file, R7 and R8 on each
 * travel document. The input is validated, deduplicated, carries event-time timestamps and watermarks, and is
 * partitioned by the traveller's file id ({@link RuleStage}).
 */
public final class TravellerRules {

    private TravellerRules() {}

    /** The rules with the shipped BCP reference table ({@link ClasspathBcpLocations#reference()}). */
    public static DataStream<RiskFlag> apply(
            DataStream<BorderCrossing> crossings, RiskSettings config, DeadLetterStreams deadLetters) {
        return apply(crossings, config, ClasspathBcpLocations.reference(), deadLetters);
    }

    public static DataStream<RiskFlag> apply(
            DataStream<BorderCrossing> crossings,
            RiskSettings config,
            BcpLocations bcps,
            DeadLetterStreams deadLetters) {
        TypeInformation<RiskFlag> flagType = new AvroTypeInfo<>(RiskFlag.class);
        DataStream<TravellerCrossing> travellerCrossings = deadLetters.from(crossings
                .process(new TravellerProjection(config), Types.POJO(TravellerCrossing.class))
                .uid(TravellerProjection.UID)
                .name("EES file: crossing projection"));
        // The crossings come partitioned by file id (CrossingAdmission's key) and the projection keeps each in its
        // subtask: keyed by the same key again without a second shuffle.
        DataStream<RiskFlag> fileFlags = deadLetters.from(SparseOutput.flushEachRecord(
                DataStreamUtils.reinterpretAsKeyedStream(travellerCrossings, TravellerCrossing::getFileId, Types.STRING)
                        .process(new TravellerFileOperator(config, bcps), flagType)
                        .uid(TravellerFileOperator.UID)
                        .name("EES file: R3 overstay, R4 missing exit, R5 visa entries, R6 document validity")));
        DataStream<DocumentCrossing> documentCrossings = deadLetters.from(crossings
                .process(new DocumentProjection(config), DocumentCrossing.WIRE)
                .uid(DocumentProjection.UID)
                .name("Document: crossing projection"));
        DataStream<RiskFlag> documentFlags = deadLetters.from(SparseOutput.flushEachRecord(documentCrossings
                .keyBy(DocumentCrossing::getDocumentDigest, Types.LONG)
                .process(new DocumentSequenceOperator(config, bcps), flagType)
                .uid(DocumentSequenceOperator.UID)
                .name("Document: R7 impossible travel, R8 biometric identity")));
        return fileFlags.union(documentFlags);
    }
}
