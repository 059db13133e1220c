package eu.borderflow.risk.bench;

import eu.borderflow.schema.RiskFlag;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Replays a generated world through each benchmarked operator and prints, per operator, the number of flags, the
 * SHA-256 of their Avro encoding in emission order, the replay time and the keyed state measured at the end of the
 * data (before the final watermark). Run it before and after a change to the operators: the digests must not move.
 * <p>
 * It also replays the world {@code passes} more times (fresh operators each time, the first half as warm-up) and
 * prints crossings per CPU-second of this thread, which a busy shared machine disturbs less than wall time.
 * <p>
 * {@code FlagDigest [seed travellers days passes [pipeline...]]}, defaults 11 3000 45 0, all pipelines.
 */
public final class FlagDigest {

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 11;
        int travellers = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 45;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        java.util.Set<String> only =
                args.length > 4 ? java.util.Set.of(java.util.Arrays.copyOfRange(args, 4, args.length)) : null;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        BenchWorld world = BenchWorld.generate(seed, travellers, days);
        System.out.printf(
                "world seed=%d travellers=%d days=%d: %d crossings, %d alert changes, %d steps (%.1f s)%n",
                seed,
                travellers,
                days,
                world.crossings.size(),
                world.alerts.size(),
                world.steps.size(),
                (System.nanoTime() - t0) / 1e9);
        Map<String, Function<BenchWorld, Pipeline>> pipelines = Map.of(
                "persons", w -> unchecked(() -> Pipeline.persons(w.config)),
                "documents", w -> unchecked(() -> Pipeline.documents(w.config)),
                "travellerFile", w -> unchecked(() -> Pipeline.travellerFile(w.config)),
                "documentSequence", w -> unchecked(() -> Pipeline.documentSequence(w.config)),
                "passThrough", w -> unchecked(Pipeline::passThrough));
        for (String name : new String[] {"persons", "documents", "travellerFile", "documentSequence", "passThrough"}) {
            if (only != null && !only.contains(name)) {
                continue;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            SpecificDatumWriter<RiskFlag> writer = new SpecificDatumWriter<>(RiskFlag.class);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            try (Pipeline pipeline = pipelines.get(name).apply(world)) {
                pipeline.onFlag(flag -> {
                    bytes.reset();
                    unchecked(() -> {
                        writer.write(flag, encoder);
                        return null;
                    });
                    sha.update(bytes.toByteArray());
                });
                long start = System.nanoTime();
                pipeline.replay(world);
                double seconds = (System.nanoTime() - start) / 1e9;
                long state = pipeline.keyedStateBytes();
                pipeline.watermark(Long.MAX_VALUE);
                System.out.printf(
                        "%-14s flags=%d sha256=%s  replay %.2f s (%.0f crossings/s, one pass, cold)"
                                + "  keyed state at end of data: %d bytes%n",
                        name,
                        pipeline.emitted(),
                        HexFormat.of().formatHex(sha.digest()),
                        seconds,
                        world.crossings.size() / seconds,
                        state);
            }
            long cpuNanos = 0;
            int measured = 0;
            for (int pass = 0; pass < passes; pass++) {
                try (Pipeline pipeline = pipelines.get(name).apply(world)) {
                    long start = cpu.getCurrentThreadCpuTime();
                    pipeline.replay(world);
                    if (pass >= passes / 2) {
                        cpuNanos += cpu.getCurrentThreadCpuTime() - start;
                        measured++;
                    }
                }
            }
            if (measured > 0) {
                System.out.printf(
                        "%-14s %.0f crossings per CPU-second (%d warm passes)%n",
                        name, (double) world.crossings.size() * measured / (cpuNanos / 1e9), measured);
            }
        }
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
