package org.radiome.image.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.radiome.image.Grid;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

/**
 * Reads a DICOM image series (CT, MR, PET; single-frame files or one enhanced multi-frame file) from
 * a folder, a file, or a list of files into a {@link Volume} through PixelMed.
 *
 * <ul>
 *   <li>Files without the DICOM Part 10 marker, and DICOM objects that are not images (RTSTRUCT, SEG,
 *       DICOMDIR, reports), are skipped with a warning.</li>
 *   <li>Several series: the one named by {@link ImageReadOptions#seriesInstanceUid()}; without one,
 *       an error listing the series present.</li>
 *   <li>Geometry: see {@link SliceStack}. Values: each plane's stored values times its own Rescale
 *       Slope plus Rescale Intercept (PET slopes differ per slice; for enhanced multi-frame images the
 *       Pixel Value Transformation functional group), PET then in SUVbw (see {@link PetSuv}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class DicomSeriesReader {
    private DicomSeriesReader() {}

    private static final AttributeTag PLANE_POSITION = TagFromName.PlanePositionSequence;
    private static final AttributeTag PLANE_ORIENTATION = TagFromName.PlaneOrientationSequence;
    private static final AttributeTag PIXEL_MEASURES = TagFromName.PixelMeasuresSequence;
    private static final AttributeTag VALUE_TRANSFORMATION = TagFromName.PixelValueTransformationSequence;

    /** Reads the series in a folder, or the series of one file (a single slice or an enhanced multi-frame image). */
    public static DicomSeries read(Path folderOrFile, ImageReadOptions options) throws ImageReadException {
        if (!Files.exists(folderOrFile)) throw new ImageReadException(folderOrFile, "file not found");
        return read(folderOrFile, filesOf(folderOrFile), options);
    }

    /** The files of a folder (not its subfolders), or the file itself. */
    static List<Path> filesOf(Path folderOrFile) throws ImageReadException {
        return Files.isDirectory(folderOrFile) ? listFolder(folderOrFile) : List.of(folderOrFile);
    }

    /** Reads the series among {@code files}; {@code source} names the whole in errors. */
    public static DicomSeries read(Path source, List<Path> files, ImageReadOptions options) throws ImageReadException {
        List<DicomObject> headers = imageHeaders(source, files, options);
        List<DicomObject> series = selectSeries(source, headers, options.seriesInstanceUid());
        List<Slice> slices = slicesOf(source, series);
        DicomObject first = series.get(0);
        double nominalSpacing = nominalSpacing(series);
        SliceStack stack = SliceStack.of(source, slices, nominalSpacing);

        String modality = first.string(TagFromName.Modality);
        modality = modality == null ? "" : modality;
        PetSuv.Conversion conversion = "PT".equals(modality) ? PetSuv.conversion(first, series, options)
                : new PetSuv.Conversion(1, "CT".equals(modality) ? "HU" : "");
        float[] voxels = voxels(stack, series, conversion.factor());
        return new DicomSeries(source, new Volume(stack.grid, voxels), first.string(TagFromName.SeriesInstanceUID),
                first.string(TagFromName.FrameOfReferenceUID), modality, conversion.units(), slices.size());
    }

    /** The headers of the image files, skipping (with a warning) non-DICOM files and non-image objects. */
    static List<DicomObject> imageHeaders(Path source, List<Path> files, ImageReadOptions options) throws ImageReadException {
        List<DicomObject> headers = new ArrayList<>();
        boolean oneFile = files.size() == 1 && files.get(0).equals(source);
        for (Path file : files) {
            if (!DicomObject.isPart10(file)) {
                if (oneFile) throw new ImageReadException(file, "not a DICOM file (no DICM marker at byte 128)");
                options.warnings().accept(file + ": skipped, not a DICOM file");
                continue;
            }
            DicomObject header = DicomObject.readHeader(file);
            if (!isImage(header)) {
                if (oneFile) throw new ImageReadException(file, "not a DICOM image (" + describe(header) + ")");
                options.warnings().accept(file + ": skipped, not an image (" + describe(header) + ")");
                continue;
            }
            headers.add(header);
        }
        if (headers.isEmpty()) throw new ImageReadException(source, "no DICOM image files found");
        return headers;
    }

    private static boolean isImage(DicomObject header) {
        String sopClass = header.string(TagFromName.SOPClassUID);
        if (SOPClass.SegmentationStorage.equals(sopClass) || SOPClass.RTStructureSetStorage.equals(sopClass)) return false;
        return header.has(TagFromName.Rows) && header.has(TagFromName.Columns);
    }

    private static String describe(DicomObject header) {
        String modality = header.string(TagFromName.Modality);
        if (modality != null) return "Modality " + modality;
        String sopClass = header.string(TagFromName.SOPClassUID);
        return sopClass != null ? "SOP Class " + sopClass : "no Modality";
    }

    private static List<DicomObject> selectSeries(Path source, List<DicomObject> headers, String wanted) throws ImageReadException {
        Map<String, List<DicomObject>> bySeries = new LinkedHashMap<>();
        for (DicomObject h : headers) {
            String uid = h.requiredString(TagFromName.SeriesInstanceUID, "Series Instance UID");
            bySeries.computeIfAbsent(uid, k -> new ArrayList<>()).add(h);
        }
        if (wanted != null) {
            List<DicomObject> chosen = bySeries.get(wanted);
            if (chosen == null) {
                throw new ImageReadException(source, "no series with Series Instance UID " + wanted + "; series present: " + listing(bySeries));
            }
            return chosen;
        }
        if (bySeries.size() > 1) {
            throw new ImageReadException(source, "holds " + bySeries.size() + " series; choose one with --series UID: " + listing(bySeries));
        }
        return bySeries.values().iterator().next();
    }

    private static String listing(Map<String, List<DicomObject>> bySeries) {
        return bySeries.entrySet().stream().map(e -> {
            String modality = e.getValue().get(0).string(TagFromName.Modality);
            return e.getKey() + " (" + (modality == null ? "?" : modality) + ", " + e.getValue().size() + " file"
                    + (e.getValue().size() == 1 ? "" : "s") + ")";
        }).collect(Collectors.joining(", "));
    }

    private static List<Slice> slicesOf(Path source, List<DicomObject> series) throws ImageReadException {
        List<Slice> slices = new ArrayList<>();
        boolean multiFrame = series.stream().anyMatch(h -> frames(h) > 1);
        if (multiFrame && series.size() > 1) {
            throw new ImageReadException(source, "the series holds " + series.size() + " multi-frame files; "
                    + "only a series of single-frame files or one multi-frame file is supported");
        }
        for (int f = 0; f < series.size(); f++) {
            DicomObject h = series.get(f);
            if (frames(h) > 1 || h.has(TagFromName.PerFrameFunctionalGroupsSequence)) addFrames(h, f, slices);
            else slices.add(classicSlice(h, f));
        }
        return slices;
    }

    private static int frames(DicomObject h) {
        String n = h.string(TagFromName.NumberOfFrames);
        try {
            return n == null ? 1 : Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Slice classicSlice(DicomObject h, int fileIndex) throws ImageReadException {
        return new Slice(h.file.getFileName().toString(), fileIndex, 0,
                h.requiredInt(TagFromName.Rows, "Rows"), h.requiredInt(TagFromName.Columns, "Columns"),
                h.requiredDoubles(TagFromName.ImagePositionPatient, "Image Position (Patient)", 3),
                h.requiredDoubles(TagFromName.ImageOrientationPatient, "Image Orientation (Patient)", 6),
                positiveSpacing(h, h.requiredDoubles(TagFromName.PixelSpacing, "Pixel Spacing", 2)),
                h.doubleOr(TagFromName.RescaleSlope, "Rescale Slope", 1.0),
                h.doubleOr(TagFromName.RescaleIntercept, "Rescale Intercept", 0.0));
    }

    /** The frames of an enhanced multi-frame image (PS3.3 C.7.6.16, Multi-frame Functional Groups). */
    private static void addFrames(DicomObject h, int fileIndex, List<Slice> slices) throws ImageReadException {
        int n = frames(h);
        List<DicomObject> perFrame = h.items(TagFromName.PerFrameFunctionalGroupsSequence);
        DicomObject shared = h.item(TagFromName.SharedFunctionalGroupsSequence);
        if (perFrame.size() != n) {
            throw h.error("multi-frame image with " + n + " frames has " + perFrame.size()
                    + " items in the Per-frame Functional Groups Sequence (5200,9230); classic multi-frame images are not supported");
        }
        int rows = h.requiredInt(TagFromName.Rows, "Rows"), columns = h.requiredInt(TagFromName.Columns, "Columns");
        for (int f = 0; f < n; f++) {
            DicomObject frame = perFrame.get(f);
            String where = h.file.getFileName() + " frame " + (f + 1);
            DicomObject position = group(frame, shared, PLANE_POSITION);
            DicomObject orientation = group(frame, shared, PLANE_ORIENTATION);
            DicomObject measures = group(frame, shared, PIXEL_MEASURES);
            if (position == null || orientation == null || measures == null) {
                throw h.error(where + ": missing Plane Position, Plane Orientation or Pixel Measures functional group");
            }
            DicomObject transformation = group(frame, shared, VALUE_TRANSFORMATION);
            slices.add(new Slice(where, fileIndex, f, rows, columns,
                    position.requiredDoubles(TagFromName.ImagePositionPatient, "Image Position (Patient)", 3),
                    orientation.requiredDoubles(TagFromName.ImageOrientationPatient, "Image Orientation (Patient)", 6),
                    positiveSpacing(h, measures.requiredDoubles(TagFromName.PixelSpacing, "Pixel Spacing", 2)),
                    transformation == null ? 1.0 : transformation.doubleOr(TagFromName.RescaleSlope, "Rescale Slope", 1.0),
                    transformation == null ? 0.0 : transformation.doubleOr(TagFromName.RescaleIntercept, "Rescale Intercept", 0.0)));
        }
    }

    /** The functional group macro {@code tag} of a frame, else of the shared groups. */
    static DicomObject group(DicomObject frame, DicomObject shared, AttributeTag tag) {
        DicomObject g = frame.item(tag);
        if (g == null && shared != null) g = shared.item(tag);
        return g;
    }

    private static double[] positiveSpacing(DicomObject h, double[] spacing) throws ImageReadException {
        if (!(spacing[0] > 0) || !(spacing[1] > 0)) throw h.error("Pixel Spacing (0028,0030) must be positive");
        return spacing;
    }

    private static double nominalSpacing(List<DicomObject> series) throws ImageReadException {
        DicomObject h = series.get(0);
        double s = h.doubleOr(TagFromName.SpacingBetweenSlices, "Spacing Between Slices", Double.NaN);
        if (!(s > 0)) s = h.doubleOr(TagFromName.SliceThickness, "Slice Thickness", Double.NaN);
        if (!(s > 0)) {
            DicomObject measures = group(h, h.item(TagFromName.SharedFunctionalGroupsSequence), PIXEL_MEASURES);
            if (measures != null) s = measures.doubleOr(TagFromName.SliceThickness, "Slice Thickness", Double.NaN);
        }
        return s;
    }

    /** Reads each file's pixel data once and writes its planes, rescaled, at their stack positions. */
    private static float[] voxels(SliceStack stack, List<DicomObject> series, double factor) throws ImageReadException {
        Grid grid = stack.grid;
        int plane = grid.nx() * grid.ny();
        float[] voxels = new float[grid.voxelCount()];
        Map<Integer, List<Integer>> zByFile = new TreeMap<>();
        for (int z = 0; z < stack.ordered.size(); z++) {
            zByFile.computeIfAbsent(stack.ordered.get(z).file(), k -> new ArrayList<>()).add(z);
        }
        for (Map.Entry<Integer, List<Integer>> e : zByFile.entrySet()) {
            DicomObject full = DicomObject.readAll(series.get(e.getKey()).file);
            PixelValues values = PixelValues.of(full);
            for (int z : e.getValue()) {
                Slice s = stack.ordered.get(z);
                if ((long) (s.frame() + 1) * plane > values.length()) {
                    throw full.error("pixel data hold " + values.length() + " values, too few for " + s.where()
                            + " of " + grid.nx() + "×" + grid.ny() + " pixels");
                }
                values.rescaleInto(s.frame() * plane, plane, s.slope(), s.intercept(), factor, voxels, z * plane);
            }
        }
        return voxels;
    }

    /** The regular files of a folder (not its subfolders), by name. */
    static List<Path> listFolder(Path folder) throws ImageReadException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new ImageReadException(folder, "cannot list folder: " + e.getMessage(), e);
        }
    }
}
