package org.radiome.image.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

/**
 * Builds and edits DICOM test files with PixelMed, following the standard's modules (PS3.3): the
 * image plane, image pixel, PET series/isotope and multi-frame functional group attributes a reader
 * needs. Shared with the CLI tests through the radiome-image test jar, so they never import PixelMed.
 */
public final class DicomFixtures {
    private DicomFixtures() {}

    public static final String STUDY_UID = "2.25.1001";
    public static final String FRAME_OF_REFERENCE_UID = "2.25.1002";

    /** One single-frame image: the attributes beyond the common ones, and its stored pixel values. */
    public interface SliceAttributes {
        void addTo(AttributeList list) throws DicomException;
    }

    /** Writes a single-frame image file with the common patient/study/series/plane/pixel attributes. */
    public static Path writeSlice(Path file, String modality, String sopClass, String seriesUid, int instance, int rows, int columns,
                                  double[] position, double[] orientation, double[] pixelSpacing, short[] stored, boolean signed,
                                  SliceAttributes extra) {
        try {
            AttributeList list = new AttributeList();
            DicomBuilder.put(list, TagFromName.SOPClassUID, sopClass);
            DicomBuilder.put(list, TagFromName.SOPInstanceUID, seriesUid + "." + instance);
            DicomBuilder.put(list, TagFromName.PatientName, "Test^Phantom");
            DicomBuilder.put(list, TagFromName.PatientID, "PHANTOM");
            DicomBuilder.put(list, TagFromName.StudyInstanceUID, STUDY_UID);
            DicomBuilder.put(list, TagFromName.SeriesInstanceUID, seriesUid);
            DicomBuilder.put(list, TagFromName.FrameOfReferenceUID, FRAME_OF_REFERENCE_UID);
            DicomBuilder.put(list, TagFromName.Modality, modality);
            DicomBuilder.put(list, TagFromName.InstanceNumber, instance);
            DicomBuilder.put(list, TagFromName.ImagePositionPatient, position);
            DicomBuilder.put(list, TagFromName.ImageOrientationPatient, orientation);
            DicomBuilder.put(list, TagFromName.PixelSpacing, pixelSpacing);
            addPixelModule(list, rows, columns, signed);
            if (extra != null) extra.addTo(list);
            OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
            pixels.setValues(stored);
            list.put(pixels);
            write(list, file, TransferSyntax.ExplicitVRLittleEndian);
            return file;
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    static void addPixelModule(AttributeList list, int rows, int columns, boolean signed) throws DicomException {
        DicomBuilder.put(list, TagFromName.SamplesPerPixel, 1);
        DicomBuilder.put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        DicomBuilder.put(list, TagFromName.Rows, rows);
        DicomBuilder.put(list, TagFromName.Columns, columns);
        DicomBuilder.put(list, TagFromName.BitsAllocated, 16);
        DicomBuilder.put(list, TagFromName.BitsStored, 16);
        DicomBuilder.put(list, TagFromName.HighBit, 15);
        DicomBuilder.put(list, TagFromName.PixelRepresentation, signed ? 1 : 0);
    }

    /** Writes {@code list} as a Part 10 file in {@code transferSyntax}, with file meta information. */
    static void write(AttributeList list, Path file, String transferSyntax) {
        try {
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(list, transferSyntax, "RADIOME");
            try (OutputStream os = Files.newOutputStream(file)) {
                list.write(os, transferSyntax, true, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    static AttributeList read(Path file) {
        try {
            AttributeList list = new AttributeList();
            list.read(file.toFile());
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the regular files of a folder into {@code to} (created). */
    public static Path copyFolder(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a file as a member of another series (new Series and SOP Instance UIDs), as a second acquisition would be. */
    public static void moveToSeries(Path file, String seriesUid) {
        AttributeList list = read(file);
        try {
            DicomBuilder.put(list, TagFromName.SeriesInstanceUID, seriesUid);
            DicomBuilder.put(list, TagFromName.SOPInstanceUID, seriesUid + "." + Math.abs(file.getFileName().toString().hashCode()));
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
        write(list, file, TransferSyntax.ExplicitVRLittleEndian);
    }

    /**
     * Rewrites an RTSTRUCT as if drawn on another image: every Frame of Reference UID it holds (the
     * referenced frame of reference, each ROI's) and the referenced series UID are replaced.
     */
    public static void moveRtStructToAnotherImage(Path rtstruct, String frameOfReferenceUid, String seriesUid) {
        AttributeList list = read(rtstruct);
        try {
            DicomObject rs = DicomObject.of(rtstruct, list);
            for (DicomObject frame : rs.items(RtStruct.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE)) {
                DicomBuilder.put(frame.list, TagFromName.FrameOfReferenceUID, frameOfReferenceUid);
                for (DicomObject study : frame.items(RtStruct.RT_REFERENCED_STUDY_SEQUENCE)) {
                    for (DicomObject series : study.items(RtStruct.RT_REFERENCED_SERIES_SEQUENCE)) {
                        DicomBuilder.put(series.list, TagFromName.SeriesInstanceUID, seriesUid);
                    }
                }
            }
            for (DicomObject roi : rs.items(RtStruct.STRUCTURE_SET_ROI_SEQUENCE)) {
                DicomBuilder.put(roi.list, RtStruct.REFERENCED_FRAME_OF_REFERENCE_UID, frameOfReferenceUid);
            }
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
        write(list, rtstruct, TransferSyntax.ExplicitVRLittleEndian);
    }

    /**
     * Rewrites a file so that its meta information announces {@code transferSyntaxUid} while the data set
     * stays Explicit VR Little Endian (as every encapsulated transfer syntax encodes it, PS3.5 §A.4): a
     * reader must refuse it by the announced syntax before it reaches the pixel data.
     */
    public static void announceTransferSyntax(Path file, String transferSyntaxUid) {
        AttributeList list = read(file);
        try {
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(list, transferSyntaxUid, "RADIOME");
            try (OutputStream os = Files.newOutputStream(file)) {
                list.write(os, TransferSyntax.ExplicitVRLittleEndian, true, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a top-level attribute of a file, for checks. */
    public static String value(Path file, int group, int element) {
        return Attribute.getSingleStringValueOrNull(read(file), new AttributeTag(group, element));
    }

    /** CT Image Storage, for builders that need a SOP class. */
    public static final String CT = SOPClass.CTImageStorage;
    public static final String MR = SOPClass.MRImageStorage;
    public static final String PET = SOPClass.PETImageStorage;
    public static final String ENHANCED_MR = SOPClass.EnhancedMRImageStorage;

    /** Files of a folder, sorted. */
    public static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
