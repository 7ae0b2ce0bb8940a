package org.radiome.image.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.nifti.NiftiReader;

/** Reads images and label maps, choosing the format by file name. */
public final class ImageFiles {
    private ImageFiles() {}

    /** Reads a scalar image (intensities after any scaling the format defines). */
    public static Volume readVolume(Path file) throws ImageReadException {
        checkReadable(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return NiftiReader.read(file);
        throw new ImageReadException(file, "unsupported file type (expected .nii, .nii.gz, .nrrd or .nhdr)");
    }

    /** Reads a segmentation as integer labels (values are rounded to the nearest integer). */
    public static LabelMap readLabels(Path file) throws ImageReadException {
        Volume v = readVolume(file);
        float[] values = v.voxels();
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) labels[i] = Math.round(values[i]);
        return new LabelMap(v.grid(), labels);
    }

    static void checkReadable(Path file) throws ImageReadException {
        if (!Files.exists(file)) throw new ImageReadException(file, "file not found");
        if (!Files.isRegularFile(file)) throw new ImageReadException(file, "not a regular file");
        if (!Files.isReadable(file)) throw new ImageReadException(file, "file is not readable");
    }
}
