package eu.borderflow.seeds.generate;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * One file of a dataset, written once from start to end: hashed (SHA-256, for the manifest) as it is written, and
 * written past the page cache (O_DIRECT) where the file system allows it. A year of 10 million travellers is 18 GB that
 * the generator never reads again: through the page cache each gigabyte cost 1 to 13 system CPU-seconds on the 2-core
 * development machine (the kernel finding fresh pages for it), written directly about 0.1; hashing as it goes saves
 * reading it all back for the manifest.
 */
final class DatasetOutput extends OutputStream {

    /** A multiple of any block size a file system asks direct writes to be aligned to. */
    private static final int BUFFER_BYTES = 4 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer;
    /** The size direct writes are aligned to; 1 when the file is written through the page cache. */
    private final int alignment;

    private final MessageDigest sha256 = DigestUtils.getSha256Digest();
    private final Consumer<String> digest;
    private long length;
    private boolean closed;

    private DatasetOutput(FileChannel channel, int alignment, Consumer<String> digest) {
        this.channel = channel;
        this.alignment = alignment;
        this.digest = digest;
        this.buffer = ByteBuffer.allocateDirect(BUFFER_BYTES + alignment).alignedSlice(alignment);
    }

    /**
     * Creates (or replaces) {@code file}; on {@link #close()} its SHA-256 goes to {@code digest} in lower-case hex.
     * Written directly where the file system takes direct writes, else through the page cache.
     */
    static DatasetOutput create(Path file, Consumer<String> digest) throws IOException {
        return create(file, digest, true);
    }

    static DatasetOutput create(Path file, Consumer<String> digest, boolean direct) throws IOException {
        OpenOption[] options = {
            StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING
        };
        if (direct) {
            Path parent = file.toAbsolutePath().getParent();
            int block = (int) Files.getFileStore(parent).getBlockSize();
            if (block > 0 && BUFFER_BYTES % block == 0) {
                try {
                    FileChannel channel = FileChannel.open(file, with(options, ExtendedOpenOption.DIRECT));
                    return new DatasetOutput(channel, block, digest);
                } catch (IOException | UnsupportedOperationException e) {
                    // No direct writes on this file system (tmpfs before Linux 6.6, some network file systems).
                }
            }
        }
        return new DatasetOutput(FileChannel.open(file, options), 1, digest);
    }

    private static OpenOption[] with(OpenOption[] options, OpenOption extra) {
        OpenOption[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = extra;
        return all;
    }

    /** True when the file is written past the page cache. */
    boolean direct() {
        return alignment > 1;
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
        sha256.update((byte) b);
        length++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sha256.update(b, off, len);
        length += len;
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes the full buffer: its size is a multiple of the alignment. */
    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /**
     * Writes what is left: a direct write covers whole blocks, so the last block goes out padded and the file is then
     * cut to its length.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel) {
            int tail = buffer.position();
            int padded = (tail + alignment - 1) / alignment * alignment;
            while (buffer.position() < padded) {
                buffer.put((byte) 0);
            }
            drain();
            if (padded != tail) {
                c.truncate(length);
            }
        }
        digest.accept(Hex.encodeHexString(sha256.digest()));
    }
}
