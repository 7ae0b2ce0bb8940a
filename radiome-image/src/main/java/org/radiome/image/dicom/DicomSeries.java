package org.radiome.image.dicom;

import java.nio.file.Path;
import java.util.Objects;

import org.radiome.image.Volume;

/**
 * A DICOM image series read into a {@link Volume}.
 *
 * @param source              the folder or file it was read from
 * @param volume              rescaled voxel values (Hounsfield units for CT, SUVbw or the stored units for PET)
 * @param seriesInstanceUid   (0020,000E)
 * @param frameOfReferenceUid (0020,0052), or null if the files have none
 * @param modality            (0008,0060), e.g. CT, MR, PT
 * @param units               what the voxel values are: "HU" for CT, "SUVbw" or the PET Units tag, "" when unknown
 * @param sliceCount          number of image planes (files or frames) stacked
 */
public record DicomSeries(Path source, Volume volume, String seriesInstanceUid, String frameOfReferenceUid,
                          String modality, String units, int sliceCount) {
    public DicomSeries {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(units, "units");
    }
}
