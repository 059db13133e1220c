package eu.borderflow.tools.replay;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and encodes one file on its own thread, a few thousand records ahead of the merge, so decoding and publishing
 * use both cores. Records come in chunks; a read failure travels in the chunk after the records before it, so the
 * merge sends exactly those records and then fails as it would have reading the file itself.
 */
final class ReadAhead implements RecordSource {

    private static final int CHUNK_RECORDS = 1024;
    private static final int CHUNKS_AHEAD = 8;
    private static final long OFFER_POLL_MILLIS = 100;
    private static final long JOIN_MILLIS = 5_000;

    /** Up to {@link #CHUNK_RECORDS} records ready to send; {@code last} ends the file, with or without an error. */
    private static final class Chunk {
        final long[] arrival = new long[CHUNK_RECORDS];
        final long[] eventTime = new long[CHUNK_RECORDS];
        final byte[][] key = new byte[CHUNK_RECORDS][];
        final byte[][] value = new byte[CHUNK_RECORDS][];
        int size;
        boolean last;
        RuntimeException error;
    }

    private final ArrivalCursor cursor;
    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    private Chunk current;
    private int index;
    private boolean exhausted;

    ReadAhead(ArrivalCursor cursor) {
        this.cursor = cursor;
        this.reader = new Thread(this::readAll, "replay-read-" + cursor.topic());
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        boolean last = false;
        while (!last && !stopped) {
            Chunk chunk = new Chunk();
            try {
                while (chunk.size < CHUNK_RECORDS && !(last = !cursor.advance())) {
                    chunk.arrival[chunk.size] = cursor.arrivalMillis();
                    chunk.eventTime[chunk.size] = cursor.eventTimeMillis();
                    chunk.key[chunk.size] = cursor.key();
                    chunk.value[chunk.size] = cursor.encodedValue();
                    chunk.size++;
                }
            } catch (RuntimeException e) {
                chunk.error = e;
                last = true;
            } catch (Error e) {
                // the merge waits for this thread's chunks: it must learn that none will come
                chunk.error = new IllegalStateException("reading " + cursor.topic() + " failed", e);
                last = true;
            }
            chunk.last = last;
            handOver(chunk);
        }
    }

    private void handOver(Chunk chunk) {
        try {
            while (!stopped && !ready.offer(chunk, OFFER_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean advance() {
        if (current != null) {
            index++;
        }
        while (current == null || index >= current.size) {
            if (current != null && current.last) {
                exhausted = true;
                if (current.error != null) {
                    throw current.error;
                }
                return false;
            }
            current = take();
            index = 0;
        }
        return true;
    }

    private Chunk take() {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + cursor.topic(), e);
        }
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public long arrivalMillis() {
        return current.arrival[index];
    }

    @Override
    public long eventTimeMillis() {
        return current.eventTime[index];
    }

    @Override
    public byte[] key() {
        return current.key[index];
    }

    @Override
    public byte[] encodedValue() {
        return current.value[index];
    }

    @Override
    public String topic() {
        return cursor.topic();
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        reader.interrupt();
        try {
            reader.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cursor.close();
    }
}
