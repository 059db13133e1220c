package eu.borderflow.dashboard.http;

import static eu.borderflow.dashboard.testing.TestDashboard.ANALYST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.Dashboard;
import eu.borderflow.dashboard.testing.MutableClock;
import eu.borderflow.dashboard.testing.Records;
import eu.borderflow.dashboard.testing.TestDashboard;
import eu.borderflow.dashboard.testing.Web;
import eu.borderflow.dashboard.write.FileAuditLog;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/borderflow dashboard --from OUT}: the same app over a bounded run's files (flags.avro, picture.avro) and
 * a dataset's incidents.avro, read-only; every flag view is still audited, into OUT/dashboard-audit.avro.
 */
class FilesDashboardTest {

    @TempDir
    Path dir;

    @Test
    void aBoundedRunsFilesAreShownReadOnlyAndFlagViewsAreAuditedIntoAFile() throws Exception {
        Path world = dir.resolve("world");
        Generator.run(new GenerateOptions(11, 200, 7, LocalDate.parse("2025-01-06"), world), Progress.NONE);
        Path out = Files.createDirectories(dir.resolve("out"));
        Instant end = Records.T0.plus(Duration.ofDays(3));
        write(RiskFlag.class, out.resolve("flags.avro"), List.of(Records.flag("E-1", end), Records.flag("E-2", end)));
        write(
                PictureUpdate.class,
                out.resolve("picture.avro"),
                List.of(Records.picture(
                        "LAND-FIN-RUS",
                        PictureView.HOUR,
                        end,
                        0,
                        SectionImpactLevel.MEDIUM,
                        Freshness.FRESH,
                        3,
                        1.0,
                        false)));

        try (Dashboard dashboard = Dashboard.overFiles(
                        ConfigLoader.defaults(),
                        TestDashboard.settings("local", List.of("http://127.0.0.1:1"), 20_000),
                        List.of(out, world),
                        new MutableClock(Instant.now()))
                .start(0)) {
            Web analyst = Web.signedIn(dashboard.url(), ANALYST);
            JsonNode session = analyst.getJson("/api/session");
            assertEquals("files", session.path("input").path("mode").asText());
            assertFalse(session.path("may_review").asBoolean(), "files take no decisions");

            JsonNode snapshot = analyst.getJson("/api/snapshot");
            assertEquals(2, snapshot.path("queue").path("total").asInt());
            List<String> types = new ArrayList<>();
            snapshot.path("feed").forEach(e -> types.add(e.path("type").asText()));
            assertTrue(types.contains("incident") && types.contains("flag"), types.toString());
            JsonNode finRus = analyst.getJson("/api/sections/LAND-FIN-RUS").path("status");
            assertEquals("MEDIUM", finRus.path("level").asText(), "the picture's level, not the reference's HIGH");
            assertEquals("FRESH", finRus.path("freshness").asText());

            assertEquals(200, analyst.get("/api/flags/R1:E-1").statusCode());
            assertEquals(200, analyst.get("/api/flags/R1:E-2").statusCode());
            HttpResponse<String> review = analyst.post(
                    "/api/flags/R1:E-1/review", Map.of("decision", "CONFIRMED", "reason", "seen", "revision", 0));
            assertEquals(403, review.statusCode());
            assertTrue(review.body().contains("bounded run"), review.body());
        }
        List<AuditRecord> audit = new ArrayList<>();
        try (DataFileStream<AuditRecord> in = AvroFiles.open(AuditRecord.class, out.resolve(FileAuditLog.FILE))) {
            in.forEach(audit::add);
        }
        assertEquals(
                List.of(List.of("R1:E-1"), List.of("R1:E-2")),
                audit.stream().map(AuditRecord::getRecordIds).toList());
        assertTrue(audit.stream()
                .allMatch(a -> a.getAction() == AuditAction.VIEW && a.getRole().equals("analyst")));
    }

    @Test
    void aFolderWithoutARunsFilesIsRefused() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> Dashboard.overFiles(
                        ConfigLoader.defaults(),
                        TestDashboard.settings("local", List.of(), 100),
                        List.of(dir),
                        new MutableClock(Instant.now())));
        assertTrue(e.getMessage().startsWith("no incidents.avro, flags.avro or picture.avro in"), e.getMessage());
    }

    private static <T extends SpecificRecord> void write(Class<T> type, Path file, List<T> records) throws Exception {
        try (DataFileWriter<T> writer = AvroFiles.create(type, file, "test")) {
            for (T r : records) {
                writer.append(r);
            }
        }
    }
}
