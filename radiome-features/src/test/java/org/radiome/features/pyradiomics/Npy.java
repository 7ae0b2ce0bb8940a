package org.radiome.features.pyradiomics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal reader of NumPy's {@code .npy} format (versions 1–3) for little-endian float64 arrays in C or Fortran
 * order, enough for PyRadiomics's baseline matrices. Test helper.
 */
record Npy(int[] shape, double[] data, boolean fortranOrder) {
    static Npy read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = b.get();
        b.get(); // minor
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] header = new byte[headerLength];
        b.get(header);
        String h = new String(header, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!h.contains("'descr': '<f8'")) throw new IOException(file + ": only little-endian float64 is supported: " + h.trim());
        boolean fortran = h.contains("'fortran_order': True");
        Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(h);
        if (!m.find()) throw new IOException(file + ": no shape in header " + h.trim());
        int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int n = 1;
        for (int s : shape) n *= s;
        double[] data = new double[n];
        for (int i = 0; i < n; i++) data[i] = b.getDouble();
        return new Npy(shape, data, fortran);
    }

    /** The element at {@code index} (one value per axis). */
    double get(int... index) {
        int flat = 0;
        if (fortranOrder) {
            for (int a = shape.length - 1; a >= 0; a--) flat = flat * shape[a] + index[a];
        } else {
            for (int a = 0; a < shape.length; a++) flat = flat * shape[a] + index[a];
        }
        return data[flat];
    }
}
