package org.radiome.image.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;
import org.radiome.image.io.LoadedImage;
import org.radiome.image.io.RoiSet;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

/**
 * The entry points {@link org.radiome.image.io.ImageFiles} uses for DICOM: recognising DICOM input and
 * reading an RTSTRUCT or SEG as a {@link RoiSet} on an image's grid. Stateless and thread-safe.
 */
public final class DicomFiles {
    private DicomFiles() {}

    /**
     * The java.util.logging logger under which the DICOM library logs (through SLF4J when a binding is
     * present): an application that reports failures itself, like the CLI, may silence it.
     */
    public static final String LIBRARY_LOGGER = "com.pixelmed";

    /** True for a folder, a {@code .dcm} file, or a file with the DICOM Part 10 marker. */
    public static boolean isDicom(Path path) {
        if (Files.isDirectory(path)) return true;
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".dcm") || DicomObject.isPart10(path);
    }

    /**
     * The ROIs of an RTSTRUCT or SEG file (or of the single RTSTRUCT/SEG file in a folder), on the
     * image's grid. ROIs are placed by position; an object in another frame of reference than the image
     * is an error when the ROI is requested.
     */
    public static RoiSet readRois(Path source, LoadedImage image, ImageReadOptions options) throws ImageReadException {
        Path file = Files.isDirectory(source) ? singleSegmentationIn(source) : source;
        if (!Files.exists(file)) throw new ImageReadException(file, "file not found");
        DicomObject header = DicomObject.readHeader(file);
        String sopClass = header.string(TagFromName.SOPClassUID);
        if (SOPClass.RTStructureSetStorage.equals(sopClass)) return rtStructRois(file, image, options);
        if (SOPClass.SegmentationStorage.equals(sopClass)) return segRois(file, image);
        String modality = header.string(TagFromName.Modality);
        throw new ImageReadException(file, "not an RTSTRUCT or DICOM-SEG (Modality " + (modality == null ? "absent" : modality)
                + "); a DICOM mask must be one of these");
    }

    private static RoiSet rtStructRois(Path file, LoadedImage image, ImageReadOptions options) throws ImageReadException {
        RtStruct rs = RtStruct.read(file);
        boolean sameFrame = rs.names().stream().map(n -> rs.roi(n).frameOfReferenceUid())
                .allMatch(f -> f == null || image.frameOfReferenceUid() == null || f.equals(image.frameOfReferenceUid()));
        // another frame of reference is an error when a ROI is placed; the same one drawn on another series is fine
        if (sameFrame && image.seriesInstanceUid() != null && !rs.referencedSeries().isEmpty()
                && !rs.referencedSeries().contains(image.seriesInstanceUid())) {
            options.warnings().accept(file + ": drawn on another series than the image; contours are placed by position "
                    + "(the frame of reference is checked)");
        }
        Map<String, RoiSet.MaskMaker> makers = new LinkedHashMap<>();
        for (String name : rs.names()) {
            makers.put(name, () -> rs.rasterise(name, image.volume().grid(), image.frameOfReferenceUid()));
        }
        return RoiSet.named(file, image.volume().grid(), makers);
    }

    private static RoiSet segRois(Path file, LoadedImage image) throws ImageReadException {
        DicomSeg seg = DicomSeg.read(file, image.volume().grid(), image.frameOfReferenceUid());
        Map<String, RoiSet.MaskMaker> makers = new LinkedHashMap<>();
        for (String label : seg.labels()) makers.put(label, () -> seg.mask(label));
        return RoiSet.named(file, image.volume().grid(), makers);
    }

    private static Path singleSegmentationIn(Path folder) throws ImageReadException {
        List<Path> found = new ArrayList<>();
        for (Path f : DicomSeriesReader.listFolder(folder)) {
            if (!DicomObject.isPart10(f)) continue;
            String sopClass = DicomObject.readHeader(f).string(TagFromName.SOPClassUID);
            if (SOPClass.RTStructureSetStorage.equals(sopClass) || SOPClass.SegmentationStorage.equals(sopClass)) found.add(f);
        }
        if (found.size() == 1) return found.get(0);
        throw new ImageReadException(folder, found.isEmpty() ? "holds no RTSTRUCT or DICOM-SEG file"
                : "holds " + found.size() + " RTSTRUCT/SEG files; name one");
    }
}
