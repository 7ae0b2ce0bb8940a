package org.radiome.image.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * <p>Not thread-safe; one instance per read.
 */
public final class ImageInput implements Closeable {
    /** Buffer for file reads and for the inflater's input: large, so gzip is decoded in few calls. */
    private static final int BUFFER = 1 << 18;
    /** Voxel arrays up to this size are allocated in one piece (see {@link #readFully}). */
    private static final int GROW_FROM = 1 << 26;
    private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;

    private final Path file;
    private final InputStream raw;
    private InputStream in;
    private boolean gzip;

    private ImageInput(Path file, InputStream raw) {
        this.file = file;
        this.raw = raw;
        this.in = raw;
    }

    /** Opens {@code file} as it is stored (no decompression yet; see {@link #startGzip}). */
    public static ImageInput open(Path file) throws ImageReadException {
        try {
            return new ImageInput(file, new BufferedInputStream(Files.newInputStream(file), BUFFER));
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

    /** From here on, bytes are read through a gzip decoder. */
    public void startGzip() throws ImageReadException {
        if (gzip) return;
        try {
            gzip = true;
            in = new GZIPInputStream(raw, BUFFER);
        } catch (IOException e) {
            throw failure(e);
        }
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
        if (!gzip) return;
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
        } catch (IOException ignored) {
            // closing a read-only file: nothing was written that could be lost
        }
    }
}
