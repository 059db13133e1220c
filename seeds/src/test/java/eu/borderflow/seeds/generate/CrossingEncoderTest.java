package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;
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
import eu.borderflow.seeds.world.PersonWatch;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.Traveller;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.travel.MinimumTravelTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The hand-written encoders must give exactly the bytes of Avro's own writer, and the values they were given. */
class CrossingEncoderTest {

    private static final Period PERIOD = new Period(LocalDate.parse(GenerateOptions.DEFAULT_START), 60);
    /** Days tabulated around the period: stays begin before it and run past it. */
    private static final int HISTORY = 400;

    private static final int TRAVELLERS = 20_000;
    private static final long WEEK = 7 * Period.DAY_MILLIS;

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
            nonAscii += (c.getTraveller().getSurname() + c.getTraveller().getGivenNames())
                            .chars()
                            .anyMatch(ch -> ch > 127)
                    ? 1
                    : 0;
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
        try (DataFileStream<BorderCrossing> in =
                AvroFiles.open(BorderCrossing.class, data.dir.resolve(Generator.CROSSINGS))) {
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
                    assertArrayEquals(
                            avroBytes(record),
                            Arrays.copyOfRange(block.array(), from, to),
                            "event " + record.getEventId());
                    records++;
                }
            }
        }
        assertEquals(data.crossings.size(), records);
    }

    /**
     * Background crossings come out of their windows in event-time order (ties by traveller), numbered in that order,
     * and decoded, each record holds the values the crossing was made of: its traveller's usual or variant identity,
     * document, visa and biometric ids, its BCP's names, its times, kind, refusal reason and retention.
     */
    @Test
    void windowsGiveEveryCrossingInEventTimeOrderWithItsValues() throws IOException {
        ReferenceData reference = ReferenceData.load();
        IdFactory ids = new IdFactory(5);
        BackgroundEncoder encoder = new BackgroundEncoder(reference.bcps(), ids);
        List<Traveller> travellers = new ArrayList<>();
        List<Made> made = new ArrayList<>();
        background(5, reference, t -> {
                    travellers.add(t);
                    return encoder.prepare(t);
                })
                .crossingsBefore(Long.MAX_VALUE, c -> made.add(Made.of(c)));
        made.sort(Comparator.comparingLong(Made::eventMillis).thenComparingInt(Made::traveller));

        BackgroundTraffic again = background(5, reference, encoder::prepare);
        CrossingWindow window = new CrossingWindow(encoder, PERIOD.startMillis());
        SpecificDatumReader<BorderCrossing> reader = new SpecificDatumReader<>(BorderCrossing.class);
        int variants = 0;
        int refusals = 0;
        int counter = 0;
        while (counter < made.size() && window.fill(again, WEEK)) {
            while (window.hasNext()) {
                Made m = made.get(counter);
                assertEquals(m.eventMillis(), window.advance());
                boolean late = counter % 7 == 0;
                long ingest = m.eventMillis() + (late ? 3_600_000 : 0);
                ByteBuffer bytes = window.record(counter, ingest, late);
                BorderCrossing r =
                        reader.read(null, DecoderFactory.get().binaryDecoder(bytes.array(), 0, bytes.limit(), null));
                Traveller t = travellers.get(m.traveller());
                Bcp bcp = reference.bcps().get(m.bcp());
                assertEquals(ids.eventId(counter), r.getEventId());
                assertEquals(
                        List.of(m.kind(), m.eventMillis(), m.localDay(), ingest, late),
                        List.of(
                                r.getKind(),
                                r.getEventTime().toEpochMilli(),
                                r.getLocalDate().toEpochDay(),
                                r.getIngestTime().toEpochMilli(),
                                r.getFallbackUpload()));
                assertEquals(
                        List.of(bcp.code(), bcp.sectionId(), bcp.type(), bcp.authority()),
                        List.of(r.getBcpCode(), r.getSectionId(), r.getBorderType(), r.getAuthority()));
                assertEquals(m.variantSpelling() ? t.variantIdentity() : t.identity(), r.getTraveller());
                assertEquals(t.document(), r.getDocument());
                assertEquals(t.visa(), r.getVisa());
                assertEquals(t.stayBasis(), r.getStayBasis());
                assertEquals(
                        List.of(
                                t.facialTemplateId(),
                                String.valueOf(t.fingerprintTemplateId()),
                                t.fingerprintStatus(),
                                m.verificationScore()),
                        List.of(
                                r.getBiometrics().getFacialTemplateId(),
                                String.valueOf(r.getBiometrics().getFingerprintTemplateId()),
                                r.getBiometrics().getFingerprintStatus(),
                                r.getBiometrics().getVerificationScore()));
                assertEquals(m.refusalReason() == null ? List.of() : List.of(m.refusalReason()), r.getRefusalReasons());
                assertEquals(m.retentionDay(), r.getRetentionUntil().toEpochDay());
                variants += m.variantSpelling() ? 1 : 0;
                refusals += m.refusalReason() != null ? 1 : 0;
                counter++;
            }
        }
        assertEquals(Long.MAX_VALUE, again.nextMillis(), "every crossing was made");
        assertTrue(
                counter > 500 && variants > 0 && refusals > 0,
                "enough records, with variant spellings and refusals: " + List.of(counter, variants, refusals));
    }

    @Test
    void backgroundCrossingIsFilledAgainForEveryCrossing() {
        ReferenceData reference = ReferenceData.load();
        Set<BackgroundCrossing> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        background(5, reference, t -> new byte[0]).crossingsBefore(Long.MAX_VALUE, seen::add);
        assertEquals(1, seen.size());
    }

    /** The values of one background crossing, copied out of the reused instance. */
    private record Made(
            int traveller,
            long eventMillis,
            CrossingKind kind,
            long localDay,
            int bcp,
            boolean variantSpelling,
            float verificationScore,
            RefusalReason refusalReason,
            long retentionDay) {

        static Made of(BackgroundCrossing c) {
            return new Made(
                    c.travellerIndex(),
                    c.eventMillis(),
                    c.kind(),
                    c.localDay(),
                    c.bcp(),
                    c.variantSpelling(),
                    c.verificationScore(),
                    c.refusalReason(),
                    c.retentionDay());
        }
    }

    /** A small background world of seed {@code seed} whose travellers are kept as {@code keep} makes them. */
    private static BackgroundTraffic background(long seed, ReferenceData reference, Function<Traveller, byte[]> keep) {
        BcpChooser chooser = new BcpChooser(reference.bcps(), reference.calibration());
        return new BackgroundTraffic(
                PERIOD,
                reference.bcps(),
                reference.calibration(),
                new BcpClock(reference.bcps(), PERIOD.startDay() - HISTORY, PERIOD.lastDay() + HISTORY),
                chooser,
                new TravelTimes(reference.bcps(), MinimumTravelTime.fromConfig(ConfigLoader.defaults())),
                new CrossingFactory(reference.bcps(), PERIOD.startDay() - HISTORY, PERIOD.lastDay() + HISTORY),
                AuthorisedStay.SCHENGEN,
                PersonWatch.NONE,
                new PopulationFactory(seed, PERIOD, new IdFactory(seed), reference, chooser, AuthorisedStay.SCHENGEN),
                TRAVELLERS,
                keep);
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
