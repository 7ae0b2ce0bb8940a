package org.radiome.image.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.radiome.image.Grid;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageReadException;

/**
 * Minimal NIfTI-1 reader (PROVISIONAL: int16/uint8/float32, no qform/sform yet). To be replaced by the
 * full NIfTI-1/NIfTI-2 reader.
 */
public final class NiftiReader {
    private NiftiReader() {}

    public static Volume read(Path file) throws ImageReadException {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ImageReadException(file, "cannot read: " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 348) b.order(ByteOrder.BIG_ENDIAN);
        if (b.getInt(0) != 348) throw new ImageReadException(file, "not a NIfTI-1 file");
        int nx = b.getShort(42), ny = b.getShort(44), nz = Math.max(1, (int) b.getShort(46));
        int datatype = b.getShort(70);
        double[] spacing = {b.getFloat(80), b.getFloat(84), b.getFloat(88)};
        int offset = (int) b.getFloat(108);
        float slope = b.getFloat(112), inter = b.getFloat(116);
        if (slope == 0 || Float.isNaN(slope)) { slope = 1; inter = 0; }
        int n = nx * ny * nz;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double raw = switch (datatype) {
                case 2 -> b.get(offset + i) & 0xff;
                case 4 -> b.getShort(offset + 2 * i);
                case 16 -> b.getFloat(offset + 4 * i);
                default -> throw new IllegalStateException("datatype " + datatype);
            };
            v[i] = (float) (raw * slope + inter);
        }
        return new Volume(new Grid(nx, ny, nz, spacing, new double[3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}), v);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
