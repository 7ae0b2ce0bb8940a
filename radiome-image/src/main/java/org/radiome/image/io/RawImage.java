package org.radiome.image.io;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Objects;

import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;

/**
 * An image as its file stores it: grid, pixel type, the voxel bytes (x fastest, in the file's byte
 * order) and the linear scaling {@code value = slope · stored + intercept} the format defines
 * (NIfTI {@code scl_slope}/{@code scl_inter}; identity for NRRD).
 *
 * <p>{@link #toVolume()} gives float intensities; {@link #toLabelMap()} gives exact integer labels,
 * computed in {@code double} (exact for every stored integer that fits in 32 bits), never through
 * {@code float}. Conversion runs in chunks through {@link java.nio} view buffers (bulk, byte-swapping
 * copies), without a call per voxel.
 *
 * <p>Immutable and thread-safe: the byte buffer is private and only read through independent views.
 */
public final class RawImage {
    private static final int CHUNK = 8192;

    private final Path source;
    private final Grid grid;
    private final PixelType type;
    private final ByteBuffer data;
    private final double slope;
    private final double intercept;

    /**
     * @param source    the file, for error messages
     * @param data      at least {@code grid.voxelCount() · type.bytes()} bytes from its position on,
     *                  in the byte order set on the buffer; not copied, so do not change it afterwards
     * @param slope     scaling slope: finite and non-zero (pass 1 for none)
     * @param intercept scaling intercept: finite (pass 0 for none)
     */
    public RawImage(Path source, Grid grid, PixelType type, ByteBuffer data, double slope, double intercept) {
        this.source = Objects.requireNonNull(source, "source");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.type = Objects.requireNonNull(type, "type");
        long needed = (long) grid.voxelCount() * type.bytes();
        if (data.remaining() < needed) {
            throw new IllegalArgumentException("voxel buffer has " + data.remaining() + " bytes, grid needs " + needed);
        }
        if (!(Double.isFinite(slope) && slope != 0) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("scaling must be finite with a non-zero slope, was " + slope + ", " + intercept);
        }
        this.data = data.slice().order(data.order());
        this.slope = slope;
        this.intercept = intercept;
    }

    public Path source() { return source; }
    public Grid grid() { return grid; }
    public PixelType pixelType() { return type; }
    public double slope() { return slope; }
    public double intercept() { return intercept; }

    /** True if the stored values are scaled (slope ≠ 1 or intercept ≠ 0). */
    public boolean isScaled() { return slope != 1 || intercept != 0; }

    /** Float intensities {@code (float) (slope · stored + intercept)}, the scaling done in double. */
    public Volume toVolume() {
        int n = grid.voxelCount();
        float[] out = new float[n];
        if (!isScaled() && decodeFloatsExactly(out)) return new Volume(grid, out);
        double[] chunk = new double[CHUNK];
        ChunkDecoder decoder = decoder();
        boolean scaled = isScaled();
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            decoder.decode(start, len, chunk);
            if (scaled) {
                for (int j = 0; j < len; j++) out[start + j] = (float) (chunk[j] * slope + intercept);
            } else {
                for (int j = 0; j < len; j++) out[start + j] = (float) chunk[j];
            }
        }
        return new Volume(grid, out);
    }

    /**
     * Integer labels: {@code slope · stored + intercept}, rounded to the nearest integer (halves
     * upwards). A value that is NaN, infinite or outside the 32-bit signed range is an error naming
     * the value and its voxel, never a silently wrapped label.
     */
    public LabelMap toLabelMap() throws ImageReadException {
        int n = grid.voxelCount();
        int[] out = new int[n];
        if (!isScaled() && decodeIntegersExactly(out)) return new LabelMap(grid, out);
        double[] chunk = new double[CHUNK];
        ChunkDecoder decoder = decoder();
        boolean scaled = isScaled();
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            decoder.decode(start, len, chunk);
            for (int j = 0; j < len; j++) {
                double value = scaled ? chunk[j] * slope + intercept : chunk[j];
                double rounded = Math.floor(value + 0.5);
                if (!(rounded >= Integer.MIN_VALUE && rounded <= Integer.MAX_VALUE)) throw badLabel(value, start + j);
                out[start + j] = (int) rounded;
            }
        }
        return new LabelMap(grid, out);
    }

    /**
     * Unscaled types that convert to float without a double step changing the rounding (integers of at most 32
     * bits, float32): decoded straight into {@code out}. False, with {@code out} untouched, for other types.
     */
    private boolean decodeFloatsExactly(float[] out) {
        ByteBuffer b = data.duplicate().order(data.order());
        int n = out.length;
        switch (type) {
            case INT16, UINT16 -> {
                ShortBuffer v = b.asShortBuffer();
                short[] t = new short[Math.min(CHUNK, n)];
                boolean unsigned = type == PixelType.UINT16;
                for (int start = 0; start < n; start += CHUNK) {
                    int len = Math.min(CHUNK, n - start);
                    v.get(start, t, 0, len);
                    if (unsigned) for (int j = 0; j < len; j++) out[start + j] = t[j] & 0xffff;
                    else for (int j = 0; j < len; j++) out[start + j] = t[j];
                }
                return true;
            }
            case FLOAT32 -> {
                b.asFloatBuffer().get(0, out, 0, n);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Unscaled types whose every value is a 32-bit integer: decoded straight into {@code out} (no rounding or range
     * check can apply). False, with {@code out} untouched, for other types.
     */
    private boolean decodeIntegersExactly(int[] out) {
        ByteBuffer b = data.duplicate().order(data.order());
        int n = out.length;
        switch (type) {
            case INT8, UINT8 -> {
                byte[] t = new byte[Math.min(CHUNK, n)];
                boolean unsigned = type == PixelType.UINT8;
                for (int start = 0; start < n; start += CHUNK) {
                    int len = Math.min(CHUNK, n - start);
                    b.get(start, t, 0, len);
                    if (unsigned) for (int j = 0; j < len; j++) out[start + j] = t[j] & 0xff;
                    else for (int j = 0; j < len; j++) out[start + j] = t[j];
                }
                return true;
            }
            case INT16, UINT16 -> {
                ShortBuffer v = b.asShortBuffer();
                short[] t = new short[Math.min(CHUNK, n)];
                boolean unsigned = type == PixelType.UINT16;
                for (int start = 0; start < n; start += CHUNK) {
                    int len = Math.min(CHUNK, n - start);
                    v.get(start, t, 0, len);
                    if (unsigned) for (int j = 0; j < len; j++) out[start + j] = t[j] & 0xffff;
                    else for (int j = 0; j < len; j++) out[start + j] = t[j];
                }
                return true;
            }
            case INT32 -> {
                b.asIntBuffer().get(0, out, 0, n);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private ImageReadException badLabel(double value, int index) {
        int x = index % grid.nx(), y = (index / grid.nx()) % grid.ny(), z = index / (grid.nx() * grid.ny());
        return new ImageReadException(source, "label value " + shownValue(value, index) + " at voxel (" + x + "," + y
                + "," + z + ") is not an integer in the 32-bit range");
    }

    /** The value as stored when it is an unscaled integer (exact even for 64-bit), else the double. */
    private String shownValue(double value, int index) {
        if (isScaled() || !type.isInteger()) return Double.toString(value);
        ByteBuffer b = data.duplicate().order(data.order());
        return switch (type) {
            case INT64 -> Long.toString(b.getLong(index * 8));
            case UINT64 -> Long.toUnsignedString(b.getLong(index * 8));
            default -> Long.toString((long) value);
        };
    }

    /** Decodes voxels {@code [start, start + len)} into {@code out[0, len)}, as stored (unscaled). */
    private interface ChunkDecoder {
        void decode(int start, int len, double[] out);
    }

    /** A decoder over fresh views of the data, so concurrent conversions do not share positions. */
    private ChunkDecoder decoder() {
        ByteBuffer b = data.duplicate().order(data.order());
        switch (type) {
            case INT8: {
                byte[] t = new byte[CHUNK];
                return (start, len, out) -> {
                    b.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j];
                };
            }
            case UINT8: {
                byte[] t = new byte[CHUNK];
                return (start, len, out) -> {
                    b.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j] & 0xff;
                };
            }
            case INT16: {
                ShortBuffer v = b.asShortBuffer();
                short[] t = new short[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j];
                };
            }
            case UINT16: {
                ShortBuffer v = b.asShortBuffer();
                short[] t = new short[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j] & 0xffff;
                };
            }
            case INT32: {
                IntBuffer v = b.asIntBuffer();
                int[] t = new int[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j];
                };
            }
            case UINT32: {
                IntBuffer v = b.asIntBuffer();
                int[] t = new int[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j] & 0xffffffffL;
                };
            }
            case INT64: {
                LongBuffer v = b.asLongBuffer();
                long[] t = new long[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j];
                };
            }
            case UINT64: {
                LongBuffer v = b.asLongBuffer();
                long[] t = new long[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = unsignedToDouble(t[j]);
                };
            }
            case FLOAT32: {
                FloatBuffer v = b.asFloatBuffer();
                float[] t = new float[CHUNK];
                return (start, len, out) -> {
                    v.get(start, t, 0, len);
                    for (int j = 0; j < len; j++) out[j] = t[j];
                };
            }
            case FLOAT64: {
                DoubleBuffer v = b.asDoubleBuffer();
                return (start, len, out) -> v.get(start, out, 0, len);
            }
            default:
                throw new IllegalStateException("pixel type " + type);
        }
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v & Long.MAX_VALUE);
        return v < 0 ? d + 0x1.0p63 : d;
    }
}
