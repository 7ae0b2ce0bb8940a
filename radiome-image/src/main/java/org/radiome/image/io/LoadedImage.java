package org.radiome.image.io;

import java.nio.file.Path;
import java.util.Objects;

import org.radiome.image.Volume;

/**
 * An image as read from its source, with what a segmentation needs to be placed on it.
 *
 * @param source              the file or folder it was read from
 * @param volume              the voxels and grid
 * @param frameOfReferenceUid the DICOM Frame of Reference UID, or null for formats without one (NIfTI, NRRD)
 * @param seriesInstanceUid   the DICOM Series Instance UID, or null for formats without one
 */
public record LoadedImage(Path source, Volume volume, String frameOfReferenceUid, String seriesInstanceUid) {
    public LoadedImage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(volume, "volume");
    }
}
