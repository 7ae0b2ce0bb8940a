package org.radiome.image.dicom;

import java.io.IOException;
import java.nio.file.Files;

import org.radiome.image.io.ImageReadException;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

/**
 * The stored pixel values of a fully read (and, for compressed transfer syntaxes, decompressed)
 * single-sample image, with Bits Stored and Pixel Representation applied (PS3.5 §8.1.1): values
 * are masked to Bits Stored and, when signed, sign-extended from the high bit.
 */
final class PixelValues {
    private final short[] words;
    private final byte[] bytes;
    private final int bitsStored;
    private final boolean signed;

    private PixelValues(short[] words, byte[] bytes, int bitsStored, boolean signed) {
        this.words = words;
        this.bytes = bytes;
        this.bitsStored = bitsStored;
        this.signed = signed;
    }

    static PixelValues of(DicomObject obj) throws ImageReadException {
        int samples = obj.intOr(TagFromName.SamplesPerPixel, "Samples per Pixel", 1);
        if (samples != 1) {
            throw obj.error("Samples per Pixel is " + samples + " (colour image); only single-sample greyscale images are supported");
        }
        int allocated = obj.requiredInt(TagFromName.BitsAllocated, "Bits Allocated");
        int stored = obj.intOr(TagFromName.BitsStored, "Bits Stored", allocated);
        boolean signed = obj.intOr(TagFromName.PixelRepresentation, "Pixel Representation", 0) == 1;
        if (stored < 1 || stored > allocated) throw obj.error("Bits Stored " + stored + " does not fit Bits Allocated " + allocated);
        Attribute pixels = obj.attribute(TagFromName.PixelData);
        if (pixels == null || pixels.getVL() == 0) {
            if (obj.attribute(TagFromName.FloatPixelData) != null || obj.attribute(TagFromName.DoubleFloatPixelData) != null) {
                throw obj.error("float pixel data is not supported");
            }
            throw obj.error("missing or truncated Pixel Data (7FE0,0010)");
        }
        checkLength(obj, pixels);
        try {
            switch (allocated) {
                case 16: return new PixelValues(pixels.getShortValues(), null, stored, signed);
                case 8: return new PixelValues(null, pixels.getByteValues(), stored, signed);
                default: throw obj.error("Bits Allocated " + allocated + " is not supported (8 or 16 are)");
            }
        } catch (DicomException | RuntimeException e) {
            throw obj.error("cannot decode pixel data: " + e.getMessage());
        } catch (OutOfMemoryError e) { // a corrupt length that passed the checks: report, do not crash
            throw obj.error("pixel data too large to read (" + pixels.getVL() + " bytes declared)");
        }
    }

    /**
     * Native (uncompressed) pixel data are read lazily from the file: a declared length beyond the file's
     * end means a truncated or corrupt file, reported before anything is allocated for it.
     */
    private static void checkLength(DicomObject obj, Attribute pixels) throws ImageReadException {
        String ts = obj.transferSyntax();
        boolean nativeEncoding = ts == null || ts.equals(TransferSyntax.ImplicitVRLittleEndian)
                || ts.equals(TransferSyntax.ExplicitVRLittleEndian) || ts.equals(TransferSyntax.ExplicitVRBigEndian);
        if (!nativeEncoding) return;
        long fileSize;
        try {
            fileSize = Files.size(obj.file);
        } catch (IOException e) {
            throw obj.error("cannot read: " + e.getMessage());
        }
        if (pixels.getVL() > fileSize) {
            throw obj.error("Pixel Data (7FE0,0010) declares " + pixels.getVL() + " bytes, more than the file holds (truncated or corrupt file)");
        }
    }

    int length() { return words != null ? words.length : bytes.length; }

    /**
     * Writes {@code (stored · slope + intercept) · factor} of pixels {@code [offset, offset + count)} into
     * {@code dst[dstOffset …]}.
     */
    void rescaleInto(int offset, int count, double slope, double intercept, double factor, float[] dst, int dstOffset) {
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int shift = 32 - bitsStored;
        for (int i = 0; i < count; i++) {
            int raw = words != null ? words[offset + i] & 0xFFFF : bytes[offset + i] & 0xFF;
            raw &= mask;
            if (signed) raw = (raw << shift) >> shift;
            dst[dstOffset + i] = (float) ((raw * slope + intercept) * factor);
        }
    }
}
