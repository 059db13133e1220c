package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.picture.testing.SectionRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The bounded job on a MiniCluster (parallelism 2) over a small dataset with bad records and an earlier run's flags. */
class SituationPictureJobBoundedTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final String SECTION = "LAND-FIN-RUS";

    @TempDir
    Path dir;

    @Test
    void countsPerSectionAndHourFromEveryInputAndDeadLettersTheRest() throws Exception {
        Path dataset = writeDataset(dir.resolve("dataset"));
        Path out = dir.resolve("out");
        BoundedPicture.run(dataset, dataset.resolve("risk-flags.avro"), out);

        List<PictureUpdate> picture = BoundedPicture.picture(out);
        assertEquals(
                Set.of(SECTION),
                picture.stream().map(PictureUpdate::getSectionId).collect(Collectors.toSet()),
                "only the section with data; the crossings' own section_id is not trusted, their BCP's is");
        assertTrue(picture.stream().allMatch(p -> p.getRevision() == 0), "a bounded run publishes final windows");
        assertEquals(
                List.of("10", "11", "12"),
                picture.stream()
                        .filter(p -> p.getView() == PictureView.HOUR)
                        .map(p -> p.getWindowStart().toString().substring(11, 13))
                        .toList(),
                "13:00-14:00 ends after the newest record (13:40) less the out-of-orderness");
        PictureUpdate ten = hour(picture, "10");
        assertEquals(1, ten.getCrossings(), "the re-sent entry counts once");
        assertEquals(Map.of("ENTRY", 1L), ten.getCrossingsByDirection());
        assertEquals(Map.of("C", 1L, "F", 1L), ten.getRefusalsByReason());
        assertEquals(1, ten.getIncidents());
        assertEquals(Map.of("R1", 1L), ten.getFlagsByRule(), "R10 names no section; R11 is the job's own");
        assertEquals(List.of("I1"), ten.getContributingIncidentIds());
        PictureUpdate dayAtNoon = picture.stream()
                .filter(p -> p.getView() == PictureView.DAY
                        && p.getWindowEnd().equals(Instant.parse("2026-03-02T12:00:00Z")))
                .findFirst()
                .orElseThrow();
        assertEquals(1, dayAtNoon.getCrossings());
        assertEquals(1, dayAtNoon.getIncidents());

        assertEquals(List.of(), BoundedPicture.flags(out), "no pressure here");
        List<DeadLetter> letters = BoundedPicture.deadLetters(out);
        assertEquals(
                Set.of(
                        "crossings.avro VALIDATION_UNKNOWN_BCP",
                        "incidents.avro VALIDATION_UNKNOWN_SECTION",
                        "incidents.avro VALIDATION_NOT_SYNTHETIC",
                        "risk-flags.avro VALIDATION_UNKNOWN_SECTION"),
                letters.stream()
                        .map(d -> d.getSourceTopic() + " " + d.getReasonCode())
                        .collect(Collectors.toSet()));
        assertEquals(4, letters.size());
        assertTrue(letters.stream().allMatch(d -> d.getJob().equals(SituationPictureJob.JOB)), letters.toString());
    }

    @Test
    void theSameDatasetGivesTheSameBytes() throws Exception {
        Path dataset = writeDataset(dir.resolve("dataset"));
        BoundedPicture.run(dataset, dataset.resolve("risk-flags.avro"), dir.resolve("first"));
        BoundedPicture.run(dataset, dataset.resolve("risk-flags.avro"), dir.resolve("second"));
        for (String file : List.of(DatasetFiles.PICTURE, DatasetFiles.FLAGS, DatasetFiles.DEAD_LETTERS)) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("first").resolve(file)),
                    Files.readAllBytes(dir.resolve("second").resolve(file)),
                    file);
        }
    }

    private static PictureUpdate hour(List<PictureUpdate> picture, String hh) {
        return picture.stream()
                .filter(p -> p.getView() == PictureView.HOUR
                        && p.getWindowStart().toString().substring(11, 13).equals(hh))
                .findFirst()
                .orElseThrow();
    }

    private static Path writeDataset(Path dataset) throws Exception {
        Files.createDirectories(dataset);
        BorderCrossing entry = crossing("c1", CrossingKind.ENTRY, "10:10", "FIN-L-VAA");
        write(
                BorderCrossing.class,
                dataset.resolve(DatasetFiles.CROSSINGS),
                List.of(
                        entry,
                        BorderCrossing.newBuilder(crossing("c2", CrossingKind.REFUSAL, "10:20", "FIN-L-IMA"))
                                .setRefusalReasons(List.of(RefusalReason.C, RefusalReason.F))
                                .build(),
                        entry,
                        crossing("c3", CrossingKind.ENTRY, "10:30", "XXX-L-NONE"),
                        crossing("c4", CrossingKind.EXIT, "13:40", "FIN-L-NII")));
        write(
                Incident.class,
                dataset.resolve(DatasetFiles.INCIDENTS),
                List.of(
                        incident("I1", SECTION, true),
                        incident("I2", "NOWHERE", true),
                        incident("I3", SECTION, false)));
        write(
                RiskFlag.class,
                dataset.resolve("risk-flags.avro"),
                List.of(flag("R1", SECTION), flag("R10", null), flag("R11", SECTION), flag("R3", "NOWHERE")));
        return dataset;
    }

    private static BorderCrossing crossing(String id, CrossingKind kind, String time, String bcp) {
        return TestRecords.crossing(id, kind, Instant.parse("2026-03-02T" + time + ":00Z"))
                .setBcpCode(bcp)
                .build();
    }

    private static Incident incident(String id, String section, boolean synthetic) {
        return SectionRecords.incident(id, section, synthetic, Instant.parse("2026-03-02T10:30:00Z"));
    }

    private static RiskFlag flag(String rule, String section) {
        return SectionRecords.flag(rule + ":c1", rule, section, "c1", Instant.parse("2026-03-02T10:10:00Z"));
    }

    private static <T extends SpecificRecord> void write(Class<T> type, Path file, List<T> records) throws Exception {
        try (DataFileWriter<T> out =
                AvroFiles.create(type, file, file.getFileName().toString())) {
            for (T r : records) {
                out.append(r);
            }
        }
    }
}
