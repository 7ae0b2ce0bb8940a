package org.radiome.image.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.radiome.image.Grid;
import org.radiome.image.io.ImageInput;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.PixelType;
import org.radiome.image.io.RawImage;

/**
 * Reads single-file NIfTI-1 and NIfTI-2 images ({@code .nii}, {@code .nii.gz}) into a {@link RawImage}.
 *
 * <p>Follows {@code nifti1.h} and {@code nifti2.h} (NIFTI-Imaging/nifti_clib):
 * <ul>
 * <li><b>Version and byte order</b> from {@code sizeof_hdr}: 348 is NIfTI-1, 540 NIfTI-2; if it only
 *     reads so byte-swapped, the file is big-endian (or whichever order is not ours). The magic must
 *     then be {@code "n+1\0"} or {@code "n+2\0\r\n\032\n"}; the two-file forms ({@code ni1}/{@code ni2},
 *     {@code .hdr}/{@code .img}) are rejected with a message saying so. Gzip is recognised by its magic
 *     bytes, not by the file name.</li>
 * <li><b>Data</b> starts at {@code vox_offset}; {@code datatype} may be uint8, int8, int16, uint16,
 *     int32, uint32, int64, uint64, float32 or float64 (binary, RGB, RGBA, complex and float128 are
 *     "unsupported datatype"). {@code dim[0]} is 2..7 with {@code dim[4..dim[0]] == 1}: one 3-D
 *     volume (a 2-D image becomes one slice); more volumes or vector components are an error.</li>
 * <li><b>Scaling</b> {@code value = scl_slope · stored + scl_inter}, none when {@code scl_slope} is 0 or
 *     NaN (nifti1.h: "If the scl_slope field is nonzero, then each voxel value in the dataset should be
 *     scaled"). A NaN {@code scl_inter} with a valid slope counts as 0.</li>
 * <li><b>Geometry</b>, nifti1.h "3 different methods": the sform (method 3) when {@code sform_code > 0},
 *     else the qform (method 2) when {@code qform_code > 0}: rotation R from the quaternion
 *     (b, c, d; a = √(1 − b² − c² − d²), or a = 0 with (b, c, d) normalised when that is below 1e-7,
 *     as nifti1_io.c does), the third column times {@code qfac = pixdim[0]} (0 counts as 1), offset
 *     {@code qoffset_*}; else method 1, the plain scaling {@code diag(pixdim)} at origin 0. The
 *     resulting world space is RAS+; DICOM/our {@link Grid} is LPS+, so the x and y rows of the affine
 *     are negated (nifti1.h: "To transform between DICOM and NIFTI, you just have to negate the x- and
 *     y-coordinates"). This matches ITK/SimpleITK, which also give method-1 files direction
 *     diag(−1, −1, 1).</li>
 * <li><b>Spacing</b> is |pixdim[1..3]|, direction the unit columns of the affine, origin its
 *     translation. An sform whose column lengths disagree with pixdim (beyond
 *     {@link Grid#GEOMETRY_TOLERANCE}) is an error, since {@code Grid} could not reproduce it.
 *     Lengths are converted to mm from {@code xyzt_units} (metres ×1000, microns ×0.001; unknown
 *     counts as mm).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NiftiReader {
    private static final int NIFTI1_HEADER = 348, NIFTI2_HEADER = 540;

    private NiftiReader() {}

    /** Reads {@code file}; every failure is an {@link ImageReadException} naming the file and the problem. */
    public static RawImage read(Path file) throws ImageReadException {
        try (ImageInput in = ImageInput.openDetectingGzip(file)) {
            byte[] head = new byte[NIFTI2_HEADER];
            int got = in.read(head, 0, NIFTI1_HEADER);
            if (got < 4) throw new ImageReadException(file, "not a NIfTI file: only " + got + " bytes");
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            int size = b.getInt(0);
            if (size != NIFTI1_HEADER && size != NIFTI2_HEADER) {
                b.order(ByteOrder.BIG_ENDIAN);
                size = b.getInt(0);
            }
            if (size != NIFTI1_HEADER && size != NIFTI2_HEADER) {
                throw new ImageReadException(file, "not a NIfTI file: bad magic (sizeof_hdr is neither 348 nor 540 in either byte order)");
            }
            if (size == NIFTI2_HEADER && got == NIFTI1_HEADER) got += in.read(head, NIFTI1_HEADER, NIFTI2_HEADER - NIFTI1_HEADER);
            if (got < size) throw new ImageReadException(file, "file truncated: header has " + got + " of " + size + " bytes");
            Header h = size == NIFTI1_HEADER ? nifti1(file, b) : nifti2(file, b);

            PixelType type = pixelType(file, h.datatype);
            int[] n = dimensions(file, h.dim);
            Grid grid = grid(file, h, n);
            long voxelBytes = (long) grid.voxelCount() * type.bytes();
            if (h.voxOffset < size) {
                throw new ImageReadException(file, "vox_offset " + h.voxOffset + " lies inside the " + size + "-byte header");
            }
            long gap = h.voxOffset - size;
            long skipped = in.skip(gap);
            if (skipped < gap) throw in.truncated(voxelBytes, 0);
            byte[] data = in.readFully(voxelBytes);
            in.drain();
            double slope = h.sclSlope, inter = h.sclInter;
            if (slope == 0 || !Double.isFinite(slope)) {
                slope = 1;
                inter = 0;
            } else if (Double.isNaN(inter)) {
                inter = 0;
            }
            if (!Double.isFinite(inter)) throw new ImageReadException(file, "scl_inter is " + inter);
            return new RawImage(file, grid, type, ByteBuffer.wrap(data).order(b.order()), slope, inter);
        }
    }

    /** The header fields we use, widened to NIfTI-2's types. */
    private static final class Header {
        long[] dim = new long[8];
        int datatype;
        double[] pixdim = new double[8];
        long voxOffset;
        double sclSlope, sclInter;
        int qformCode, sformCode;
        double quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ;
        double[] srow = new double[12];
        int xyztUnits;
    }

    /** nifti_1_header: byte offsets from nifti1.h. */
    private static Header nifti1(Path file, ByteBuffer b) throws ImageReadException {
        String magic = ascii(b, 344, 4);
        if (magic.equals("ni1\0")) throw pairNotSupported(file);
        if (!magic.equals("n+1\0")) {
            throw new ImageReadException(file, "not a NIfTI-1 file: bad magic '" + printable(magic)
                    + "' (expected 'n+1'; ANALYZE 7.5 is not supported)");
        }
        Header h = new Header();
        for (int i = 0; i < 8; i++) h.dim[i] = b.getShort(40 + 2 * i);
        h.datatype = b.getShort(70);
        for (int i = 0; i < 8; i++) h.pixdim[i] = b.getFloat(76 + 4 * i);
        float offset = b.getFloat(108);
        if (!(offset >= 0) || offset != Math.floor(offset)) {
            throw new ImageReadException(file, "vox_offset " + offset + " is not a byte offset");
        }
        h.voxOffset = (long) offset;
        h.sclSlope = b.getFloat(112);
        h.sclInter = b.getFloat(116);
        h.xyztUnits = b.get(123);
        h.qformCode = b.getShort(252);
        h.sformCode = b.getShort(254);
        h.quaternB = b.getFloat(256);
        h.quaternC = b.getFloat(260);
        h.quaternD = b.getFloat(264);
        h.qoffsetX = b.getFloat(268);
        h.qoffsetY = b.getFloat(272);
        h.qoffsetZ = b.getFloat(276);
        for (int i = 0; i < 12; i++) h.srow[i] = b.getFloat(280 + 4 * i);
        return h;
    }

    /** nifti_2_header: byte offsets from nifti2.h. */
    private static Header nifti2(Path file, ByteBuffer b) throws ImageReadException {
        String magic = ascii(b, 4, 8);
        if (magic.startsWith("ni2\0")) throw pairNotSupported(file);
        if (!magic.equals("n+2\0\r\n\032\n")) {
            throw new ImageReadException(file, "not a NIfTI-2 file: bad magic '" + printable(magic) + "' (expected 'n+2')");
        }
        Header h = new Header();
        h.datatype = b.getShort(12);
        for (int i = 0; i < 8; i++) h.dim[i] = b.getLong(16 + 8 * i);
        for (int i = 0; i < 8; i++) h.pixdim[i] = b.getDouble(104 + 8 * i);
        h.voxOffset = b.getLong(168);
        h.sclSlope = b.getDouble(176);
        h.sclInter = b.getDouble(184);
        h.qformCode = b.getInt(344);
        h.sformCode = b.getInt(348);
        h.quaternB = b.getDouble(352);
        h.quaternC = b.getDouble(360);
        h.quaternD = b.getDouble(368);
        h.qoffsetX = b.getDouble(376);
        h.qoffsetY = b.getDouble(384);
        h.qoffsetZ = b.getDouble(392);
        for (int i = 0; i < 12; i++) h.srow[i] = b.getDouble(400 + 8 * i);
        h.xyztUnits = b.getInt(500);
        return h;
    }

    private static ImageReadException pairNotSupported(Path file) {
        return new ImageReadException(file, "NIfTI header/image pairs (.hdr/.img) are not supported; "
                + "convert to a single .nii or .nii.gz file");
    }

    /** nifti1.h "TYPE OF DATA" codes. */
    private static PixelType pixelType(Path file, int datatype) throws ImageReadException {
        return switch (datatype) {
            case 2 -> PixelType.UINT8;
            case 4 -> PixelType.INT16;
            case 8 -> PixelType.INT32;
            case 16 -> PixelType.FLOAT32;
            case 64 -> PixelType.FLOAT64;
            case 256 -> PixelType.INT8;
            case 512 -> PixelType.UINT16;
            case 768 -> PixelType.UINT32;
            case 1024 -> PixelType.INT64;
            case 1280 -> PixelType.UINT64;
            default -> throw new ImageReadException(file, "unsupported datatype " + datatype + " (" + datatypeName(datatype)
                    + "); only scalar integer and float32/float64 images are supported");
        };
    }

    private static String datatypeName(int datatype) {
        return switch (datatype) {
            case 0 -> "unknown";
            case 1 -> "binary";
            case 32 -> "complex64";
            case 128 -> "RGB24";
            case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "RGBA32";
            default -> "not a NIfTI datatype";
        };
    }

    /** nx, ny, nz from dim[], requiring a single 3-D (or 2-D) volume. */
    private static int[] dimensions(Path file, long[] dim) throws ImageReadException {
        long rank = dim[0];
        if (rank < 1 || rank > 7) throw new ImageReadException(file, "corrupt header: dim[0] is " + rank);
        if (rank < 2) throw new ImageReadException(file, "not a 3-D image: 1-D data (dim[0] = 1)");
        for (int i = 1; i <= rank; i++) {
            if (dim[i] < 1) throw new ImageReadException(file, "corrupt header: dim[" + i + "] is " + dim[i]);
        }
        if (rank >= 4 && dim[4] > 1) {
            throw new ImageReadException(file, "not a 3-D image: 4-D data with " + dim[4] + " volumes (dim[4]); only one volume is supported");
        }
        for (int i = 5; i <= rank; i++) {
            if (dim[i] > 1) {
                throw new ImageReadException(file, "not a 3-D image: dim[" + i + "] is " + dim[i] + " (vector or multi-component data)");
            }
        }
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            long size = a + 1 <= rank ? dim[a + 1] : 1;
            if (size > Integer.MAX_VALUE) throw new ImageReadException(file, "dim[" + (a + 1) + "] = " + size + " is too large");
            n[a] = (int) size;
        }
        if ((long) n[0] * n[1] * n[2] > Integer.MAX_VALUE - 8) {
            throw new ImageReadException(file, "image of " + n[0] + "×" + n[1] + "×" + n[2] + " voxels is too large");
        }
        return n;
    }

    private static Grid grid(Path file, Header h, int[] n) throws ImageReadException {
        double unit = switch (h.xyztUnits & 0x07) {
            case 1 -> 1000.0; // NIFTI_UNITS_METER
            case 3 -> 0.001;  // NIFTI_UNITS_MICRON
            default -> 1.0;   // NIFTI_UNITS_MM, or unknown
        };
        double[] spacing = new double[3];
        for (int a = 0; a < 3; a++) {
            double p = Math.abs(h.pixdim[a + 1]);
            if (!(p > 0) || !Double.isFinite(p)) {
                if (n[a] > 1) throw new ImageReadException(file, "pixdim[" + (a + 1) + "] = " + h.pixdim[a + 1] + " is not a valid voxel spacing");
                p = 1; // a single slice needs no spacing; 2-D files often store 0
            }
            spacing[a] = p * unit;
        }
        // ras: the voxel-to-world affine, rows x, y, z; columns i, j, k, translation (row-major 3×4), in mm.
        double[] ras = new double[12];
        if (h.sformCode > 0) {
            for (int i = 0; i < 12; i++) ras[i] = h.srow[i] * unit;
        } else if (h.qformCode > 0) {
            double[] r = quaternionRotation(h.quaternB, h.quaternC, h.quaternD);
            double qfac = h.pixdim[0] < 0 ? -1 : 1;
            for (int row = 0; row < 3; row++) {
                ras[4 * row] = r[3 * row] * spacing[0];
                ras[4 * row + 1] = r[3 * row + 1] * spacing[1];
                ras[4 * row + 2] = r[3 * row + 2] * spacing[2] * qfac;
            }
            ras[3] = h.qoffsetX * unit;
            ras[7] = h.qoffsetY * unit;
            ras[11] = h.qoffsetZ * unit;
        } else {
            ras[0] = spacing[0];
            ras[5] = spacing[1];
            ras[10] = spacing[2];
        }
        for (double v : ras) {
            if (!Double.isFinite(v)) {
                throw new ImageReadException(file, "corrupt header: non-finite " + (h.sformCode > 0 ? "sform" : "qform") + " value");
            }
        }
        double[] direction = new double[9];
        double[] origin = new double[3];
        for (int row = 0; row < 3; row++) {
            double flip = row < 2 ? -1 : 1; // RAS+ → LPS+
            for (int col = 0; col < 3; col++) direction[3 * row + col] = flip * ras[4 * row + col];
            origin[row] = flip * ras[4 * row + 3];
        }
        normaliseColumns(file, h, direction, spacing, n);
        for (int i = 0; i < 9; i++) direction[i] += 0.0; // −0.0 (from negating 0) prints as 0
        for (int i = 0; i < 3; i++) origin[i] += 0.0;
        return new Grid(n[0], n[1], n[2], spacing, origin, direction);
    }

    /** nifti1.h, method 2: the proper rotation matrix of unit quaternion (a, b, c, d), row-major. */
    static double[] quaternionRotation(double b, double c, double d) {
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) { // 180° rotation, or (b, c, d) slightly too long from float rounding
            double s = 1.0 / Math.sqrt(b * b + c * c + d * d);
            b *= s;
            c *= s;
            d *= s;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b,
        };
    }

    /**
     * Turns the affine's columns into unit direction vectors. A column's length must equal the
     * spacing (an sform that scales differently from pixdim cannot be represented); a zero column of a
     * single-slice axis (2-D sforms) becomes the cross product of the other two.
     */
    private static void normaliseColumns(Path file, Header h, double[] dir, double[] spacing, int[] n) throws ImageReadException {
        for (int col = 0; col < 3; col++) {
            double len = Math.sqrt(dir[col] * dir[col] + dir[3 + col] * dir[3 + col] + dir[6 + col] * dir[6 + col]);
            if (len == 0 && n[col] == 1) {
                int p = (col + 1) % 3, q = (col + 2) % 3;
                double[] u = {dir[p], dir[3 + p], dir[6 + p]}, v = {dir[q], dir[3 + q], dir[6 + q]};
                double[] w = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
                double wl = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
                if (wl == 0) throw new ImageReadException(file, "degenerate sform: columns are not independent");
                for (int r = 0; r < 3; r++) dir[3 * r + col] = w[r] / wl;
                continue;
            }
            if (len == 0) throw new ImageReadException(file, "degenerate " + (h.sformCode > 0 ? "sform" : "qform") + ": column " + col + " is zero");
            if (Math.abs(len - spacing[col]) > Grid.GEOMETRY_TOLERANCE * Math.max(1.0, spacing[col])) {
                throw new ImageReadException(file, "sform column " + col + " has length " + len + " but pixdim[" + (col + 1)
                        + "] gives spacing " + spacing[col] + "; inconsistent geometry");
            }
            for (int r = 0; r < 3; r++) dir[3 * r + col] /= len;
        }
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 32 && c < 127) out.append(c);
            else out.append(String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }
}
