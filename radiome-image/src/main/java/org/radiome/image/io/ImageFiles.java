package org.radiome.image.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.nifti.NiftiReader;
import org.radiome.image.nrrd.NrrdReader;

/**
 * Reads images and label maps, choosing the format by file name: NIfTI-1/NIfTI-2 ({@code .nii},
 * {@code .nii.gz}) or NRRD ({@code .nrrd}, {@code .nhdr}). Stateless and thread-safe.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** Reads a scalar image (intensities after any scaling the format defines). */
    public static Volume readVolume(Path file) throws ImageReadException {
        return readRaw(file).toVolume();
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
        throw new ImageReadException(file, "unsupported file type (expected .nii, .nii.gz, .nrrd or .nhdr)");
    }

    static void checkReadable(Path file) throws ImageReadException {
        if (!Files.exists(file)) throw new ImageReadException(file, "file not found");
        if (!Files.isRegularFile(file)) throw new ImageReadException(file, "not a regular file");
        if (!Files.isReadable(file)) throw new ImageReadException(file, "file is not readable");
    }
}
