package org.radiome.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.pyradiomics.FeatureClass;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;

/** The PyRadiomics parameter-file reader: the bundled parameter files, PyRadiomics's defaults, and key validation. */
class PyRadiomicsParamsReaderTest {
    @TempDir
    Path tmp;

    static Stream<Path> bundledParams() throws IOException {
        try (Stream<Path> files = Files.list(SettingsReaderTest.root().resolve("data/pyradiomics/params"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledParams")
    void every_bundled_parameter_file_is_valid(Path file) throws SettingsException {
        assertThat(PyRadiomicsParamsReader.read(file).enabledFeatures()).isNotEmpty();
    }

    @Test
    void settings_of_the_plain_baseline() throws SettingsException {
        PyRadiomicsSettings s = PyRadiomicsParamsReader.read(SettingsReaderTest.root().resolve("data/pyradiomics/params/baseline_original.yaml"));
        assertThat(s.enabledFeatures().keySet()).containsExactly(FeatureClass.FIRSTORDER, FeatureClass.SHAPE, FeatureClass.GLCM,
                FeatureClass.GLRLM, FeatureClass.GLSZM, FeatureClass.GLDM, FeatureClass.NGTDM);
        assertThat(s.voxelArrayShift()).isEqualTo(2000);
        assertThat(s.binWidth()).isEqualTo(25);
        assertThat(s.binCount()).isNull();
        assertThat(s.minimumRoiDimensions()).isEqualTo(1);
        assertThat(s.interpolator()).isNull();
        assertThat(s.resamples()).isFalse();
    }

    @Test
    void absent_keys_take_pyradiomics_defaults() throws Exception {
        PyRadiomicsSettings s = read("featureClass:\n  glcm:\n");
        assertThat(s.binWidth()).isEqualTo(25);
        assertThat(s.label()).isEqualTo(1);
        assertThat(s.distances()).containsExactly(1);
        assertThat(s.symmetricalGlcm()).isTrue();
        assertThat(s.minimumRoiDimensions()).isEqualTo(2);
        assertThat(s.padDistance()).isEqualTo(5);
        assertThat(s.interpolator()).isEqualTo(PyRadiomicsSettings.Interpolator.BSPLINE);
        assertThat(s.weightingNorm()).isNull();
        assertThat(s.outputFeatures(FeatureClass.GLCM)).hasSize(24);
    }

    @Test
    void image_type_settings_override_the_general_ones() throws Exception {
        assertThat(read("imageType:\n  Original: {binWidth: 10}\nsetting:\n  binWidth: 5\n").binWidth()).isEqualTo(10);
    }

    @Test
    void a_feature_list_enables_only_those_features() throws Exception {
        PyRadiomicsSettings s = read("featureClass:\n  firstorder: [Mean, StandardDeviation]\n");
        assertThat(s.outputFeatures(FeatureClass.FIRSTORDER)).containsExactly("Mean", "StandardDeviation");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "setting:\\n  binWidht: 25|setting.binWidht: unknown key",
        "setting:\\n  binWidth: -1|setting.binWidth: must be > 0",
        "setting:\\n  force2D: yes please|setting.force2D: expected true or false",
        "setting:\\n  distances: [0]|setting.distances: must be >= 1",
        "setting:\\n  force2Ddimension: 3|setting.force2Ddimension: must be from 0 to 2",
        "setting:\\n  weightingNorm: chebyshev|unknown weightingNorm 'chebyshev'",
        "setting:\\n  interpolator: sitkGaussian|setting.interpolator: 'sitkGaussian' is not supported",
        "featureClass:\\n  glcmm:|featureClass.glcmm: unknown feature class",
        "featureClass:\\n  glcm: [Contrast, Kontrast]|featureClass.glcm: unknown feature 'Kontrast'",
        "imageType:\\n  LoG: {sigma: [1.0]}|imageType.LoG: only the Original image type is supported",
        "voxelSetting:\\n  kernelRadius: 2|voxelSetting: voxel-based extraction is not supported",
        "settings:\\n  binWidth: 25|settings: unknown key",
    })
    void bad_values_are_errors_naming_the_key(String yaml, String message) throws IOException {
        Path file = tmp.resolve("params.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> PyRadiomicsParamsReader.read(file)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }

    private PyRadiomicsSettings read(String yaml) throws IOException, SettingsException {
        Path file = tmp.resolve("p.yaml");
        Files.writeString(file, yaml);
        return PyRadiomicsParamsReader.read(file);
    }

    @Test
    void feature_classes_default_to_all() throws Exception {
        assertThat(read("setting:\n  binWidth: 25\n").enabledFeatures().keySet()).containsExactlyInAnyOrder(FeatureClass.values());
        assertThat(List.of(FeatureClass.values())).hasSize(8);
    }
}
