package org.radiome.image.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageReadException;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

/**
 * An RT Structure Set (PS3.3 A.19, C.8.8.5 and C.8.8.6): its ROIs by name, each with its closed planar
 * contours in patient (LPS) coordinates, rasterised on request onto an image grid by
 * {@link ContourRasteriser}. Immutable and thread-safe once read.
 */
public final class RtStruct {
    static final AttributeTag STRUCTURE_SET_ROI_SEQUENCE = new AttributeTag(0x3006, 0x0020);
    static final AttributeTag ROI_NUMBER = new AttributeTag(0x3006, 0x0022);
    static final AttributeTag REFERENCED_FRAME_OF_REFERENCE_UID = new AttributeTag(0x3006, 0x0024);
    static final AttributeTag ROI_NAME = new AttributeTag(0x3006, 0x0026);
    static final AttributeTag ROI_CONTOUR_SEQUENCE = new AttributeTag(0x3006, 0x0039);
    static final AttributeTag CONTOUR_SEQUENCE = new AttributeTag(0x3006, 0x0040);
    static final AttributeTag CONTOUR_GEOMETRIC_TYPE = new AttributeTag(0x3006, 0x0042);
    static final AttributeTag CONTOUR_DATA = new AttributeTag(0x3006, 0x0050);
    static final AttributeTag REFERENCED_ROI_NUMBER = new AttributeTag(0x3006, 0x0084);
    static final AttributeTag REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = new AttributeTag(0x3006, 0x0010);
    static final AttributeTag RT_REFERENCED_STUDY_SEQUENCE = new AttributeTag(0x3006, 0x0012);
    static final AttributeTag RT_REFERENCED_SERIES_SEQUENCE = new AttributeTag(0x3006, 0x0014);

    /**
     * One ROI.
     *
     * @param name                ROI Name (3006,0026)
     * @param frameOfReferenceUid Referenced Frame of Reference UID (3006,0024), or null
     * @param contours            each closed planar contour as x0,y0,z0,x1,… (mm, LPS); the last point joins the first
     */
    public record Roi(String name, String frameOfReferenceUid, List<double[]> contours) {}

    private final Path file;
    private final Map<String, Roi> rois;
    private final Set<String> referencedSeries;

    private RtStruct(Path file, Map<String, Roi> rois, Set<String> referencedSeries) {
        this.file = file;
        this.rois = rois;
        this.referencedSeries = referencedSeries;
    }

    /** Reads an RTSTRUCT file; another kind of file is an error naming it. */
    public static RtStruct read(Path file) throws ImageReadException {
        DicomObject rs = DicomObject.readAll(file);
        String sopClass = rs.string(TagFromName.SOPClassUID);
        if (!SOPClass.RTStructureSetStorage.equals(sopClass)) {
            throw rs.error("not an RT Structure Set (SOP Class " + sopClass + ")");
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, String> frames = new LinkedHashMap<>();
        for (DicomObject item : rs.items(STRUCTURE_SET_ROI_SEQUENCE)) {
            int number = item.requiredInt(ROI_NUMBER, "ROI Number");
            String name = item.string(ROI_NAME);
            names.put(number, name == null ? "ROI " + number : name);
            frames.put(number, item.string(REFERENCED_FRAME_OF_REFERENCE_UID));
        }
        Map<Integer, List<double[]>> contours = new LinkedHashMap<>();
        for (DicomObject roiContour : rs.items(ROI_CONTOUR_SEQUENCE)) {
            int number = roiContour.requiredInt(REFERENCED_ROI_NUMBER, "Referenced ROI Number");
            List<double[]> list = contours.computeIfAbsent(number, k -> new ArrayList<>());
            for (DicomObject contour : roiContour.items(CONTOUR_SEQUENCE)) {
                String type = contour.string(CONTOUR_GEOMETRIC_TYPE);
                // POINT, OPEN_PLANAR and OPEN_NONPLANAR contours enclose no area
                if (type == null || !type.toUpperCase(Locale.ROOT).startsWith("CLOSED_PLANAR")) continue;
                double[] data = contour.requiredDoubles(CONTOUR_DATA, "Contour Data", 0);
                if (data.length % 3 != 0 || data.length < 9) {
                    throw rs.error("ROI '" + names.getOrDefault(number, "#" + number) + "': a closed contour has "
                            + data.length + " coordinates, not three or more (x, y, z) points");
                }
                list.add(data);
            }
        }
        Map<String, Roi> rois = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            String name = e.getValue();
            if (rois.containsKey(name)) name = name + " (" + e.getKey() + ")";
            rois.put(name, new Roi(name, frames.get(e.getKey()), List.copyOf(contours.getOrDefault(e.getKey(), List.of()))));
        }
        Set<String> series = new LinkedHashSet<>();
        for (DicomObject frame : rs.items(REFERENCED_FRAME_OF_REFERENCE_SEQUENCE)) {
            for (DicomObject study : frame.items(RT_REFERENCED_STUDY_SEQUENCE)) {
                for (DicomObject s : study.items(RT_REFERENCED_SERIES_SEQUENCE)) {
                    String uid = s.string(TagFromName.SeriesInstanceUID);
                    if (uid != null) series.add(uid);
                }
            }
        }
        return new RtStruct(file, rois, series);
    }

    public Path file() { return file; }

    /** ROI names in file order; a repeated name gets its ROI number appended. */
    public List<String> names() { return List.copyOf(rois.keySet()); }

    /** The ROI, or null. */
    public Roi roi(String name) { return rois.get(name); }

    /** Series Instance UIDs the structure set says it was drawn on (RT Referenced Series Sequence). */
    public Set<String> referencedSeries() { return Set.copyOf(referencedSeries); }

    /**
     * The mask of ROI {@code name} on {@code grid}, by the rule of {@link ContourRasteriser}.
     *
     * @param imageFrameOfReferenceUid the image's Frame of Reference UID, or null if unknown (not checked then)
     */
    public Mask rasterise(String name, Grid grid, String imageFrameOfReferenceUid) throws ImageReadException {
        Roi roi = rois.get(name);
        if (roi == null) {
            throw new ImageReadException(file, "no ROI named '" + name + "'; ROIs present: " + String.join(", ", rois.keySet()));
        }
        if (imageFrameOfReferenceUid != null && roi.frameOfReferenceUid() != null
                && !Objects.equals(imageFrameOfReferenceUid, roi.frameOfReferenceUid())) {
            throw new ImageReadException(file, "ROI '" + name + "' is in another frame of reference than the image "
                    + "(Frame of Reference UIDs differ): this RTSTRUCT belongs to another image series");
        }
        if (roi.contours().isEmpty()) throw new ImageReadException(file, "ROI '" + name + "' has no closed planar contours");
        return ContourRasteriser.rasterise(file, name, roi.contours(), grid);
    }
}
