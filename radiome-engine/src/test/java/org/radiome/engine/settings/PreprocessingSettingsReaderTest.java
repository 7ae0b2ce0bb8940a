package org.radiome.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.features.ExtractionSettings;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.ivh.IvhSettings;
import org.radiome.features.preprocess.InterpolationSettings;
import org.radiome.features.preprocess.Interpolator;
import org.radiome.features.preprocess.PreprocessingSettings;
import org.radiome.features.preprocess.ResegmentationSettings;
import org.radiome.features.texture.TextureDimension;

/** The {@code interpolation} and {@code resegmentation} sections, checked against the IBSI 1 configuration tables. */
class PreprocessingSettingsReaderTest {
    @TempDir
    Path tmp;

    static ExtractionSettings config(String x) throws SettingsException {
        return SettingsReader.read(SettingsReaderTest.root().resolve("settings/ibsi/config-" + x + ".yaml"));
    }

    Path yaml(String text) throws IOException {
        Path f = tmp.resolve("p.yaml");
        Files.writeString(f, "discretisation:\n  method: fixed_bin_number\n  bin_count: 8\n" + text);
        return f;
    }

    @Test
    void configuration_a_has_no_interpolation_and_a_range() throws SettingsException {
        ExtractionSettings a = config("A");
        PreprocessingSettings p = a.preprocessing();
        assertThat(p.interpolation()).isNull();
        assertThat(p.roundIntensities()).isTrue();
        assertThat(p.diagnostics()).isTrue();
        assertThat(p.resegmentation()).isEqualTo(new ResegmentationSettings(-500.0, 400.0, null));
        assertThat(a.discretisation()).isEqualTo(DiscretisationSettings.fixedBinSize(25, -500.0));
        assertThat(a.ivh()).isEqualTo(IvhSettings.discrete(-500.0, 400.0));
        assertThat(a.glcm().dimensions()).containsExactlyInAnyOrder(TextureDimension.TWO_D, TextureDimension.TWO_AND_A_HALF_D);
    }

    @Test
    void configurations_b_to_e_follow_the_ibsi_tables() throws SettingsException {
        InterpolationSettings b = config("B").preprocessing().interpolation();
        assertThat(b).isEqualTo(new InterpolationSettings(2.0, 2.0, null, Interpolator.LINEAR, Interpolator.LINEAR, 0.5));
        assertThat(config("B").discretisation()).isEqualTo(DiscretisationSettings.fixedBinNumber(32));

        InterpolationSettings trilinear = new InterpolationSettings(2.0, 2.0, 2.0, Interpolator.LINEAR, Interpolator.LINEAR, 0.5);
        assertThat(config("C").preprocessing().interpolation()).isEqualTo(trilinear);
        assertThat(config("C").preprocessing().resegmentation()).isEqualTo(new ResegmentationSettings(-1000.0, 400.0, null));
        assertThat(config("C").ivh()).isEqualTo(new IvhSettings(IvhSettings.Method.FIXED_BIN_SIZE, 2.5, 0, -1000.0, 400.0));

        assertThat(config("D").preprocessing().interpolation()).isEqualTo(trilinear);
        assertThat(config("D").preprocessing().resegmentation()).isEqualTo(new ResegmentationSettings(null, null, 3.0));
        assertThat(config("D").ivh()).isEqualTo(IvhSettings.discrete(null, null));

        ExtractionSettings e = config("E");
        assertThat(e.preprocessing().interpolation())
                .isEqualTo(new InterpolationSettings(2.0, 2.0, 2.0, Interpolator.CUBIC_SPLINE, Interpolator.LINEAR, 0.5));
        assertThat(e.preprocessing().resegmentation()).isEqualTo(new ResegmentationSettings(-1000.0, 400.0, 3.0));
        assertThat(e.ivh().method()).isEqualTo(IvhSettings.Method.FIXED_BIN_NUMBER);
        assertThat(e.ivh().binCount()).isEqualTo(1000);
        assertThat(e.glcm().dimensions()).containsExactly(TextureDimension.THREE_D);
    }

    @Test
    void without_the_sections_nothing_is_preprocessed() throws Exception {
        assertThat(SettingsReader.read(yaml("")).preprocessing()).isEqualTo(PreprocessingSettings.none());
        assertThat(SettingsReader.read(SettingsReaderTest.root().resolve("settings/native.yaml")).preprocessing())
                .isEqualTo(PreprocessingSettings.none());
    }

    @Test
    void the_resegmentation_range_propagates_to_fixed_bin_size_and_ivh() throws Exception {
        // IBSI: a re-segmentation range is used by fixed bin size discretisation (X_min) and the IVH (range G)
        Path q = Files.writeString(tmp.resolve("q.yaml"),
                "discretisation:\n  method: fixed_bin_size\n  bin_width: 25\nresegmentation:\n  range: [-1000, null]\n");
        ExtractionSettings s = SettingsReader.read(q);
        assertThat(s.discretisation().lowerBound()).isEqualTo(-1000.0);
        assertThat(s.ivh()).isEqualTo(IvhSettings.discrete(-1000.0, null));
        assertThat(s.preprocessing().resegmentation()).isEqualTo(new ResegmentationSettings(-1000.0, null, null));
    }

    @Test
    void bad_preprocessing_settings_are_errors_naming_the_key() throws IOException {
        Path a = yaml("interpolation:\n  spacing: [2, 2, 2]\n  image: linear\n  colour: blue\n");
        assertThatThrownBy(() -> SettingsReader.read(a)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("p.yaml").hasMessageContaining("interpolation.colour: unknown key");
        Path b = yaml("interpolation:\n  spacing: [2, 2]\n  image: linear\n");
        assertThatThrownBy(() -> SettingsReader.read(b)).hasMessageContaining("interpolation.spacing: expected [x, y, z]");
        Path c = yaml("interpolation:\n  spacing: [2, -1, 2]\n  image: linear\n");
        assertThatThrownBy(() -> SettingsReader.read(c)).hasMessageContaining("interpolation.spacing: spacing must be > 0");
        Path d = yaml("interpolation:\n  spacing: [2, 2, 2]\n  image: sinc\n");
        assertThatThrownBy(() -> SettingsReader.read(d)).hasMessageContaining("interpolation.image: 'sinc' is not one of");
        Path e = yaml("interpolation:\n  spacing: [2, 2, 2]\n  image: linear\n  mask: cubic_spline\n");
        assertThatThrownBy(() -> SettingsReader.read(e)).hasMessageContaining("interpolation.mask: must be nearest or linear");
        Path f = yaml("interpolation:\n  spacing: [2, 2, 2]\n  image: linear\n  partial_volume_threshold: 1.5\n");
        assertThatThrownBy(() -> SettingsReader.read(f)).hasMessageContaining("interpolation.partial_volume_threshold: must lie in (0, 1]");
        Path g = yaml("interpolation:\n  spacing: [2, 2, 2]\n");
        assertThatThrownBy(() -> SettingsReader.read(g)).hasMessageContaining("interpolation.image: missing");
        Path h = yaml("resegmentation:\n  range: [400, -500]\n");
        assertThatThrownBy(() -> SettingsReader.read(h)).hasMessageContaining("resegmentation.range: min must not exceed max");
        Path i = yaml("resegmentation:\n  outlier_sigma: 0\n");
        assertThatThrownBy(() -> SettingsReader.read(i)).hasMessageContaining("resegmentation.outlier_sigma: must be > 0");
        Path j = yaml("resegmentation:\n  sigma: 3\n");
        assertThatThrownBy(() -> SettingsReader.read(j)).hasMessageContaining("resegmentation.sigma: unknown key");
        Path k = yaml("round_intensities: yes please\n");
        assertThatThrownBy(() -> SettingsReader.read(k)).hasMessageContaining("round_intensities: expected true or false");
        Path l = yaml("interpolation:\n  spacing: [null, null, null]\n  image: linear\n");
        assertThatThrownBy(() -> SettingsReader.read(l)).hasMessageContaining("interpolation.spacing: sets no axis");
    }
}
