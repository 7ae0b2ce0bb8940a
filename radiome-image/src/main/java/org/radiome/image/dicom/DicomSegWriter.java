package org.radiome.image.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

/**
 * Writes masks as a DICOM Segmentation (PS3.3 A.51) of the image series they were drawn on: one
 * segment per mask, BINARY, one frame per segment and slice that holds any of its voxels, frames
 * placed by Plane Position and described by the Segment Identification and Frame Content functional
 * groups with a two-dimensional index (segment, slice). Patient, study and frame of reference are
 * copied from the reference series, which the SEG references instance by instance. PixelMed encodes
 * the file (Explicit VR Little Endian).
 *
 * <p>Stateless and thread-safe.
 */
public final class DicomSegWriter {
    private DicomSegWriter() {}

    private static final String SCT = "SCT";

    /** One segment: a label and, per voxel, its fraction in [0, 1] (0 or 1 for binary masks). */
    record Segment(String label, float[] fraction) {}

    /**
     * Writes {@code masks} (label → mask on the reference image's grid) as a SEG of the series in
     * {@code referenceImage} (a folder or file, read as {@link DicomSeriesReader} does).
     */
    public static void write(Path out, Path referenceImage, Map<String, Mask> masks, ImageReadOptions options) throws IOException {
        List<Segment> segments = new ArrayList<>();
        for (Map.Entry<String, Mask> e : masks.entrySet()) {
            boolean[] in = e.getValue().inside();
            float[] f = new float[in.length];
            for (int i = 0; i < in.length; i++) f[i] = in[i] ? 1f : 0f;
            segments.add(new Segment(e.getKey(), f));
        }
        Grid grid = masks.values().iterator().next().grid();
        write(out, referenceImage, grid, segments, false, options);
    }

    /** Writes BINARY (fraction ≥ 0.5 set) or FRACTIONAL (fraction · 255, rounded) segments. */
    static void write(Path out, Path referenceImage, Grid grid, List<Segment> segments, boolean fractional, ImageReadOptions options)
            throws IOException {
        if (segments.isEmpty()) throw new IllegalArgumentException("no segments to write");
        DicomSeries series = DicomSeriesReader.read(referenceImage, options);
        String mismatch = series.volume().grid().describeDifference(grid);
        if (mismatch != null) throw new ImageReadException(referenceImage, "the masks are not on this series' grid: " + mismatch);
        List<DicomObject> headers = DicomSeriesReader.imageHeaders(referenceImage, DicomSeriesReader.filesOf(referenceImage),
                options.withWarnings(w -> { }));
        headers.removeIf(h -> !series.seriesInstanceUid().equals(h.string(TagFromName.SeriesInstanceUID)));
        try {
            AttributeList seg = build(headers, grid, segments, fractional);
            FileMetaInformation.addFileMetaInformation(seg, TransferSyntax.ExplicitVRLittleEndian, "RADIOME");
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".seg", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                seg.write(os, TransferSyntax.ExplicitVRLittleEndian, true, true);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (DicomException e) {
            throw new IOException(out + ": cannot encode the segmentation: " + e.getMessage(), e);
        }
    }

    private static AttributeList build(List<DicomObject> headers, Grid grid, List<Segment> segments, boolean fractional)
            throws DicomException, ImageReadException {
        AttributeList ref = headers.get(0).list;
        AttributeList seg = new AttributeList();
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        DicomBuilder.put(seg, TagFromName.SpecificCharacterSet, "ISO_IR 192");
        DicomBuilder.put(seg, TagFromName.SOPClassUID, SOPClass.SegmentationStorage);
        DicomBuilder.put(seg, TagFromName.SOPInstanceUID, DicomBuilder.newUid());
        // Patient and General Study modules, from the reference image
        for (var tag : new com.pixelmed.dicom.AttributeTag[] {TagFromName.PatientName, TagFromName.PatientID,
                TagFromName.PatientBirthDate, TagFromName.PatientSex, TagFromName.StudyDate, TagFromName.StudyTime,
                TagFromName.ReferringPhysicianName, TagFromName.StudyID, TagFromName.AccessionNumber}) {
            DicomBuilder.copyOrEmpty(ref, seg, tag);
        }
        DicomBuilder.put(seg, TagFromName.StudyInstanceUID, headers.get(0).requiredString(TagFromName.StudyInstanceUID, "Study Instance UID"));
        // Segmentation Series, Frame of Reference, equipment
        DicomBuilder.put(seg, TagFromName.Modality, "SEG");
        DicomBuilder.put(seg, TagFromName.SeriesInstanceUID, DicomBuilder.newUid());
        DicomBuilder.put(seg, TagFromName.SeriesNumber, 1000);
        DicomBuilder.put(seg, TagFromName.FrameOfReferenceUID,
                headers.get(0).requiredString(TagFromName.FrameOfReferenceUID, "Frame of Reference UID"));
        DicomBuilder.copyOrEmpty(ref, seg, TagFromName.PositionReferenceIndicator);
        DicomBuilder.put(seg, TagFromName.Manufacturer, "Radiome");
        DicomBuilder.put(seg, TagFromName.ManufacturerModelName, "Radiome");
        DicomBuilder.put(seg, TagFromName.DeviceSerialNumber, "0");
        DicomBuilder.put(seg, TagFromName.SoftwareVersions, version());
        // General Image, Segmentation Image and Image Pixel modules
        DicomBuilder.put(seg, TagFromName.InstanceNumber, 1);
        DicomBuilder.put(seg, TagFromName.ContentDate, now);
        DicomBuilder.put(seg, TagFromName.ContentTime, time);
        DicomBuilder.put(seg, TagFromName.ImageType, "DERIVED", "PRIMARY");
        DicomBuilder.put(seg, TagFromName.ContentLabel, "RADIOME");
        DicomBuilder.put(seg, TagFromName.ContentDescription, "Radiome segmentation");
        DicomBuilder.empty(seg, TagFromName.ContentCreatorName);
        DicomBuilder.put(seg, TagFromName.SegmentationType, fractional ? "FRACTIONAL" : "BINARY");
        if (fractional) {
            DicomBuilder.put(seg, TagFromName.SegmentationFractionalType, "PROBABILITY");
            DicomBuilder.put(seg, TagFromName.MaximumFractionalValue, 255);
        }
        DicomBuilder.put(seg, TagFromName.SamplesPerPixel, 1);
        DicomBuilder.put(seg, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        DicomBuilder.put(seg, TagFromName.Rows, grid.ny());
        DicomBuilder.put(seg, TagFromName.Columns, grid.nx());
        int bits = fractional ? 8 : 1;
        DicomBuilder.put(seg, TagFromName.BitsAllocated, bits);
        DicomBuilder.put(seg, TagFromName.BitsStored, bits);
        DicomBuilder.put(seg, TagFromName.HighBit, bits - 1);
        DicomBuilder.put(seg, TagFromName.PixelRepresentation, 0);
        DicomBuilder.put(seg, TagFromName.LossyImageCompression, "00");

        AttributeList[] segmentItems = new AttributeList[segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            AttributeList item = new AttributeList();
            DicomBuilder.put(item, TagFromName.SegmentNumber, s + 1);
            DicomBuilder.put(item, TagFromName.SegmentLabel, segments.get(s).label());
            DicomBuilder.put(item, TagFromName.SegmentAlgorithmType, "MANUAL");
            // SNOMED CT "Tissue" (85756007) as category and type: a mask says where, not what (CID 7150/7151)
            DicomBuilder.sequence(item, TagFromName.SegmentedPropertyCategoryCodeSequence, DicomBuilder.code("85756007", SCT, "Tissue"));
            DicomBuilder.sequence(item, TagFromName.SegmentedPropertyTypeCodeSequence, DicomBuilder.code("85756007", SCT, "Tissue"));
            segmentItems[s] = item;
        }
        DicomBuilder.sequence(seg, TagFromName.SegmentSequence, segmentItems);

        // Multi-frame Dimension module: index = (segment number, position)
        String dimensionUid = DicomBuilder.newUid();
        AttributeList organisation = new AttributeList();
        DicomBuilder.put(organisation, TagFromName.DimensionOrganizationUID, dimensionUid);
        DicomBuilder.sequence(seg, TagFromName.DimensionOrganizationSequence, organisation);
        AttributeList bySegment = new AttributeList();
        DicomBuilder.put(bySegment, TagFromName.DimensionOrganizationUID, dimensionUid);
        DicomBuilder.putTag(bySegment, TagFromName.DimensionIndexPointer, TagFromName.ReferencedSegmentNumber);
        DicomBuilder.putTag(bySegment, TagFromName.FunctionalGroupPointer, TagFromName.SegmentIdentificationSequence);
        AttributeList byPosition = new AttributeList();
        DicomBuilder.put(byPosition, TagFromName.DimensionOrganizationUID, dimensionUid);
        DicomBuilder.putTag(byPosition, TagFromName.DimensionIndexPointer, TagFromName.ImagePositionPatient);
        DicomBuilder.putTag(byPosition, TagFromName.FunctionalGroupPointer, TagFromName.PlanePositionSequence);
        DicomBuilder.sequence(seg, TagFromName.DimensionIndexSequence, bySegment, byPosition);

        // Shared functional groups: pixel measures and orientation of the image grid
        double[] d = grid.direction();
        AttributeList shared = new AttributeList();
        AttributeList measures = new AttributeList();
        DicomBuilder.put(measures, TagFromName.PixelSpacing, grid.spacing(1), grid.spacing(0));
        DicomBuilder.put(measures, TagFromName.SliceThickness, grid.spacing(2));
        DicomBuilder.put(measures, TagFromName.SpacingBetweenSlices, grid.spacing(2));
        DicomBuilder.sequence(shared, TagFromName.PixelMeasuresSequence, measures);
        AttributeList orientation = new AttributeList();
        DicomBuilder.put(orientation, TagFromName.ImageOrientationPatient, d[0], d[3], d[6], d[1], d[4], d[7]);
        DicomBuilder.sequence(shared, TagFromName.PlaneOrientationSequence, orientation);
        DicomBuilder.sequence(seg, TagFromName.SharedFunctionalGroupsSequence, shared);

        // Frames: each segment's non-empty slices
        int plane = grid.nx() * grid.ny();
        List<AttributeList> perFrame = new ArrayList<>();
        List<float[]> frameData = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            float[] fraction = segments.get(s).fraction();
            int framesOfSegment = 0;
            for (int z = 0; z < grid.nz(); z++) {
                float[] slice = new float[plane];
                boolean any = false;
                for (int p = 0; p < plane; p++) {
                    slice[p] = fraction[z * plane + p];
                    if (fractional ? Math.round(slice[p] * 255) > 0 : slice[p] >= 0.5f) any = true;
                }
                if (!any) continue;
                framesOfSegment++;
                AttributeList frame = new AttributeList();
                AttributeList content = new AttributeList();
                DicomBuilder.put(content, TagFromName.DimensionIndexValues, s + 1, z + 1);
                DicomBuilder.sequence(frame, TagFromName.FrameContentSequence, content);
                AttributeList position = new AttributeList();
                double[] p0 = grid.toWorld(0, 0, z);
                DicomBuilder.put(position, TagFromName.ImagePositionPatient, p0[0], p0[1], p0[2]);
                DicomBuilder.sequence(frame, TagFromName.PlanePositionSequence, position);
                AttributeList identification = new AttributeList();
                DicomBuilder.put(identification, TagFromName.ReferencedSegmentNumber, s + 1);
                DicomBuilder.sequence(frame, TagFromName.SegmentIdentificationSequence, identification);
                perFrame.add(frame);
                frameData.add(slice);
            }
            if (framesOfSegment == 0) throw new IllegalArgumentException("segment '" + segments.get(s).label() + "' is empty");
        }
        DicomBuilder.sequence(seg, TagFromName.PerFrameFunctionalGroupsSequence, perFrame.toArray(new AttributeList[0]));
        DicomBuilder.put(seg, TagFromName.NumberOfFrames, perFrame.size());

        // Common Instance Reference module: the reference series, instance by instance
        List<AttributeList> instances = new ArrayList<>();
        for (DicomObject h : headers) {
            AttributeList item = new AttributeList();
            DicomBuilder.put(item, TagFromName.ReferencedSOPClassUID, h.requiredString(TagFromName.SOPClassUID, "SOP Class UID"));
            DicomBuilder.put(item, TagFromName.ReferencedSOPInstanceUID, h.requiredString(TagFromName.SOPInstanceUID, "SOP Instance UID"));
            instances.add(item);
        }
        AttributeList referencedSeries = new AttributeList();
        DicomBuilder.put(referencedSeries, TagFromName.SeriesInstanceUID, headers.get(0).string(TagFromName.SeriesInstanceUID));
        DicomBuilder.sequence(referencedSeries, TagFromName.ReferencedInstanceSequence, instances.toArray(new AttributeList[0]));
        DicomBuilder.sequence(seg, TagFromName.ReferencedSeriesSequence, referencedSeries);

        OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
        pixels.setValues(pack(frameData, plane, fractional));
        seg.put(pixels);
        return seg;
    }

    /** BINARY: bits packed from the least significant bit, frames back to back (PS3.5 §8.1.1); FRACTIONAL: a byte per pixel. */
    private static byte[] pack(List<float[]> frames, int plane, boolean fractional) {
        long count = (long) frames.size() * plane;
        int length = (int) (fractional ? count : (count + 7) / 8);
        byte[] out = new byte[length + (length & 1)]; // even length (PS3.5 §7.1.1)
        long i = 0;
        for (float[] frame : frames) {
            for (float f : frame) {
                if (fractional) out[(int) i] = (byte) Math.round(Math.max(0, Math.min(1, f)) * 255);
                else if (f >= 0.5f) out[(int) (i >>> 3)] |= (byte) (1 << (int) (i & 7));
                i++;
            }
        }
        return out;
    }

    private static String version() {
        String v = DicomSegWriter.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
