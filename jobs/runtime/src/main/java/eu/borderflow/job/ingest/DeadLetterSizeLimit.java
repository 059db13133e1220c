package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * The last step before the dead-letter sink: a dead letter whose encoding is larger than {@code maxBytes} (below the
 * dead-letter topic's max.message.bytes) has its original value, then its key, cut to fit, is marked
 * {@code truncated} (original_size keeps the size before) and counted. It never fails the sink.
 */
public final class DeadLetterSizeLimit extends RichMapFunction<DeadLetter, DeadLetter> {

    public static final String UID = "deadletters-size-limit";
    static final String TRUNCATED_COUNTER = "truncatedDeadLetters";
    private static final long serialVersionUID = 1L;

    private final int maxBytes;
    private transient SingleObjectSerde<DeadLetter> serde;
    private transient Counter truncated;

    public DeadLetterSizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void open(OpenContext context) {
        serde = SingleObjectSerde.of(DeadLetter.class);
        truncated = getRuntimeContext().getMetricGroup().counter(TRUNCATED_COUNTER);
    }

    @Override
    public DeadLetter map(DeadLetter letter) {
        int size = serde.encode(letter).length;
        if (size <= maxBytes) {
            return letter;
        }
        truncated.inc();
        return cut(letter, size, maxBytes);
    }

    /** {@code letter}, {@code size} bytes encoded, with key and value cut so the whole fits in {@code maxBytes}. */
    static DeadLetter cut(DeadLetter letter, int size, int maxBytes) {
        // Each byte cut from a value saves one byte; its length prefix shrinks too, so the result is a little smaller.
        int excess = size - maxBytes;
        ByteBuffer value = letter.getOriginalValue();
        ByteBuffer key = letter.getOriginalKey();
        int valueLength = value == null ? 0 : value.remaining();
        int keyLength = key == null ? 0 : key.remaining();
        int valueCut = Math.min(excess, valueLength);
        int keyCut = Math.min(excess - valueCut, keyLength);
        return DeadLetter.newBuilder(letter)
                .setOriginalValue(value == null ? null : prefix(value, valueLength - valueCut))
                .setOriginalKey(key == null ? null : prefix(key, keyLength - keyCut))
                .setTruncated(true)
                .build();
    }

    private static ByteBuffer prefix(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.duplicate().get(bytes);
        return ByteBuffer.wrap(bytes);
    }

    long truncatedCount() {
        return truncated.getCount();
    }
}
