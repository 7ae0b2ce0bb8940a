package org.radiome.image.io;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options for reading an image: which DICOM series to take when a folder holds several, whether PET
 * images are converted to SUVbw, and where warnings (such as skipped non-DICOM files) go.
 * Formats that have no series or units (NIfTI, NRRD) ignore the DICOM options.
 *
 * @param seriesInstanceUid the Series Instance UID to read from a folder, or null to require a single series
 * @param petUnits          {@link PetUnits#SUV_BW} (default) or {@link PetUnits#RAW}
 * @param warnings          receives one line per warning; never null
 */
public record ImageReadOptions(String seriesInstanceUid, PetUnits petUnits, Consumer<String> warnings) {
    /** What PET voxel values become. */
    public enum PetUnits {
        /** Standardised uptake value normalised by body weight (g/ml), computed from the DICOM tags. */
        SUV_BW,
        /** The stored values after Rescale Slope/Intercept, in the series' Units (usually Bq/ml). */
        RAW
    }

    /** A single series expected, PET in SUVbw, warnings to the platform logger. */
    public static final ImageReadOptions DEFAULT = new ImageReadOptions(null, PetUnits.SUV_BW,
            w -> System.getLogger("org.radiome.image").log(System.Logger.Level.WARNING, w));

    public ImageReadOptions {
        Objects.requireNonNull(petUnits, "petUnits");
        Objects.requireNonNull(warnings, "warnings");
        if (seriesInstanceUid != null && seriesInstanceUid.isBlank()) seriesInstanceUid = null;
        if (seriesInstanceUid != null) seriesInstanceUid = seriesInstanceUid.trim();
    }

    public ImageReadOptions withSeries(String uid) { return new ImageReadOptions(uid, petUnits, warnings); }

    public ImageReadOptions withPetUnits(PetUnits units) { return new ImageReadOptions(seriesInstanceUid, units, warnings); }

    public ImageReadOptions withWarnings(Consumer<String> sink) { return new ImageReadOptions(seriesInstanceUid, petUnits, sink); }
}
