package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;

/**
 * PET in SUVbw from the tags of the PET Series, PET Isotope and Patient Study modules (PS3.3 C.8.9),
 * on a 3-slice series built with PixelMed: 4×3 pixels, slices at z = 0, 2, 4 mm written in reverse
 * file order, stored value 10000 everywhere except 0 at pixel (0, 0), Rescale Slope 0.5, 1.0 and 1.5
 * for the slices at z = 0, 2 and 4 (PET slopes differ per slice), F-18 half life 6586.2 s (109.77 min),
 * 370 MBq injected at 09:00:00, Series Time 10:00:00, patient weight 70 kg.
 */
class PetSuvTest {
    @TempDir
    Path tmp;

    interface Edit {
        void apply(AttributeList list, AttributeList drug) throws DicomException;
    }

    Path petSeries(Edit edit) {
        double[] slopes = {0.5, 1.0, 1.5};
        for (int k = 2; k >= 0; k--) {
            short[] stored = new short[12];
            Arrays.fill(stored, (short) 10000);
            stored[0] = 0;
            double slope = slopes[k];
            DicomFixtures.writeSlice(tmp.resolve("pet" + (2 - k) + ".dcm"), "PT", DicomFixtures.PET, "2.25.77", k + 1, 3, 4,
                    new double[] {-3, -2, 2 * k}, new double[] {1, 0, 0, 0, 1, 0}, new double[] {2, 2}, stored, false, list -> {
                        DicomBuilder.put(list, TagFromName.RescaleSlope, slope);
                        DicomBuilder.put(list, TagFromName.RescaleIntercept, 0.0);
                        DicomBuilder.put(list, TagFromName.Units, "BQML");
                        DicomBuilder.put(list, TagFromName.DecayCorrection, "START");
                        DicomBuilder.put(list, TagFromName.CorrectedImage, "ATTN", "DECY");
                        DicomBuilder.put(list, TagFromName.SeriesDate, "20240101");
                        DicomBuilder.put(list, TagFromName.SeriesTime, "100000");
                        DicomBuilder.put(list, TagFromName.AcquisitionDate, "20240101");
                        DicomBuilder.put(list, TagFromName.AcquisitionTime, "100000");
                        DicomBuilder.put(list, TagFromName.PatientWeight, 70.0);
                        AttributeList drug = new AttributeList();
                        DicomBuilder.put(drug, TagFromName.RadiopharmaceuticalStartTime, "090000");
                        DicomBuilder.put(drug, TagFromName.RadionuclideTotalDose, 370000000.0);
                        DicomBuilder.put(drug, TagFromName.RadionuclideHalfLife, 6586.2);
                        if (edit != null) edit.apply(list, drug);
                        DicomBuilder.sequence(list, TagFromName.RadiopharmaceuticalInformationSequence, drug);
                    });
        }
        return tmp;
    }

    static Volume read(Path dir, ImageReadOptions options) throws ImageReadException {
        return DicomSeriesReader.read(dir, options).volume();
    }

    /**
     * Decay Correction START: the values are decay-corrected to the Series Time, so the dose is decayed
     * to it. By hand: Δt = 10:00:00 − 09:00:00 = 3600 s; 3600 / 6586.2 = 0.546597; 2^−0.546597 = 0.684633;
     * D = 370 MBq × 0.684633 = 253.314 MBq; SUVbw = C × 70 000 g / 253.314e6 Bq = C × 2.763367e−4 ml/Bq.
     * Slice z = 0: C = 10000 × 0.5 = 5000 Bq/ml → 1.38168; z = 2: 10000 Bq/ml → 2.76337; z = 4: 15000 Bq/ml → 4.14505.
     */
    @Test
    void bqml_decay_corrected_to_start_becomes_suvbw() throws Exception {
        DicomSeries s = DicomSeriesReader.read(petSeries(null), ImageReadOptions.DEFAULT);
        assertThat(s.units()).isEqualTo("SUVbw");
        Volume v = s.volume();
        assertThat(v.get(1, 1, 0)).isCloseTo(1.38168f, within(2e-5f));
        assertThat(v.get(3, 2, 1)).isCloseTo(2.76337f, within(2e-5f));
        assertThat(v.get(2, 0, 2)).isCloseTo(4.14505f, within(2e-5f));
        assertThat(v.get(0, 0, 2)).isZero();
        assertThat(v.grid().origin()).containsExactly(-3, -2, 0);
        assertThat(v.grid().spacing()).containsExactly(2, 2, 2);
    }

    /** Radiopharmaceutical Start DateTime, when present, is used instead of the Start Time (same instant here: same SUV). */
    @Test
    void start_datetime_is_preferred_over_start_time() throws Exception {
        Volume v = read(petSeries((list, drug) -> {
            DicomBuilder.put(drug, TagFromName.RadiopharmaceuticalStartTime, "080000"); // would give 7200 s
            DicomBuilder.put(drug, TagFromName.RadiopharmaceuticalStartDateTime, "20240101090000.000000");
        }), ImageReadOptions.DEFAULT);
        assertThat(v.get(1, 1, 0)).isCloseTo(1.38168f, within(2e-5f));
    }

    /** Decay Correction ADMIN: values already corrected to injection, D = 370 MBq: 5000 × 70 000 / 370e6 = 0.945946. */
    @Test
    void bqml_decay_corrected_to_administration_uses_the_injected_dose() throws Exception {
        Volume v = read(petSeries((list, drug) -> DicomBuilder.put(list, TagFromName.DecayCorrection, "ADMIN")), ImageReadOptions.DEFAULT);
        assertThat(v.get(1, 1, 0)).isCloseTo(0.945946f, within(2e-6f));
    }

    /** Units GML already are SUVbw: the rescaled values, 5000, 10000, 15000, are kept (never converted twice). */
    @Test
    void values_already_in_suv_are_not_converted_again() throws Exception {
        DicomSeries s = DicomSeriesReader.read(petSeries((list, drug) -> DicomBuilder.put(list, TagFromName.Units, "GML")),
                ImageReadOptions.DEFAULT);
        assertThat(s.units()).isEqualTo("SUVbw");
        assertThat(s.volume().get(1, 1, 0)).isEqualTo(5000f);
        assertThat(s.volume().get(1, 1, 2)).isEqualTo(15000f);
    }

    /** The raw option gives Bq/ml: stored × slope, per slice. */
    @Test
    void raw_option_reads_bq_per_ml() throws Exception {
        DicomSeries s = DicomSeriesReader.read(petSeries(null), ImageReadOptions.DEFAULT.withPetUnits(ImageReadOptions.PetUnits.RAW));
        assertThat(s.units()).isEqualTo("BQML");
        assertThat(s.volume().get(1, 1, 0)).isEqualTo(5000f);
        assertThat(s.volume().get(1, 1, 1)).isEqualTo(10000f);
        assertThat(s.volume().get(1, 1, 2)).isEqualTo(15000f);
    }

    @Test
    void missing_weight_is_an_error_naming_the_tag() {
        Path dir = petSeries((list, drug) -> list.remove(TagFromName.PatientWeight));
        assertThatThrownBy(() -> read(dir, ImageReadOptions.DEFAULT)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("pet").hasMessageContaining("Patient's Weight (0010,1030)").hasMessageContaining("--pet-units raw");
    }

    @Test
    void missing_half_life_is_an_error_naming_the_tag() {
        Path dir = petSeries((list, drug) -> drug.remove(TagFromName.RadionuclideHalfLife));
        assertThatThrownBy(() -> read(dir, ImageReadOptions.DEFAULT)).hasMessageContaining("Radionuclide Half Life (0018,1075)");
    }

    @Test
    void counts_and_uncorrected_values_are_refused() {
        Path counts = petSeries((list, drug) -> DicomBuilder.put(list, TagFromName.Units, "CNTS"));
        assertThatThrownBy(() -> read(counts, ImageReadOptions.DEFAULT)).hasMessageContaining("CNTS");
    }

    @Test
    void no_decay_correction_is_refused() {
        Path none = petSeries((list, drug) -> DicomBuilder.put(list, TagFromName.DecayCorrection, "NONE"));
        assertThatThrownBy(() -> read(none, ImageReadOptions.DEFAULT)).hasMessageContaining("Decay Correction (0054,1102) 'NONE'");
    }
}
