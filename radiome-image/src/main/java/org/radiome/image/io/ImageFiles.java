package org.radiome.image.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.dicom.DicomFiles;
import org.radiome.image.dicom.DicomSeries;
import org.radiome.image.dicom.DicomSeriesReader;
import org.radiome.image.nifti.NiftiReader;
import org.radiome.image.nrrd.NrrdReader;

/**
 * Reads images and segmentations, choosing the format by the path: a folder, a {@code .dcm} file
 * or any file with the DICOM marker is DICOM (through {@link org.radiome.image.dicom}); NIfTI-1/NIfTI-2
 * ({@code .nii}, {@code .nii.gz}) or NRRD ({@code .nrrd}, {@code .nhdr}) otherwise. Stateless and thread-safe.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** Reads a scalar image (intensities after any scaling the format defines; PET in SUVbw). */
    public static Volume readVolume(Path file) throws ImageReadException {
        return load(file, ImageReadOptions.DEFAULT).volume();
    }

    /** Reads a scalar image with options for DICOM (series choice, PET units, warnings). */
    public static Volume readVolume(Path file, ImageReadOptions options) throws ImageReadException {
        return load(file, options).volume();
    }

    /** Reads an image with what a segmentation needs to be placed on it (DICOM frame of reference and series). */
    public static LoadedImage load(Path path, ImageReadOptions options) throws ImageReadException {
        if (!Files.exists(path)) throw new ImageReadException(path, "file not found");
        if (DicomFiles.isDicom(path)) {
            DicomSeries s = DicomSeriesReader.read(path, options);
            return new LoadedImage(path, s.volume(), s.frameOfReferenceUid(), s.seriesInstanceUid());
        }
        return new LoadedImage(path, readRaw(path).toVolume(), null, null);
    }

    /**
     * The named ROIs of a segmentation on {@code image}'s grid: an RTSTRUCT's ROIs, a DICOM-SEG's
     * segments, or a label map's non-zero labels (which must lie on the image's grid).
     */
    public static RoiSet readRois(Path maskSource, LoadedImage image, ImageReadOptions options) throws ImageReadException {
        if (!Files.exists(maskSource)) throw new ImageReadException(maskSource, "file not found");
        if (DicomFiles.isDicom(maskSource)) return DicomFiles.readRois(maskSource, image, options);
        LabelMap labels = readLabels(maskSource);
        String mismatch = image.volume().grid().describeDifference(labels.grid());
        if (mismatch != null) {
            throw new ImageReadException(maskSource, "mask grid does not match the image " + image.source().getFileName() + ": " + mismatch);
        }
        return RoiSet.ofLabels(maskSource, labels);
    }

    /**
     * Reads a segmentation as integer labels, converted exactly from the stored integers (after any
     * scaling); non-integer values are rounded to the nearest integer, and values outside the 32-bit
     * range are an error.
     */
    public static LabelMap readLabels(Path file) throws ImageReadException {
        return readRaw(file).toLabelMap();
    }

    /** Reads an image in its stored pixel type, before conversion to intensities or labels. */
    public static RawImage readRaw(Path file) throws ImageReadException {
        checkReadable(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return NiftiReader.read(file);
        if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) return NrrdReader.read(file);
        if (name.matches(".*\\.(hdr|img)(\\.gz)?")) {
            throw new ImageReadException(file, "NIfTI/ANALYZE header/image pairs (.hdr/.img) are not supported; "
                    + "convert to a single .nii or .nii.gz file");
        }
        if (DicomFiles.isDicom(file)) {
            throw new ImageReadException(file, "a DICOM file cannot be read as a NIfTI/NRRD label map; use it as an RTSTRUCT or SEG mask");
        }
        throw new ImageReadException(file, "unsupported file type (expected a DICOM folder or file, .nii, .nii.gz, .nrrd or .nhdr)");
    }

    static void checkReadable(Path file) throws ImageReadException {
        if (!Files.exists(file)) throw new ImageReadException(file, "file not found");
        if (!Files.isRegularFile(file)) throw new ImageReadException(file, "not a regular file");
        if (!Files.isReadable(file)) throw new ImageReadException(file, "file is not readable");
    }
}
