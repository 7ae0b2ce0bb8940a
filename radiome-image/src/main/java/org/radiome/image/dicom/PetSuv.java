package org.radiome.image.dicom;

import java.util.List;
import java.util.Locale;

import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;

/**
 * Converts PET activity concentration to the body-weight standardised uptake value
 * SUVbw = C · W / D(t), with C in Bq/ml, W the Patient's Weight in g and D(t) the injected activity
 * decayed to the time the image values are decay-corrected to (PS3.3 C.8.9.1, PET Series and PET Isotope
 * Modules; QIBA/UPICT "SUV calculation" vendor-neutral rules):
 * <ul>
 *   <li>Units (0054,1001) {@code GML}: the values already are SUVbw; they are used as they are (never converted twice).</li>
 *   <li>Units {@code BQML} and Decay Correction (0054,1102) {@code ADMIN}: values are corrected to the
 *       administration time, so D = Radionuclide Total Dose (0018,1074).</li>
 *   <li>Units {@code BQML} and Decay Correction {@code START}: values are corrected to the series'
 *       reference time, the Decay Correction DateTime (0018,9701) if present, else Series Date/Time
 *       (0008,0021/0031), which C.8.9.1.1 names as the reference for all activity measurements; D =
 *       dose · 2^(−Δt / Radionuclide Half Life (0018,1075)), Δt from the Radiopharmaceutical Start DateTime
 *       (0018,1078), else Radiopharmaceutical Start Time (0018,1072) on the Series Date.</li>
 *   <li>Decay Correction {@code NONE}, other Units (counts), or a missing needed tag: an error naming
 *       the tag; {@link ImageReadOptions.PetUnits#RAW} reads the values as stored instead.</li>
 * </ul>
 */
final class PetSuv {
    private PetSuv() {}

    static final AttributeTag DECAY_CORRECTION_DATE_TIME = new AttributeTag(0x0018, 0x9701);

    /** The factor applied to rescaled values, and the resulting units. */
    record Conversion(double factor, String units) {}

    static Conversion conversion(DicomObject first, List<DicomObject> headers, ImageReadOptions options) throws ImageReadException {
        String units = first.string(TagFromName.Units);
        if (options.petUnits() == ImageReadOptions.PetUnits.RAW) return new Conversion(1, units == null ? "" : units);
        if (units == null) {
            throw first.error("PET image without Units (0054,1001): cannot tell what the values are; "
                    + "read them as stored with --pet-units raw");
        }
        switch (units.toUpperCase(Locale.ROOT)) {
            case "GML":
                return new Conversion(1, "SUVbw");
            case "BQML":
                return new Conversion(bqmlToSuvbw(first), "SUVbw");
            default:
                throw first.error("PET Units (0054,1001) '" + units + "' cannot be converted to SUVbw (only BQML, or GML which "
                        + "already is SUVbw); read the values as stored with --pet-units raw");
        }
    }

    private static double bqmlToSuvbw(DicomObject first) throws ImageReadException {
        String hint = " (needed for SUVbw; --pet-units raw reads Bq/ml instead)";
        double weightKg = first.doubleOr(TagFromName.PatientWeight, "Patient's Weight", Double.NaN);
        if (!(weightKg > 0)) throw first.error("missing or zero Patient's Weight (0010,1030)" + hint);
        DicomObject drug = first.item(TagFromName.RadiopharmaceuticalInformationSequence);
        if (drug == null) throw first.error("missing Radiopharmaceutical Information Sequence (0054,0016)" + hint);
        double dose = drug.doubleOr(TagFromName.RadionuclideTotalDose, "Radionuclide Total Dose", Double.NaN);
        if (!(dose > 0)) throw first.error("missing or zero Radionuclide Total Dose (0018,1074)" + hint);

        String decay = first.string(TagFromName.DecayCorrection);
        if (decay == null) throw first.error("missing Decay Correction (0054,1102)" + hint);
        double decayedDose;
        switch (decay.toUpperCase(Locale.ROOT)) {
            case "ADMIN":
                decayedDose = dose;
                break;
            case "START":
                double halfLife = drug.doubleOr(TagFromName.RadionuclideHalfLife, "Radionuclide Half Life", Double.NaN);
                if (!(halfLife > 0)) throw first.error("missing or zero Radionuclide Half Life (0018,1075)" + hint);
                double reference = referenceTime(first, hint);
                double injection = injectionTime(first, drug, hint);
                double elapsed = reference - injection;
                if (elapsed < 0) {
                    throw first.error("the radiopharmaceutical start time is after the series' reference time (Series Date/Time)");
                }
                decayedDose = dose * Math.pow(2, -elapsed / halfLife);
                break;
            default:
                throw first.error("PET Decay Correction (0054,1102) '" + decay + "' is not supported for SUVbw "
                        + "(START and ADMIN are); read the values as stored with --pet-units raw");
        }
        return weightKg * 1000.0 / decayedDose;
    }

    private static double referenceTime(DicomObject first, String hint) throws ImageReadException {
        double t = DicomTime.seconds(first.string(DECAY_CORRECTION_DATE_TIME));
        if (!Double.isNaN(t)) return t;
        t = DicomTime.seconds(first.string(TagFromName.SeriesDate), first.string(TagFromName.SeriesTime));
        if (Double.isNaN(t)) throw first.error("missing or malformed Series Date (0008,0021) / Series Time (0008,0031)" + hint);
        return t;
    }

    private static double injectionTime(DicomObject first, DicomObject drug, String hint) throws ImageReadException {
        double t = DicomTime.seconds(drug.string(TagFromName.RadiopharmaceuticalStartDateTime));
        if (!Double.isNaN(t)) return t;
        t = DicomTime.seconds(first.string(TagFromName.SeriesDate), drug.string(TagFromName.RadiopharmaceuticalStartTime));
        if (Double.isNaN(t)) {
            throw first.error("missing Radiopharmaceutical Start DateTime (0018,1078) and Start Time (0018,1072)" + hint);
        }
        return t;
    }
}
