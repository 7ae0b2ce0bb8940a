package org.radiome.image.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageReadException;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

/**
 * A DICOM Segmentation (PS3.3 A.51, C.8.20): each segment a ROI named by its Segment Label, read onto
 * an image grid. Frames are placed by their Image Position (Patient), not by referenced instance UIDs:
 * each frame must lie on the image's in-plane grid (same orientation, pixel spacing, rows, columns
 * and in-plane origin) and within half a slice spacing of a slice centre. BINARY segments are read
 * bit by bit (PS3.5 §8.1.1: 1-bit pixels packed from the least significant bit, frames not padded to
 * whole bytes); a FRACTIONAL segment's voxel is inside when its value is at least half of Maximum
 * Fractional Value (0062,000E), i.e. probability or occupancy ≥ 0.5.
 *
 * <p>Immutable and thread-safe once read: the file's pixel data are held as bytes.
 */
public final class DicomSeg {
    private record Frame(int segment, int slice, int index) {}

    private final Path file;
    private final Grid grid;
    private final Map<String, Integer> segmentsByLabel;
    private final String frameOfReferenceUid;
    private final List<Frame> frames;
    private final byte[] pixels;
    private final boolean fractional;
    private final int maxFraction;

    private DicomSeg(Path file, Grid grid, Map<String, Integer> segmentsByLabel, String frameOfReferenceUid, List<Frame> frames,
                     byte[] pixels, boolean fractional, int maxFraction) {
        this.file = file;
        this.grid = grid;
        this.segmentsByLabel = segmentsByLabel;
        this.frameOfReferenceUid = frameOfReferenceUid;
        this.frames = frames;
        this.pixels = pixels;
        this.fractional = fractional;
        this.maxFraction = maxFraction;
    }

    /**
     * Reads a SEG file for placement on {@code grid}.
     *
     * @param imageFrameOfReferenceUid the image's Frame of Reference UID, or null if unknown (not checked then)
     */
    public static DicomSeg read(Path file, Grid grid, String imageFrameOfReferenceUid) throws ImageReadException {
        DicomObject seg = DicomObject.readAll(file);
        String sopClass = seg.string(TagFromName.SOPClassUID);
        if (!SOPClass.SegmentationStorage.equals(sopClass)) throw seg.error("not a DICOM Segmentation (SOP Class " + sopClass + ")");
        String frameOfReference = seg.string(TagFromName.FrameOfReferenceUID);
        if (imageFrameOfReferenceUid != null && frameOfReference != null && !Objects.equals(frameOfReference, imageFrameOfReferenceUid)) {
            throw seg.error("the segmentation is in another frame of reference than the image (Frame of Reference UIDs differ): "
                    + "it belongs to another image series");
        }
        String type = seg.requiredString(TagFromName.SegmentationType, "Segmentation Type").toUpperCase(Locale.ROOT);
        boolean fractional;
        int bits = seg.requiredInt(TagFromName.BitsAllocated, "Bits Allocated");
        if (type.equals("BINARY") && bits == 1) fractional = false;
        else if (type.equals("FRACTIONAL") && bits == 8) fractional = true;
        else throw seg.error("Segmentation Type " + type + " with Bits Allocated " + bits + " is not supported (BINARY with 1, FRACTIONAL with 8)");
        int maxFraction = fractional ? seg.requiredInt(TagFromName.MaximumFractionalValue, "Maximum Fractional Value") : 1;
        if (maxFraction < 1) throw seg.error("Maximum Fractional Value must be positive");

        Map<String, Integer> labels = new LinkedHashMap<>();
        for (DicomObject s : seg.items(TagFromName.SegmentSequence)) {
            int number = s.requiredInt(TagFromName.SegmentNumber, "Segment Number");
            String label = s.string(TagFromName.SegmentLabel);
            if (label == null) label = String.valueOf(number);
            if (labels.containsKey(label)) label = label + " (" + number + ")";
            labels.put(label, number);
        }
        if (labels.isEmpty()) throw seg.missing(TagFromName.SegmentSequence, "Segment Sequence");

        int rows = seg.requiredInt(TagFromName.Rows, "Rows"), columns = seg.requiredInt(TagFromName.Columns, "Columns");
        if (rows != grid.ny() || columns != grid.nx()) {
            throw seg.error("frames of " + columns + "×" + rows + " pixels do not match the image's " + grid.nx() + "×" + grid.ny()
                    + " (a SEG on another grid is not resampled)");
        }
        List<DicomObject> perFrame = seg.items(TagFromName.PerFrameFunctionalGroupsSequence);
        DicomObject shared = seg.item(TagFromName.SharedFunctionalGroupsSequence);
        int n = seg.intOr(TagFromName.NumberOfFrames, "Number of Frames", 1);
        if (perFrame.size() != n) {
            throw seg.error(n + " frames but " + perFrame.size() + " items in the Per-frame Functional Groups Sequence (5200,9230)");
        }
        FramePlacer placer = new FramePlacer(seg, grid);
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            DicomObject frame = perFrame.get(f);
            DicomObject id = DicomSeriesReader.group(frame, shared, TagFromName.SegmentIdentificationSequence);
            if (id == null) throw seg.error("frame " + (f + 1) + ": missing Segment Identification Sequence (0062,000A)");
            int segment = id.requiredInt(TagFromName.ReferencedSegmentNumber, "Referenced Segment Number");
            frames.add(new Frame(segment, placer.slice(frame, shared, f), f));
        }
        byte[] pixels = pixelBytes(seg);
        long needed = fractional ? (long) n * rows * columns : ((long) n * rows * columns + 7) / 8;
        if (pixels.length < needed) throw seg.error("pixel data hold " + pixels.length + " bytes, " + n + " frames need " + needed);
        return new DicomSeg(file, grid, labels, frameOfReference, frames, pixels, fractional, maxFraction);
    }

    private static byte[] pixelBytes(DicomObject seg) throws ImageReadException {
        Attribute a = seg.attribute(TagFromName.PixelData);
        if (a == null) throw seg.missing(TagFromName.PixelData, "Pixel Data");
        try {
            if ("OW".equals(a.getVRAsString())) { // implicit VR: 16-bit words, little-endian byte stream
                short[] words = a.getShortValues();
                byte[] bytes = new byte[2 * words.length];
                for (int i = 0; i < words.length; i++) {
                    bytes[2 * i] = (byte) words[i];
                    bytes[2 * i + 1] = (byte) (words[i] >> 8);
                }
                return bytes;
            }
            return a.getByteValues();
        } catch (DicomException e) {
            throw seg.error("cannot decode pixel data: " + e.getMessage());
        }
    }

    public Path file() { return file; }

    public String frameOfReferenceUid() { return frameOfReferenceUid; }

    /** Segment labels in file order; a repeated label gets its segment number appended. */
    public List<String> labels() { return List.copyOf(segmentsByLabel.keySet()); }

    /** The mask of the segment labelled {@code label}: the union of its frames, thresholded (see the class comment). */
    public Mask mask(String label) throws ImageReadException {
        Integer number = segmentsByLabel.get(label);
        if (number == null) {
            throw new ImageReadException(file, "no segment labelled '" + label + "'; segments present: " + String.join(", ", segmentsByLabel.keySet()));
        }
        int plane = grid.nx() * grid.ny();
        boolean[] inside = new boolean[grid.voxelCount()];
        for (Frame f : frames) {
            if (f.segment() != number) continue;
            long first = (long) f.index() * plane;
            int out = f.slice() * plane;
            for (int p = 0; p < plane; p++) {
                long i = first + p;
                boolean in = fractional ? 2 * (pixels[(int) i] & 0xFF) >= maxFraction
                        : (pixels[(int) (i >>> 3)] >> (int) (i & 7) & 1) != 0;
                if (in) inside[out + p] = true;
            }
        }
        return new Mask(grid, inside);
    }

    /** Maps frames to slices of the image grid by position; anything off the grid is an error naming the frame. */
    private static final class FramePlacer {
        private final DicomObject seg;
        private final Grid grid;
        private final ContourRasteriser.WorldToVoxel toVoxel;
        private final double[] direction;

        FramePlacer(DicomObject seg, Grid grid) {
            this.seg = seg;
            this.grid = grid;
            this.toVoxel = new ContourRasteriser.WorldToVoxel(grid);
            this.direction = grid.direction();
        }

        int slice(DicomObject frame, DicomObject shared, int index) throws ImageReadException {
            String where = "frame " + (index + 1);
            DicomObject position = DicomSeriesReader.group(frame, shared, TagFromName.PlanePositionSequence);
            DicomObject orientation = DicomSeriesReader.group(frame, shared, TagFromName.PlaneOrientationSequence);
            DicomObject measures = DicomSeriesReader.group(frame, shared, TagFromName.PixelMeasuresSequence);
            if (position == null || orientation == null || measures == null) {
                throw seg.error(where + ": missing Plane Position, Plane Orientation or Pixel Measures functional group");
            }
            double[] iop = orientation.requiredDoubles(TagFromName.ImageOrientationPatient, "Image Orientation (Patient)", 6);
            double[] spacing = measures.requiredDoubles(TagFromName.PixelSpacing, "Pixel Spacing", 2);
            for (int r = 0; r < 3; r++) {
                if (Math.abs(iop[r] - direction[3 * r]) > 1e-4 || Math.abs(iop[3 + r] - direction[3 * r + 1]) > 1e-4) {
                    throw seg.error(where + ": orientation differs from the image's (a SEG on another grid is not resampled)");
                }
            }
            if (Math.abs(spacing[1] - grid.spacing(0)) > 1e-4 * grid.spacing(0) || Math.abs(spacing[0] - grid.spacing(1)) > 1e-4 * grid.spacing(1)) {
                throw seg.error(where + ": pixel spacing differs from the image's (a SEG on another grid is not resampled)");
            }
            double[] p = position.requiredDoubles(TagFromName.ImagePositionPatient, "Image Position (Patient)", 3);
            double[] v = toVoxel.apply(p[0], p[1], p[2]);
            if (Math.abs(v[0]) > 0.01 || Math.abs(v[1]) > 0.01) {
                throw seg.error(where + ": in-plane position differs from the image's grid (a SEG on another grid is not resampled)");
            }
            long k = Math.max(0, Math.min(grid.nz() - 1, Math.round(v[2])));
            if (Math.abs(v[2] - k) > 0.5 + 1e-9) {
                throw seg.error(where + " is more than half a slice spacing from every slice of the image (it lies outside the image)");
            }
            return (int) k;
        }
    }
}
