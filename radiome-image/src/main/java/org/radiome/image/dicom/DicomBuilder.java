package org.radiome.image.dicom;

import java.math.BigInteger;
import java.util.UUID;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/** Small helpers to build PixelMed attribute lists, with each attribute's VR from the DICOM dictionary. */
final class DicomBuilder {
    private DicomBuilder() {}

    /** Puts {@code tag} present but empty (type 2 attributes). */
    static void empty(AttributeList list, AttributeTag tag) throws DicomException {
        list.put(AttributeFactory.newAttribute(tag));
    }

    /** Puts {@code tag} with the given values. */
    static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        for (String v : values) a.addValue(v);
        list.put(a);
    }

    static void put(AttributeList list, AttributeTag tag, double... values) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        for (double v : values) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) a.addValue(Long.toString((long) v));
            else a.addValue(Double.toString(v));
        }
        list.put(a);
    }

    static void put(AttributeList list, AttributeTag tag, int... values) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        for (int v : values) a.addValue(v);
        list.put(a);
    }

    static void putTag(AttributeList list, AttributeTag tag, AttributeTag value) throws DicomException {
        AttributeTagAttribute a = new AttributeTagAttribute(tag);
        a.addValue(value);
        list.put(a);
    }

    /** Adds a sequence holding the given items. */
    static void sequence(AttributeList list, AttributeTag tag, AttributeList... items) {
        SequenceAttribute s = new SequenceAttribute(tag);
        for (AttributeList item : items) s.addItem(item);
        list.put(s);
    }

    /** A code sequence item (PS3.3 Table 8.8-1). */
    static AttributeList code(String value, String scheme, String meaning) throws DicomException {
        AttributeList item = new AttributeList();
        put(item, TagFromName.CodeValue, value);
        put(item, TagFromName.CodingSchemeDesignator, scheme);
        put(item, TagFromName.CodeMeaning, meaning);
        return item;
    }

    /** A new UID derived from a random UUID, under the 2.25 root (PS3.5 §B.2). */
    static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** Copies {@code tag} from {@code from} if present, else puts it empty (type 2). */
    static void copyOrEmpty(AttributeList from, AttributeList to, AttributeTag tag) throws DicomException {
        Attribute a = from.get(tag);
        if (a != null) to.put(a);
        else empty(to, tag);
    }
}
