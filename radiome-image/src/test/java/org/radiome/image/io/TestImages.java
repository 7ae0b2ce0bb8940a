package org.radiome.image.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Test-only writers for small NIfTI-1/NIfTI-2 and NRRD files, written from the same header layouts
 * (nifti1.h, nifti2.h, the teem NRRD definition) the readers follow, so that tests can check read
 * values and geometry against hand-known inputs.
 */
final class TestImages {
    private TestImages() {}

    /** The repository's data/ folder (system property {@code radiome.root}, set by Surefire). */
    static Path data(String relative) {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/ibsi-1"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/ folder");
        return p.resolve("data").resolve(relative);
    }

    /** {@code values} as {@code type} in {@code order}, one after another. */
    static byte[] encode(ByteOrder order, PixelType type, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(order);
        for (long v : values) {
            switch (type) {
                case INT8, UINT8 -> b.put((byte) v);
                case INT16, UINT16 -> b.putShort((short) v);
                case INT32, UINT32 -> b.putInt((int) v);
                case INT64, UINT64 -> b.putLong(v);
                case FLOAT32 -> b.putFloat(v);
                case FLOAT64 -> b.putDouble(v);
            }
        }
        return b.array();
    }

    static byte[] encodeDoubles(ByteOrder order, PixelType type, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(order);
        for (double v : values) {
            if (type == PixelType.FLOAT32) b.putFloat((float) v);
            else if (type == PixelType.FLOAT64) b.putDouble(v);
            else throw new IllegalArgumentException("not a float type: " + type);
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A NIfTI-1 (348-byte header) or NIfTI-2 (540-byte header) single file; fields are public for tests to set. */
    static final class Nifti {
        int version = 1;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        int datatype;
        int bitpix;
        long[] dim;
        double[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
        long voxOffset = -1; // -1: right after the header and its 4-byte extension flag
        double sclSlope, sclInter;
        int qformCode, sformCode;
        double quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ;
        double[] srow = new double[12];
        int xyztUnits = 2; // NIFTI_UNITS_MM
        String magic; // null: the valid single-file magic
        byte[] data;

        Nifti(int datatype, int bitpix, int nx, int ny, int nz, byte[] data) {
            this.datatype = datatype;
            this.bitpix = bitpix;
            this.dim = new long[] {3, nx, ny, nz, 1, 1, 1, 1};
            this.data = data;
        }

        byte[] bytes() {
            int headerSize = version == 1 ? 348 : 540;
            long offset = voxOffset >= 0 ? voxOffset : headerSize + 4;
            ByteBuffer b = ByteBuffer.allocate((int) offset).order(order);
            b.putInt(0, headerSize);
            if (version == 1) {
                for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, (short) dim[i]);
                b.putShort(70, (short) datatype);
                b.putShort(72, (short) bitpix);
                for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, (float) pixdim[i]);
                b.putFloat(108, offset);
                b.putFloat(112, (float) sclSlope);
                b.putFloat(116, (float) sclInter);
                b.put(123, (byte) xyztUnits);
                b.putShort(252, (short) qformCode);
                b.putShort(254, (short) sformCode);
                double[] q = {quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ};
                for (int i = 0; i < 6; i++) b.putFloat(256 + 4 * i, (float) q[i]);
                for (int i = 0; i < 12; i++) b.putFloat(280 + 4 * i, (float) srow[i]);
                b.put(344, ascii(magic != null ? magic : "n+1\0"));
            } else {
                b.put(4, ascii(magic != null ? magic : "n+2\0\r\n\032\n"));
                b.putShort(12, (short) datatype);
                b.putShort(14, (short) bitpix);
                for (int i = 0; i < 8; i++) b.putLong(16 + 8 * i, dim[i]);
                for (int i = 0; i < 8; i++) b.putDouble(104 + 8 * i, pixdim[i]);
                b.putLong(168, offset);
                b.putDouble(176, sclSlope);
                b.putDouble(184, sclInter);
                b.putInt(344, qformCode);
                b.putInt(348, sformCode);
                double[] q = {quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ};
                for (int i = 0; i < 6; i++) b.putDouble(352 + 8 * i, q[i]);
                for (int i = 0; i < 12; i++) b.putDouble(400 + 8 * i, srow[i]);
                b.putInt(500, xyztUnits);
            }
            return concat(b.array(), data);
        }

        /** Writes the file, gzip-compressed if its name ends in .gz. */
        Path write(Path file) {
            byte[] bytes = bytes();
            return TestImages.write(file, file.toString().endsWith(".gz") ? gzip(bytes) : bytes);
        }
    }

    /** An attached NRRD: magic, the header lines, a blank line, then {@code data} as given. */
    static Path nrrd(Path file, String headerLines, byte[] data) {
        return write(file, concat(ascii("NRRD0004\n" + headerLines + (headerLines.endsWith("\n") ? "" : "\n") + "\n"), data));
    }

    /** A detached header: magic and the header lines, no data. */
    static Path nhdr(Path file, String headerLines) {
        return write(file, ascii("NRRD0004\n" + headerLines + (headerLines.endsWith("\n") ? "" : "\n")));
    }
}
