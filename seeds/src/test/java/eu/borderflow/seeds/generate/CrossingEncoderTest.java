package eu.borderflow.seeds.generate;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.testkit.Dataset;
import eu.borderflow.seeds.world.BackgroundCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.BcpChooser;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.Traveller;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written encoders must give exactly the bytes of Avro's own writer, and the values they were given. */
class CrossingEncoderTest {

    private final SpecificDatumWriter<BorderCrossing> avro = new SpecificDatumWriter<>(BorderCrossing.class);

    @Test
    void sameBytesAsSpecificDatumWriterForEveryRecordShape() throws IOException {
        Dataset data = Dataset.generate(11, 2000, 40);
        CrossingEncoder encoder = new CrossingEncoder();
        int visas = 0;
        int refusals = 0;
        int nonAscii = 0;
        for (BorderCrossing c : data.crossings) {
            assertArrayEquals(avroBytes(c), bytes(encoder.encode(c)), "event " + c.getEventId());
            visas += c.getVisa() != null ? 1 : 0;
            refusals += c.getRefusalReasons().isEmpty() ? 0 : 1;
            nonAscii += (c.getTraveller().getSurname() + c.getTraveller().getGivenNames()).chars().anyMatch(ch -> ch > 127) ? 1 : 0;
        }
        assertTrue(visas > 0 && refusals > 0 && nonAscii > 0, "covers visas, refusal reasons and non-ASCII names");
    }

    /**
     * Every record of a generated file, background crossings written by {@link BackgroundEncoder} among them, is
     * byte for byte what Avro's writer makes of the record read back.
     */
    @Test
    void everyRecordOfAGeneratedFileIsAvrosOwnEncoding() throws IOException {
        Dataset data = Dataset.generate(11, 2000, 40);
        SpecificDatumReader<BorderCrossing> reader = new SpecificDatumReader<>(BorderCrossing.class);
        int records = 0;
        try (DataFileStream<BorderCrossing> in = AvroFiles.open(BorderCrossing.class, data.dir.resolve(Generator.CROSSINGS))) {
            BinaryDecoder decoder = null;
            BorderCrossing record = null;
            while (in.hasNext()) {
                long count = in.getBlockCount();
                ByteBuffer block = in.nextBlock();
                int start = block.arrayOffset() + block.position();
                int end = start + block.remaining();
                decoder = DecoderFactory.get().binaryDecoder(block.array(), start, block.remaining(), decoder);
                InputStream left = decoder.inputStream();
                for (long i = 0; i < count; i++) {
                    int from = end - left.available();
                    record = reader.read(record, decoder);
                    int to = end - left.available();
                    assertArrayEquals(avroBytes(record), Arrays.copyOfRange(block.array(), from, to),
                            "event " + record.getEventId());
                    records++;
                }
            }
        }
        assertEquals(data.crossings.size(), records);
    }

    /**
     * Decoded, a background crossing's bytes hold the values it was made of: its traveller's usual or variant
     * identity, document, visa and biometric ids, its BCP's names, its times, kind, refusal reason and retention.
     */
    @Test
    void backgroundEncoderWritesTheCrossingsValues() throws IOException {
        ReferenceData reference = ReferenceData.load();
        BackgroundEncoder encoder = new BackgroundEncoder(reference.bcps());
        List<Traveller> travellers = new ArrayList<>();
        BackgroundTraffic background = background(5, reference, t -> {
            travellers.add(t);
            return encoder.prepare(t);
        });
        SpecificDatumReader<BorderCrossing> reader = new SpecificDatumReader<>(BorderCrossing.class);
        int variants = 0;
        int refusals = 0;
        int late = 0;
        int records = 0;
        while (background.hasNext()) {
            BackgroundCrossing c = background.next();
            boolean fallback = records % 7 == 0;
            long ingest = c.eventMillis() + (fallback ? 3_600_000 : 0);
            ByteBuffer bytes = encoder.encode(c, ingest, fallback);
            BorderCrossing r = reader.read(null, DecoderFactory.get().binaryDecoder(bytes.array(), 0, bytes.limit(), null));
            Traveller t = travellers.get(c.travellerIndex());
            Bcp bcp = reference.bcps().get(c.bcp());
            assertEquals(c.eventId(), r.getEventId());
            assertEquals(c.kind(), r.getKind());
            assertEquals(c.eventMillis(), r.getEventTime().toEpochMilli());
            assertEquals(c.localDay(), r.getLocalDate().toEpochDay());
            assertEquals(ingest, r.getIngestTime().toEpochMilli());
            assertEquals(fallback, r.getFallbackUpload());
            assertEquals(List.of(bcp.code(), bcp.sectionId(), bcp.type(), bcp.authority()),
                    List.of(r.getBcpCode(), r.getSectionId(), r.getBorderType(), r.getAuthority()));
            assertEquals(c.variantSpelling() ? t.variantIdentity() : t.identity(), r.getTraveller());
            assertEquals(t.document(), r.getDocument());
            assertEquals(t.visa(), r.getVisa());
            assertEquals(CrossingFactory.STAY_BASIS, r.getStayBasis());
            assertEquals(List.of(t.facialTemplateId(), String.valueOf(t.fingerprintTemplateId()), t.fingerprintStatus()),
                    List.of(r.getBiometrics().getFacialTemplateId(),
                            String.valueOf(r.getBiometrics().getFingerprintTemplateId()),
                            r.getBiometrics().getFingerprintStatus()));
            assertEquals(c.verificationScore(), r.getBiometrics().getVerificationScore());
            assertEquals(c.refusalReason() == null ? List.of() : List.of(c.refusalReason()), r.getRefusalReasons());
            assertEquals(c.retentionDay(), r.getRetentionUntil().toEpochDay());
            variants += c.variantSpelling() ? 1 : 0;
            refusals += c.refusalReason() != null ? 1 : 0;
            late += fallback ? 1 : 0;
            records++;
        }
        assertTrue(records > 500 && variants > 0 && refusals > 0 && late > 0,
                "enough records, with variant spellings, refusals and late uploads: " + List.of(records, variants, refusals, late));
    }

    @Test
    void backgroundCrossingIsFilledAgainOnEveryCall() {
        ReferenceData reference = ReferenceData.load();
        BackgroundTraffic background = background(5, reference, new BackgroundEncoder(reference.bcps())::prepare);
        assertSame(background.next(), background.next());
    }

    /** A small background world of seed {@code seed} whose travellers are kept as {@code keep} makes them. */
    private static BackgroundTraffic background(long seed, ReferenceData reference, Function<Traveller, byte[]> keep) {
        Period period = new Period(LocalDate.parse(GenerateOptions.DEFAULT_START), 60);
        BcpChooser chooser = new BcpChooser(reference.bcps(), reference.calibration());
        IdFactory ids = new IdFactory(seed);
        return new BackgroundTraffic(period, reference.bcps(), reference.calibration(),
                new BcpClock(reference.bcps(), period.startDay() - 1, period.lastDay() + 1), chooser,
                new TravelTimes(reference.bcps(), ConfigLoader.defaults()),
                new CrossingFactory(reference.bcps(), period.startDay() - 1, period.lastDay() + 1), ids,
                new PopulationFactory(seed, period, ids, reference, chooser), 20_000, keep);
    }

    private byte[] avroBytes(BorderCrossing c) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().binaryEncoder(expected, null);
        avro.write(c, e);
        e.flush();
        return expected.toByteArray();
    }

    private static byte[] bytes(ByteBuffer encoded) {
        return Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    }
}
