package org.radiome.image.nrrd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

import org.radiome.image.Grid;
import org.radiome.image.io.ImageInput;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.PixelType;
import org.radiome.image.io.RawImage;

/**
 * Reads NRRD images ({@code .nrrd} with attached data, {@code .nhdr} with detached data) into a
 * {@link RawImage}, following the teem "Definition of NRRD File Format" (NRRD0001–NRRD0005).
 *
 * <ul>
 * <li><b>Data</b>: {@code type} in every spelling the format lists for signed/unsigned char, short,
 *     int, long long, float and double ({@code block} is "unsupported datatype"); {@code encoding}
 *     raw, gzip/gz, ascii/text/txt or hex (bzip2 is "unsupported encoding"); {@code endian} (required
 *     for multi-byte types in binary encodings). {@code data file} may name one file (relative paths
 *     are relative to the header's folder), a {@code printf}-style pattern with min, max and step, or
 *     {@code LIST} followed by file names; the files are read one after another and each holds an
 *     equal share of the data. {@code line skip} skips lines of the (compressed) file, then
 *     {@code byte skip} skips bytes of the decoded data; {@code byte skip: -1} means the data are the
 *     last bytes.</li>
 * <li><b>Axes</b>: the first axis is fastest, as in our {@link Grid}. {@code dimension} 3, or 2 (one
 *     slice). Axes marked non-spatial ({@code none} in {@code space directions}, or a non-domain
 *     {@code kinds} entry) must have size 1 and are dropped, so a 3-D image with a unit list axis
 *     reads; more volumes or vector components are a "not a 3-D image" error.</li>
 * <li><b>Geometry</b>: with {@code space directions}, each axis vector gives spacing (its length) and
 *     direction (its unit vector); {@code space origin} the centre of the first voxel (0 if absent).
 *     {@code space} names the world frame: left-posterior-superior (LPS) is ours; right-anterior-superior
 *     (RAS) negates x and y; left-anterior-superior (LAS) negates y; the "-time" forms drop the time
 *     coordinate; scanner-xyz and 3D-right/left-handed have no anatomical meaning and are taken as
 *     they are. Without {@code space directions}: {@code spacings} (absolute; NaN means 1), identity
 *     direction, origin 0. A 2-D image's slice axis is the cross product of the two in-plane
 *     directions, spacing 1.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NrrdReader {
    private NrrdReader() {}

    /** Reads {@code file}; every failure is an {@link ImageReadException} naming the file and the problem. */
    public static RawImage read(Path file) throws ImageReadException {
        try (ImageInput in = ImageInput.open(file)) {
            NrrdHeader h = NrrdHeader.read(in);
            PixelType type = pixelType(h);
            Encoding encoding = encoding(h);
            ByteOrder order = byteOrder(h, type, encoding);
            long declared = h.integer("dimension", -1);
            if (declared < 1 || declared > 16) throw new ImageReadException(file, "bad or missing 'dimension' field");
            int dimension = (int) declared;
            long[] sizes = sizes(h, dimension);
            Geometry geometry = Geometry.of(h, dimension, sizes);
            Grid grid = geometry.grid();
            long bytes = (long) grid.voxelCount() * type.bytes();
            if (bytes > Integer.MAX_VALUE - 8) throw new ImageReadException(file, "voxel data of " + bytes + " bytes is too large to read");

            byte[] data;
            if (h.has("data file")) {
                data = readDetached(h, dataFiles(h), encoding, type, bytes);
            } else if (h.endedByBlankLine()) {
                data = readData(in, h, encoding, type, bytes);
            } else {
                throw new ImageReadException(file, "no data: the header has no 'data file' field and no blank line before attached data");
            }
            return new RawImage(file, grid, type, ByteBuffer.wrap(data).order(order), 1, 0);
        }
    }

    enum Encoding { RAW, GZIP, TEXT, HEX }

    private static PixelType pixelType(NrrdHeader h) throws ImageReadException {
        String t = h.require("type").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (t) {
            case "signed char", "int8", "int8_t" -> PixelType.INT8;
            case "uchar", "unsigned char", "uint8", "uint8_t" -> PixelType.UINT8;
            case "short", "short int", "signed short", "signed short int", "int16", "int16_t" -> PixelType.INT16;
            case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> PixelType.UINT16;
            case "int", "signed int", "int32", "int32_t" -> PixelType.INT32;
            case "uint", "unsigned int", "uint32", "uint32_t" -> PixelType.UINT32;
            case "longlong", "long long", "long long int", "signed long long", "signed long long int", "int64", "int64_t"
                    -> PixelType.INT64;
            case "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t" -> PixelType.UINT64;
            case "float" -> PixelType.FLOAT32;
            case "double" -> PixelType.FLOAT64;
            default -> throw new ImageReadException(h.file(), "unsupported datatype '" + h.get("type")
                    + "'; only scalar integer, float and double images are supported");
        };
    }

    private static Encoding encoding(NrrdHeader h) throws ImageReadException {
        String e = h.require("encoding").toLowerCase(Locale.ROOT);
        return switch (e) {
            case "raw" -> Encoding.RAW;
            case "gzip", "gz" -> Encoding.GZIP;
            case "ascii", "text", "txt" -> Encoding.TEXT;
            case "hex" -> Encoding.HEX;
            default -> throw new ImageReadException(h.file(), "unsupported encoding '" + h.get("encoding")
                    + "' (raw, gzip, ascii and hex are supported)");
        };
    }

    private static ByteOrder byteOrder(NrrdHeader h, PixelType type, Encoding encoding) throws ImageReadException {
        String endian = h.get("endian");
        if (encoding == Encoding.TEXT) return ByteOrder.LITTLE_ENDIAN; // text is parsed by us into little-endian
        if (endian == null) {
            if (type.bytes() > 1 && encoding != Encoding.TEXT) {
                throw new ImageReadException(h.file(), "missing 'endian' field, required for " + h.get("type") + " data");
            }
            return ByteOrder.LITTLE_ENDIAN; // single bytes: order does not matter
        }
        return switch (endian.toLowerCase(Locale.ROOT)) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ImageReadException(h.file(), "bad 'endian' field '" + endian + "' (little or big)");
        };
    }

    private static long[] sizes(NrrdHeader h, int dimension) throws ImageReadException {
        String[] words = h.words("sizes", dimension);
        if (words == null) throw new ImageReadException(h.file(), "missing required header field 'sizes'");
        long[] sizes = new long[dimension];
        for (int a = 0; a < dimension; a++) {
            try {
                sizes[a] = Long.parseLong(words[a]);
            } catch (NumberFormatException e) {
                sizes[a] = -1;
            }
            if (sizes[a] < 1) throw new ImageReadException(h.file(), "bad size '" + words[a] + "' in 'sizes'");
        }
        return sizes;
    }

    /** The data files of a detached header, resolved against the header's folder. */
    private static List<Path> dataFiles(NrrdHeader h) throws ImageReadException {
        String spec = h.get("data file");
        Path folder = h.file().toAbsolutePath().getParent();
        List<String> names = new ArrayList<>();
        String[] words = spec.trim().split("\\s+");
        if (words[0].equals("LIST")) {
            names.addAll(h.listedDataFiles());
            if (names.isEmpty()) throw new ImageReadException(h.file(), "'data file: LIST' is followed by no file names");
        } else if ((words.length == 4 || words.length == 5) && words[0].contains("%") && isInteger(words[1])
                && isInteger(words[2]) && isInteger(words[3])) {
            int min = Integer.parseInt(words[1]), max = Integer.parseInt(words[2]), step = Integer.parseInt(words[3]);
            if (step == 0 || (max - min) / step < 0 || Math.abs((long) max - min) / Math.abs(step) > 100_000) {
                throw new ImageReadException(h.file(), "bad 'data file' range " + min + " " + max + " " + step);
            }
            for (int i = min; step > 0 ? i <= max : i >= max; i += step) {
                try {
                    names.add(String.format(Locale.ROOT, words[0], i));
                } catch (IllegalFormatException e) {
                    throw new ImageReadException(h.file(), "bad 'data file' pattern '" + words[0] + "'");
                }
            }
        } else {
            names.add(spec.trim());
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path p = Path.of(name);
            files.add(p.isAbsolute() || folder == null ? p : folder.resolve(p));
        }
        return files;
    }

    private static boolean isInteger(String s) {
        return s.matches("[+-]?\\d{1,9}");
    }

    /** Reads the files of a detached header, each holding an equal share of the data. */
    private static byte[] readDetached(NrrdHeader h, List<Path> files, Encoding encoding, PixelType type, long bytes) throws ImageReadException {
        long voxels = bytes / type.bytes();
        if (voxels % files.size() != 0) {
            throw new ImageReadException(h.file(), files.size() + " data files cannot share " + voxels + " voxels equally");
        }
        long share = bytes / files.size();
        if (files.size() == 1) return readDataFile(h, files.get(0), encoding, type, share);
        byte[] all = new byte[(int) bytes];
        for (int f = 0; f < files.size(); f++) {
            byte[] part = readDataFile(h, files.get(f), encoding, type, share);
            System.arraycopy(part, 0, all, (int) (f * share), part.length);
        }
        return all;
    }

    private static byte[] readDataFile(NrrdHeader h, Path dataFile, Encoding encoding, PixelType type, long bytes) throws ImageReadException {
        try (ImageInput in = ImageInput.open(dataFile)) {
            return readData(in, h, encoding, type, bytes);
        } catch (ImageReadException e) {
            throw new ImageReadException(h.file(), "data file " + e.getMessage(), e);
        }
    }

    /** Reads {@code bytes} bytes of voxel data from {@code in}: line skip, decoding, byte skip, then the data. */
    private static byte[] readData(ImageInput in, NrrdHeader h, Encoding encoding, PixelType type, long bytes) throws ImageReadException {
        long lineSkip = h.integer("line skip", 0);
        long byteSkip = h.integer("byte skip", 0);
        if (lineSkip < 0) throw new ImageReadException(h.file(), "negative 'line skip' " + lineSkip);
        if (byteSkip < -1) throw new ImageReadException(h.file(), "bad 'byte skip' " + byteSkip + " (-1 or more)");
        for (long i = 0; i < lineSkip; i++) {
            if (in.readLine(Integer.MAX_VALUE - 8) == null) throw in.truncated(bytes, 0);
        }
        if (encoding == Encoding.GZIP) in.startGzip();
        if (encoding == Encoding.TEXT || encoding == Encoding.HEX) {
            if (byteSkip > 0) in.skip(byteSkip);
            String text = new String(in.readRemaining(), StandardCharsets.ISO_8859_1);
            return encoding == Encoding.TEXT ? TextData.parse(in, text, type, bytes / type.bytes())
                    : TextData.hex(in, text, bytes);
        }
        if (byteSkip == -1) { // the data are the last bytes of the (decoded) file
            byte[] rest = in.readRemaining();
            if (rest.length < bytes) throw in.truncated(bytes, rest.length);
            byte[] data = new byte[in.checkedArraySize(bytes)];
            System.arraycopy(rest, rest.length - data.length, data, 0, data.length);
            return data;
        }
        if (in.skip(byteSkip) < byteSkip) throw in.truncated(bytes, 0);
        byte[] data = in.readFully(bytes);
        in.drain();
        return data;
    }
}
