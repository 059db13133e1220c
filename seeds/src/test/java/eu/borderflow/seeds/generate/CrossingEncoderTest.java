package eu.borderflow.seeds.generate;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.testkit.Dataset;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.BcpChooser;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.Traveller;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written encoder must give exactly the bytes of Avro's own writer, record by record. */
class CrossingEncoderTest {

    @Test
    void sameBytesAsSpecificDatumWriterForEveryRecordShape() throws IOException {
        Dataset data = Dataset.generate(11, 2000, 40);
        SpecificDatumWriter<BorderCrossing> avro = new SpecificDatumWriter<>(BorderCrossing.class);
        CrossingEncoder encoder = new CrossingEncoder();
        int visas = 0;
        int refusals = 0;
        int nonAscii = 0;
        for (BorderCrossing c : data.crossings) {
            assertArrayEquals(avroBytes(avro, c), bytes(encoder.encode(c)), "event " + c.getEventId());
            visas += c.getVisa() != null ? 1 : 0;
            refusals += c.getRefusalReasons().isEmpty() ? 0 : 1;
            nonAscii += (c.getTraveller().getSurname() + c.getTraveller().getGivenNames()).chars().anyMatch(ch -> ch > 127) ? 1 : 0;
        }
        assertTrue(visas > 0 && refusals > 0 && nonAscii > 0, "covers visas, refusal reasons and non-ASCII names");
    }

    /**
     * The per-traveller cache (filled as travellers are made): background crossings encoded with their traveller
     * (variant spellings too), with another traveller's cache, after the record was changed, and another world's
     * travellers with the same indexes: the cache must never be used where it does not apply.
     */
    @Test
    void travellerCacheGivesTheSameBytes() throws IOException {
        SpecificDatumWriter<BorderCrossing> avro = new SpecificDatumWriter<>(BorderCrossing.class);
        CrossingEncoder encoder = new CrossingEncoder();
        List<BorderCrossing> crossings = new ArrayList<>();
        List<Traveller> travellers = new ArrayList<>();
        int variants = 0;
        BackgroundTraffic background = background(5, encoder);
        while (background.hasNext()) {
            BorderCrossing c = background.next();
            Traveller t = background.lastTraveller();
            variants += c.getTraveller() == t.variantIdentity() ? 1 : 0;
            assertArrayEquals(avroBytes(avro, c), bytes(encoder.encode(c, t)), "event " + c.getEventId());
            crossings.add(c);
            travellers.add(t);
        }
        assertTrue(crossings.size() > 500 && variants > 0, "enough records, some with a variant spelling");
        for (int i = 0; i < crossings.size(); i++) {
            BorderCrossing c = crossings.get(i);
            Traveller other = travellers.get((i + 1) % travellers.size());
            assertArrayEquals(avroBytes(avro, c), bytes(encoder.encode(c, other)), "other traveller's cache");
            BorderCrossing copy = BorderCrossing.newBuilder(c).build();
            copy.getTraveller().setSurname(copy.getTraveller().getSurname() + "X");
            copy.getDocument().setNumber("ZZ0000000");
            copy.getBiometrics().setFacialTemplateId("T0");
            assertArrayEquals(avroBytes(avro, copy), bytes(encoder.encode(copy, travellers.get(i))), "changed copy");
        }
        // Another world's travellers have the same indexes: the cache must not hand out the first world's bytes.
        BackgroundTraffic another = background(6, c -> { });
        while (another.hasNext()) {
            BorderCrossing c = another.next();
            assertArrayEquals(avroBytes(avro, c), bytes(encoder.encode(c, another.lastTraveller())), "second world");
        }
    }

    /** A small background world of seed {@code seed} whose travellers are shown to {@code created}. */
    private static BackgroundTraffic background(long seed, java.util.function.Consumer<Traveller> created) {
        ReferenceData reference = ReferenceData.load();
        Period period = new Period(LocalDate.parse(GenerateOptions.DEFAULT_START), 60);
        BcpChooser chooser = new BcpChooser(reference.bcps(), reference.calibration());
        IdFactory ids = new IdFactory(seed);
        return new BackgroundTraffic(period, reference.bcps(), reference.calibration(),
                new BcpClock(reference.bcps(), period.startDay() - 1, period.lastDay() + 1), chooser,
                new TravelTimes(reference.bcps(), ConfigLoader.defaults()),
                new CrossingFactory(reference.bcps(), period.startDay() - 1, period.lastDay() + 1), ids,
                new PopulationFactory(seed, period, ids, reference, chooser), 300, created);
    }

    private static BackgroundTraffic background(long seed, CrossingEncoder encoder) {
        return background(seed, encoder::prepare);
    }

    private static byte[] avroBytes(SpecificDatumWriter<BorderCrossing> avro, BorderCrossing c) throws IOException {
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
