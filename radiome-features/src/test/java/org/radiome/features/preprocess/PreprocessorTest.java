package org.radiome.features.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

class PreprocessorTest {
    static final Grid GRID = Grid.of(4, 1, 1, 3, 1, 1);

    static Volume image() { return new Volume(GRID, new float[] {0.4f, 11.6f, 20.4f, 31.5f}); }

    static Mask roi() { return new Mask(GRID, new boolean[] {false, true, true, false}); }

    @Test
    void without_processing_image_and_masks_pass_through() {
        Preprocessor.Result r = Preprocessor.run(image(), roi(), PreprocessingSettings.none());
        Volume in = image();
        assertThat(Preprocessor.run(in, roi(), PreprocessingSettings.none()).image()).isSameAs(in);
        assertThat(r.morphologicalMask().inside()).containsExactly(false, true, true, false);
        assertThat(r.intensityMask()).isSameAs(r.morphologicalMask());
        assertThat(r.diagnostics().size()).isZero();
    }

    @Test
    void rounding_interpolation_and_resegmentation_run_in_order_with_diagnostics() {
        var settings = new PreprocessingSettings(true,
                new InterpolationSettings(2.0, null, null, Interpolator.LINEAR, Interpolator.LINEAR, 0.5),
                new ResegmentationSettings(null, 20.0, null), true);
        Preprocessor.Result r = Preprocessor.run(image(), roi(), settings);
        // input rounded (ties to even): 0, 12, 20, 32; at -1/6, 1/2, 7/6, 11/6, 5/2, 19/6: 0, 6, 13.33, 18.67, 26, 32,
        // rounded: 0, 6, 13, 19, 26, 32
        assertThat(ResamplerTest.toDouble(r.image().voxels())).containsExactly(0, 6, 13, 19, 26, 32);
        assertThat(r.morphologicalMask().inside()).containsExactly(false, true, true, true, true, false);
        assertThat(r.intensityMask().inside()).containsExactly(false, true, true, true, false, false);
        var d = r.diagnostics();
        assertThat(d.size()).isEqualTo(60);
        assertThat(d.get("img_dim_x_init_img")).isEqualTo(4);
        assertThat(d.get("mean_int_init_img")).isEqualTo(16);
        assertThat(d.get("max_int_init_img")).isEqualTo(32);
        assertThat(d.get("img_dim_x_interp_img")).isEqualTo(6);
        assertThat(d.get("vox_dim_x_interp_img")).isEqualTo(2);
        assertThat(d.get("int_mask_vox_count_init_roi")).isEqualTo(2);
        assertThat(d.get("int_mask_mean_int_init_roi")).isEqualTo(16);
        assertThat(d.get("morph_mask_vox_count_interp_roi")).isEqualTo(4);
        assertThat(d.get("int_mask_bb_dim_x_interp_roi")).isEqualTo(4);
        assertThat(d.get("int_mask_vox_count_reseg_roi")).isEqualTo(3);
        assertThat(d.get("morph_mask_vox_count_reseg_roi")).isEqualTo(4);
        assertThat(d.get("int_mask_bb_dim_x_reseg_roi")).isEqualTo(3);
        assertThat(d.get("morph_mask_bb_dim_x_reseg_roi")).isEqualTo(4);
        assertThat(d.get("int_mask_max_int_reseg_roi")).isEqualTo(19);
        assertThat(d.get("int_mask_dim_y_reseg_roi")).isEqualTo(1);
        assertThat(r.roi().intensityMask()).containsExactly(true, true, true, false);
    }

    @Test
    void an_empty_intensity_mask_is_a_clear_error() {
        var settings = new PreprocessingSettings(false, null, new ResegmentationSettings(100.0, 200.0, null), false);
        Preprocessor.Result r = Preprocessor.run(image(), roi(), settings);
        assertThatThrownBy(r::roi).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void mask_on_another_grid_is_rejected() {
        Mask other = new Mask(Grid.of(4, 1, 1, 2, 1, 1), new boolean[] {true, true, true, true});
        assertThatThrownBy(() -> Preprocessor.run(image(), other, PreprocessingSettings.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid");
    }
}
