package org.radiome.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.ExtractionSettings;
import org.radiome.features.Family;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.ivh.IvhSettings;
import org.radiome.features.texture.TextureDimension;

class SettingsReaderTest {
    @TempDir
    Path tmp;

    static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("settings"))) p = p.getParent();
        return p;
    }

    static Stream<Path> shippedSettings() throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve("settings"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedSettings")
    void every_shipped_settings_file_is_valid(Path file) throws SettingsException {
        assertThat(SettingsReader.read(file).families()).isNotEmpty();
    }

    @Test
    void digital_phantom_settings_are_the_ibsi_reference_configuration() throws SettingsException {
        ExtractionSettings s = SettingsReader.read(root().resolve("settings/ibsi/digital-phantom.yaml"));
        assertThat(s.families()).containsExactly(Family.values());
        assertThat(s.discretisation().method()).isEqualTo(DiscretisationSettings.Method.NONE);
        assertThat(s.ivh()).isEqualTo(IvhSettings.discrete(1.0, 6.0));
        assertThat(s.glcm().distance()).isEqualTo(1);
        assertThat(s.glcm().symmetric()).isTrue();
        assertThat(s.glcm().dimensions()).containsExactly(TextureDimension.values());
        assertThat(s.ngldm().coarseness()).isZero();
    }

    Path yaml(String text) throws IOException {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void unknown_keys_are_errors_naming_the_key() throws IOException {
        Path f = yaml("discretisation:\n  method: none\n  bin_widht: 3\n");
        assertThatThrownBy(() -> SettingsReader.read(f)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("s.yaml").hasMessageContaining("discretisation.bin_widht: unknown key");
        Path g = yaml("discretisation:\n  method: none\nfamilies: [morph]\ncolour: blue\n");
        assertThatThrownBy(() -> SettingsReader.read(g)).hasMessageContaining("colour: unknown key");
    }

    @Test
    void out_of_range_values_are_errors_naming_the_key() throws IOException {
        Path a = yaml("discretisation:\n  method: fixed_bin_size\n  bin_width: -2\n");
        assertThatThrownBy(() -> SettingsReader.read(a)).hasMessageContaining("discretisation.bin_width: must be > 0");
        Path b = yaml("discretisation:\n  method: none\ntexture:\n  ngldm: {distance: 0}\n");
        assertThatThrownBy(() -> SettingsReader.read(b)).hasMessageContaining("texture.ngldm.distance: must be >= 1");
        Path c = yaml("discretisation:\n  method: none\ntexture:\n  dimensions: [4D]\n");
        assertThatThrownBy(() -> SettingsReader.read(c)).hasMessageContaining("texture.dimensions").hasMessageContaining("4D");
        Path d = yaml("discretisation:\n  method: sometimes\n");
        assertThatThrownBy(() -> SettingsReader.read(d)).hasMessageContaining("discretisation.method: 'sometimes' is not one of");
        Path e = yaml("discretisation:\n  method: none\nfamilies: [morph, glcm]\n");
        assertThatThrownBy(() -> SettingsReader.read(e)).hasMessageContaining("families").hasMessageContaining("glcm");
        Path f = yaml("discretisation:\n  method: fixed_bin_number\n  bin_count: 2.5\n");
        assertThatThrownBy(() -> SettingsReader.read(f)).hasMessageContaining("discretisation.bin_count: expected an integer");
    }

    @Test
    void missing_file_and_bad_yaml_are_clear_errors() throws IOException {
        assertThatThrownBy(() -> SettingsReader.read(tmp.resolve("none.yaml"))).hasMessageContaining("none.yaml: settings file not found");
        Path f = yaml("discretisation: [unclosed\n");
        assertThatThrownBy(() -> SettingsReader.read(f)).hasMessageContaining("not valid YAML");
    }

    @Test
    void defaults_are_3d_texture_and_all_families() throws Exception {
        ExtractionSettings s = SettingsReader.read(yaml("discretisation:\n  method: fixed_bin_number\n  bin_count: 16\n"));
        assertThat(s.families()).containsExactly(Family.values());
        assertThat(s.glcm().dimensions()).containsExactly(TextureDimension.THREE_D);
        assertThat(s.discretisation().binCount()).isEqualTo(16);
    }
}
