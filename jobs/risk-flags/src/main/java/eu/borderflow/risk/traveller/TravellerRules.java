package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The EES-file and document rules of the risk-flag job: R3, R4, R5 on the traveller's file, R6 on each entry, R7 and
 * R8 on each travel document. The input is validated, deduplicated and carries event-time timestamps and watermarks.
 */
public final class TravellerRules {

    private TravellerRules() {
    }

    /** The rules with the shipped BCP reference table ({@link ClasspathBcpLocations#reference()}). */
    public static DataStream<RiskFlag> apply(DataStream<BorderCrossing> crossings, RiskSettings config) {
        return apply(crossings, config, ClasspathBcpLocations.reference());
    }

    public static DataStream<RiskFlag> apply(DataStream<BorderCrossing> crossings, RiskSettings config,
                                             BcpLocations bcps) {
        TypeInformation<RiskFlag> flagType = new AvroTypeInfo<>(RiskFlag.class);
        DataStream<RiskFlag> fileFlags = crossings
                .map(new TravellerProjection(config)).returns(Types.POJO(TravellerCrossing.class))
                .uid("traveller-file-projection").name("EES file: crossing projection")
                .keyBy(TravellerCrossing::getFileId, Types.STRING)
                .process(new TravellerFileOperator(config, bcps), flagType)
                .uid("traveller-file").name("EES file: R3 overstay, R4 missing exit, R5 visa entries");
        DataStream<RiskFlag> documentFlags = crossings
                .map(new DocumentProjection(config)).returns(Types.POJO(DocumentCrossing.class))
                .uid("document-projection").name("Document: crossing projection")
                .keyBy(DocumentCrossing::getDocumentToken, Types.STRING)
                .process(new DocumentSequenceOperator(config, bcps), flagType)
                .uid("document-sequence").name("Document: R7 impossible travel, R8 biometric identity");
        DataStream<RiskFlag> validityFlags = crossings
                .flatMap(new DocumentValidityCheck(config), flagType)
                .uid("document-validity").name("Document: R6 validity at entry");
        return fileFlags.union(documentFlags, validityFlags);
    }
}
