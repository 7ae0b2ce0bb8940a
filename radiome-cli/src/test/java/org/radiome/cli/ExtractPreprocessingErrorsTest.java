package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preprocessing that leaves nothing to compute, or bad preprocessing settings, end in one clear line. */
class ExtractPreprocessingErrorsTest {
    @TempDir
    Path tmp;

    CliRun extract(String settings) throws IOException {
        Path s = Files.writeString(tmp.resolve("s.yaml"), settings);
        return CliRun.of("extract",
                "--image", CliRun.path("data/ibsi-1/digital-phantom/nifti/image/phantom.nii.gz"),
                "--mask", CliRun.path("data/ibsi-1/digital-phantom/nifti/mask/mask.nii.gz"),
                "--settings", s.toString(), "--out", tmp.resolve("out.csv").toString());
    }

    @Test
    void a_resegmentation_range_that_keeps_no_voxel_is_a_one_line_error() throws IOException {
        // the phantom's ROI intensities are 1 to 6
        CliRun run = extract("discretisation: {method: none}\nresegmentation: {range: [100, 200]}\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("case phantom").contains("ROI").contains("empty");
        assertThat(tmp.resolve("out.csv")).doesNotExist();
    }

    @Test
    void an_unknown_interpolation_key_is_a_one_line_error_naming_it() throws IOException {
        CliRun run = extract("discretisation: {method: none}\ninterpolation: {spacing: [1, 1, 1], image: linear, order: 3}\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("interpolation.order: unknown key");
    }

    @Test
    void resampled_phantom_is_extracted_with_diagnostics() throws IOException {
        // 5 x 4 x 4 voxels of 2 mm resampled to 4 mm: ceil(5 * 2 / 4) = 3, ceil(4 * 2 / 4) = 2 (IBSI grid rule)
        CliRun run = extract("families: [stat]\ndiagnostics: true\ndiscretisation: {method: none}\n"
                + "interpolation: {spacing: [4, 4, 4], image: nearest, mask: nearest}\n");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = Files.readAllLines(tmp.resolve("out.csv"));
        var header = java.util.List.of(lines.get(0).split(","));
        var values = lines.get(1).split(",");
        assertThat(values[header.indexOf("img_dim_x_interp_img")]).isEqualTo("3");
        assertThat(values[header.indexOf("img_dim_y_interp_img")]).isEqualTo("2");
        assertThat(values[header.indexOf("img_dim_z_interp_img")]).isEqualTo("2");
        assertThat(values[header.indexOf("vox_dim_x_interp_img")]).isEqualTo("4");
        assertThat(values[header.indexOf("int_mask_vox_count_init_roi")]).isEqualTo("74");
        assertThat(header).contains("stat_mean");
        assertThat(header.indexOf("img_dim_x_init_img")).isLessThan(header.indexOf("stat_mean"));
    }
}
