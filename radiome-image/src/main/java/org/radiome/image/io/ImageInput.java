package org.radiome.image.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A sequential byte source over one image file, for the format readers: optional gzip decoding,
 * and every I/O failure turned into an {@link ImageReadException} naming the file.
 *
 * <p>A truncated or damaged gzip stream ({@link EOFException}, {@link ZipException}) becomes
 * "truncated or corrupt gzip data". Data that ends early in a sound stream is reported by the
 * caller (see {@link #readFully}) as "file truncated: expected N bytes of voxel data, found M".
 *
 * <p>Gzip data are decoded whole by libdeflate when the runtime can call it ({@link Libdeflate}: JDK
 * 22+ with the library installed), about twice as fast as {@code java.util.zip}: the rest of
 * the file (up to 1 GiB) is read at once into native memory, decoded there, and reads are served from
 * there (one copy, into the caller's array). Otherwise, and for larger files, the data stream through {@link GZIPInputStream}. Both give
 * the same bytes and the same errors; libdeflate reports corrupt data when gzip decoding starts.
 *
 * <p>Not thread-safe; one instance per read, used by one thread (the native memory of whole-buffer
 * decoding belongs to the thread that started gzip) and closed after use, which frees that memory.
 */
public final class ImageInput implements Closeable {
    /** Buffer for file reads and for the inflater's input: large, so gzip is decoded in few calls. */
    private static final int BUFFER = 1 << 18;
    /** Voxel arrays up to this size are allocated in one piece (see {@link #readFully}). */
    private static final int GROW_FROM = 1 << 26;
    private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;
    /** Gzip files up to this size are decoded whole (libdeflate); larger ones stream through java.util.zip. */
    private static final long WHOLE_GZIP_MAX = 1L << 30;

    private final Path file;
    private final FileChannel channel;
    private final FileInput raw;
    private InputStream in;
    private boolean gzip;
    /** The data decoded whole by libdeflate, in native memory, or null. */
    private Libdeflate.Decoded decoded;

    private ImageInput(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.raw = new FileInput(Channels.newInputStream(channel));
        this.in = raw;
    }

    /** Opens {@code file} as it is stored (no decompression yet; see {@link #startGzip}). */
    public static ImageInput open(Path file) throws ImageReadException {
        try {
            return new ImageInput(file, FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new ImageReadException(file, "file not found");
        } catch (IOException e) {
            throw new ImageReadException(file, "cannot open: " + e.getMessage(), e);
        }
    }

    /** Opens {@code file}, decompressing it if it starts with the gzip magic bytes (whatever its name). */
    public static ImageInput openDetectingGzip(Path file) throws ImageReadException {
        ImageInput input = open(file);
        try {
            input.raw.mark(2);
            int b1 = input.raw.read(), b2 = input.raw.read();
            input.raw.reset();
            if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) input.startGzip();
            return input;
        } catch (ImageReadException e) {
            input.close();
            throw e;
        } catch (IOException e) {
            input.close();
            throw new ImageReadException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    public boolean isGzip() { return gzip; }

    /** The gzip decoder of this JVM: {@code libdeflate}, or {@code java.util.zip (why libdeflate is not used)}. */
    public static String gzipDecoder() {
        return Libdeflate.available() ? "libdeflate" : "java.util.zip (" + Libdeflate.unavailableReason() + ")";
    }

    /** Whether the gzip data were decoded by libdeflate (false: java.util.zip, or not gzip). */
    boolean decodedByLibdeflate() { return decoded != null; }

    /** From here on, bytes are read through a gzip decoder. */
    public void startGzip() throws ImageReadException {
        if (gzip) return;
        try {
            gzip = true;
            InputStream whole = Libdeflate.available() ? decodeWhole() : null;
            in = whole != null ? whole : new GZIPInputStream(raw, BUFFER);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The rest of the file, read straight into native memory and decoded at once by libdeflate; a
     * {@link GZIPInputStream} from the same place when libdeflate cannot decode it (other than for
     * corrupt data); null for a file too large to read whole.
     */
    private InputStream decodeWhole() throws IOException {
        long start = channel.position() - raw.buffered();
        long length = channel.size() - start;
        if (length > WHOLE_GZIP_MAX) return null;
        decoded = Libdeflate.gunzip(length, dst -> {
            raw.takeBuffered(dst);
            while (dst.hasRemaining() && channel.read(dst) >= 0) {
                // until the end of the file
            }
        });
        if (decoded != null) return new ByteBufferInput(decoded.data());
        channel.position(start);
        return new GZIPInputStream(new BufferedInputStream(Channels.newInputStream(channel), BUFFER), BUFFER);
    }

    /** Reads up to {@code len} bytes, fewer only at the end of the data; returns the count read. */
    public int read(byte[] dst, int off, int len) throws ImageReadException {
        try {
            return in.readNBytes(dst, off, len);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Reads exactly {@code count} bytes of voxel data into a new array, or fails with
     * "file truncated: expected N bytes of voxel data, found M".
     */
    public byte[] readFully(long count) throws ImageReadException {
        int size = checkedArraySize(count);
        // Up to 64 MiB the array is allocated at once. Beyond, it grows as data arrive, so a corrupt
        // header that claims gigabytes in a small file fails as "truncated", not out of memory.
        byte[] data = new byte[Math.min(size, GROW_FROM)];
        int got = read(data, 0, data.length);
        while (got == data.length && got < size) {
            data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
            got += read(data, got, data.length - got);
        }
        if (got < size) throw truncated(count, got);
        return data;
    }

    /** Skips {@code count} bytes; returns how many were skipped (fewer only at the end of the data). */
    public long skip(long count) throws ImageReadException {
        if (decoded != null) return ((ByteBufferInput) in).skip(count);
        byte[] scratch = new byte[(int) Math.min(BUFFER, Math.max(count, 1))];
        long done = 0;
        while (done < count) {
            int n = read(scratch, 0, (int) Math.min(scratch.length, count - done));
            if (n == 0) break;
            done += n;
        }
        return done;
    }

    /**
     * Reads one line of at most {@code maxLength} bytes, without its terminator ({@code \n}, or
     * {@code \r\n}); null at the end of the data. Bytes are taken as ISO-8859-1 characters.
     */
    public String readLine(int maxLength) throws ImageReadException {
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') break;
                if (line.length() >= maxLength) {
                    throw new ImageReadException(file, "header line longer than " + maxLength + " bytes");
                }
                line.append((char) c);
            }
            if (c < 0 && line.length() == 0) return null;
        } catch (IOException e) {
            throw failure(e);
        }
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
        return line.toString();
    }

    /** Reads everything left. */
    public byte[] readRemaining() throws ImageReadException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Reads and discards the rest of the data. For gzip this makes the decoder check the stream's
     * CRC-32 and length trailer, so corruption after the voxels we needed is still reported.
     */
    public void drain() throws ImageReadException {
        if (!gzip || decoded != null) return; // libdeflate checked the trailers of all members already
        skip(Long.MAX_VALUE);
    }

    /** The standard "data shorter than the header says" error. */
    public ImageReadException truncated(long expected, long found) {
        return new ImageReadException(file, "file truncated: expected " + expected + " bytes of voxel data, found " + found);
    }

    /** {@code count} as an array length, or an error if one Java array cannot hold it. */
    public int checkedArraySize(long count) throws ImageReadException {
        if (count < 0 || count > Integer.MAX_VALUE - 8) {
            throw new ImageReadException(file, "voxel data of " + count + " bytes is too large to read");
        }
        return (int) count;
    }

    private ImageReadException failure(IOException e) {
        if (gzip && (e instanceof EOFException || e instanceof ZipException)) {
            return new ImageReadException(file, "truncated or corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new ImageReadException(file, "cannot read: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            in.close();
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only file: nothing was written that could be lost
        } finally {
            if (decoded != null) decoded.close();
        }
    }

    /** The buffered file stream, which can hand its buffered bytes to whole-buffer decoding. */
    private static final class FileInput extends BufferedInputStream {
        FileInput(InputStream in) { super(in, BUFFER); }

        /** How many bytes were read from the file but not yet from this stream. */
        synchronized int buffered() { return count - pos; }

        /** Moves the buffered bytes to {@code dst} (as many as fit). */
        synchronized void takeBuffered(ByteBuffer dst) {
            int n = Math.min(count - pos, dst.remaining());
            dst.put(buf, pos, n);
            pos += n;
        }
    }

    /** Reads from the buffer of whole-buffer gzip decoding. */
    private static final class ByteBufferInput extends InputStream {
        private final ByteBuffer data;

        ByteBufferInput(ByteBuffer data) { this.data = data; }

        @Override
        public int read() {
            return data.hasRemaining() ? data.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (!data.hasRemaining()) return -1;
            int n = Math.min(len, data.remaining());
            data.get(b, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            int k = (int) Math.max(0, Math.min(n, data.remaining()));
            data.position(data.position() + k);
            return k;
        }

        @Override
        public int available() { return data.remaining(); }
    }
}
