package org.radiome.image.nrrd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

import org.radiome.image.io.ImageInput;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.PixelType;

/** Decoding of the NRRD text encodings: {@code ascii} (numbers between whitespace) and {@code hex}. */
final class TextData {
    private TextData() {}

    /**
     * Parses {@code count} numbers of {@code type} into little-endian bytes. Integers must be whole and
     * in the type's range; floats also accept nan and inf.
     */
    static byte[] parse(ImageInput in, String text, PixelType type, long count) throws ImageReadException {
        ByteBuffer out = ByteBuffer.allocate(in.checkedArraySize(count * type.bytes())).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0, n = text.length();
        long found = 0;
        while (found < count) {
            while (pos < n && isSeparator(text.charAt(pos))) pos++;
            if (pos >= n) break;
            int end = pos;
            while (end < n && !isSeparator(text.charAt(end))) end++;
            put(in, out, type, text.substring(pos, end));
            found++;
            pos = end;
        }
        if (found < count) {
            throw new ImageReadException(in.file(), "file truncated: expected " + count + " text values of voxel data, found " + found);
        }
        return out.array();
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',';
    }

    private static void put(ImageInput in, ByteBuffer out, PixelType type, String word) throws ImageReadException {
        if (!type.isInteger()) {
            double v = floating(in, word);
            if (type == PixelType.FLOAT32) out.putFloat((float) v);
            else out.putDouble(v);
            return;
        }
        long v;
        try {
            v = type == PixelType.UINT64 ? Long.parseUnsignedLong(word) : Long.parseLong(word);
        } catch (NumberFormatException e) {
            double d = floating(in, word); // "3.0" is a whole number written as a float
            if (d != Math.rint(d) || Math.abs(d) > 0x1p53 || (type == PixelType.UINT64 && d < 0)) throw bad(in, word, type);
            v = (long) d;
        }
        switch (type) {
            case INT8 -> out.put((byte) inRange(in, word, type, v, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UINT8 -> out.put((byte) inRange(in, word, type, v, 0, 0xff));
            case INT16 -> out.putShort((short) inRange(in, word, type, v, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT16 -> out.putShort((short) inRange(in, word, type, v, 0, 0xffff));
            case INT32 -> out.putInt((int) inRange(in, word, type, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT32 -> out.putInt((int) inRange(in, word, type, v, 0, 0xffffffffL));
            default -> out.putLong(v); // INT64, UINT64
        }
    }

    private static long inRange(ImageInput in, String word, PixelType type, long v, long min, long max) throws ImageReadException {
        if (v < min || v > max) throw bad(in, word, type);
        return v;
    }

    private static double floating(ImageInput in, String word) throws ImageReadException {
        String w = word.toLowerCase(Locale.ROOT);
        switch (w) {
            case "nan": return Double.NaN;
            case "inf": case "+inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(w);
                } catch (NumberFormatException e) {
                    throw new ImageReadException(in.file(), "bad text value '" + NrrdHeader.abbreviate(word) + "' in voxel data");
                }
        }
    }

    private static ImageReadException bad(ImageInput in, String word, PixelType type) {
        return new ImageReadException(in.file(), "text value '" + NrrdHeader.abbreviate(word) + "' is not a "
                + type.name().toLowerCase(Locale.ROOT) + " value");
    }

    /** Decodes {@code bytes} bytes from pairs of hex digits; whitespace between them is ignored. */
    static byte[] hex(ImageInput in, String text, long bytes) throws ImageReadException {
        byte[] out = new byte[in.checkedArraySize(bytes)];
        int found = 0, high = -1;
        for (int i = 0; i < text.length() && found < out.length; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            int digit = Character.digit(c, 16);
            if (digit < 0) throw new ImageReadException(in.file(), "bad hex digit '" + c + "' in voxel data");
            if (high < 0) {
                high = digit;
            } else {
                out[found++] = (byte) (high << 4 | digit);
                high = -1;
            }
        }
        if (found < out.length) throw in.truncated(bytes, found);
        return out;
    }
}
