package org.radiome.image.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.radiome.image.io.ImageReadException;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

/**
 * One DICOM data set (a file, or an item of a sequence in it) read through PixelMed, with typed
 * getters whose errors name the file and the attribute. The only class of this package that reads
 * attributes from PixelMed; the rest of Radiome never sees PixelMed types.
 *
 * <p>Not thread-safe (PixelMed attribute lists are not); one instance per reading thread.
 */
final class DicomObject {
    /** Transfer syntaxes whose pixel data PixelMed decodes with the codecs Radiome ships (see the README). */
    static final Set<String> SUPPORTED_TRANSFER_SYNTAXES = Set.of(
            TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRLittleEndian,
            TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian,
            TransferSyntax.RLE, TransferSyntax.JPEGBaseline, TransferSyntax.JPEGExtended,
            TransferSyntax.JPEGLossless, TransferSyntax.JPEGLosslessSV1,
            TransferSyntax.JPEG2000Lossless, TransferSyntax.JPEG2000);

    final Path file;
    final AttributeList list;

    private DicomObject(Path file, AttributeList list) {
        this.file = file;
        this.list = list;
    }

    static DicomObject of(Path file, AttributeList list) { return new DicomObject(file, list); }

    /** True if the file starts with the DICOM Part 10 preamble and "DICM" marker (PS3.10 §7.1). */
    static boolean isPart10(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads every attribute up to, not including, the pixel data. */
    static DicomObject readHeader(Path file) throws ImageReadException {
        return read(file, TagFromName.PixelData);
    }

    /** Reads the whole file, decompressing the pixel data; an unsupported transfer syntax is an error. */
    static DicomObject readAll(Path file) throws ImageReadException {
        DicomObject header = readHeader(file);
        header.checkTransferSyntax();
        return read(file, null);
    }

    private static DicomObject read(Path file, AttributeTag stopAt) throws ImageReadException {
        if (!isPart10(file)) throw new ImageReadException(file, "not a DICOM file (no DICM marker at byte 128)");
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(true);
        try {
            if (stopAt == null) list.read(file.toFile());
            else list.read(file.toFile(), stopAt);
        } catch (IOException | DicomException | RuntimeException e) {
            throw new ImageReadException(file, "cannot read DICOM data (truncated or corrupt file?): " + message(e), e);
        }
        return new DicomObject(file, list);
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    String transferSyntax() {
        return Attribute.getSingleStringValueOrNull(list, TagFromName.TransferSyntaxUID);
    }

    void checkTransferSyntax() throws ImageReadException {
        String ts = transferSyntax();
        if (ts == null) ts = TransferSyntax.ImplicitVRLittleEndian;
        if (!SUPPORTED_TRANSFER_SYNTAXES.contains(ts)) {
            String name = new TransferSyntax(ts).getDescription();
            throw new ImageReadException(file, "unsupported transfer syntax " + ts
                    + (name == null || name.isBlank() || name.equals(ts) ? "" : " (" + name + ")")
                    + "; supported: uncompressed, deflate, RLE, JPEG baseline/extended/lossless, JPEG 2000");
        }
    }

    boolean has(AttributeTag tag) {
        Attribute a = list.get(tag);
        return a != null && a.getVL() > 0;
    }

    /** The value, trimmed, or null if absent or empty. */
    String string(AttributeTag tag) {
        String s = Attribute.getSingleStringValueOrNull(list, tag);
        if (s == null) return null;
        s = s.trim();
        return s.isEmpty() ? null : s;
    }

    String requiredString(AttributeTag tag, String name) throws ImageReadException {
        String s = string(tag);
        if (s == null) throw missing(tag, name);
        return s;
    }

    /** The values, or null if absent or empty; a value that is not a number is an error. */
    double[] doubles(AttributeTag tag, String name) throws ImageReadException {
        Attribute a = list.get(tag);
        if (a == null || a.getVL() == 0) return null;
        try {
            String[] values = a.getStringValues();
            if (values == null || values.length == 0) return null;
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) d[i] = Double.parseDouble(values[i].trim());
            return d;
        } catch (DicomException | NumberFormatException e) {
            throw new ImageReadException(file, name + " " + tagText(tag) + " is not numeric");
        }
    }

    double[] requiredDoubles(AttributeTag tag, String name, int count) throws ImageReadException {
        double[] d = doubles(tag, name);
        if (d == null) throw missing(tag, name);
        if (count > 0 && d.length != count) {
            throw new ImageReadException(file, name + " " + tagText(tag) + " has " + d.length + " values, expected " + count);
        }
        for (double v : d) {
            if (!Double.isFinite(v)) throw new ImageReadException(file, name + " " + tagText(tag) + " is not finite");
        }
        return d;
    }

    /** A single number, or {@code fallback} if absent. */
    double doubleOr(AttributeTag tag, String name, double fallback) throws ImageReadException {
        double[] d = doubles(tag, name);
        return d == null ? fallback : d[0];
    }

    int requiredInt(AttributeTag tag, String name) throws ImageReadException {
        return (int) Math.round(requiredDoubles(tag, name, 1)[0]);
    }

    int intOr(AttributeTag tag, String name, int fallback) throws ImageReadException {
        double[] d = doubles(tag, name);
        return d == null ? fallback : (int) Math.round(d[0]);
    }

    /** The items of a sequence (empty if absent), as objects of the same file. */
    List<DicomObject> items(AttributeTag tag) {
        List<DicomObject> out = new ArrayList<>();
        if (list.get(tag) instanceof SequenceAttribute seq) {
            for (int i = 0; i < seq.getNumberOfItems(); i++) {
                SequenceItem item = seq.getItem(i);
                if (item != null && item.getAttributeList() != null) out.add(new DicomObject(file, item.getAttributeList()));
            }
        }
        return out;
    }

    /** The single (first) item of a sequence, or null. */
    DicomObject item(AttributeTag tag) {
        List<DicomObject> all = items(tag);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The raw attribute, for pixel data. */
    Attribute attribute(AttributeTag tag) { return list.get(tag); }

    ImageReadException missing(AttributeTag tag, String name) {
        return new ImageReadException(file, "missing " + name + " " + tagText(tag));
    }

    ImageReadException error(String problem) { return new ImageReadException(file, problem); }

    static String tagText(AttributeTag tag) {
        return String.format("(%04X,%04X)", tag.getGroup(), tag.getElement());
    }
}
