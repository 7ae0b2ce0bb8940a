package org.radiome.features.glrlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

class GlrlmTest {
    @Test
    void single_voxel_roi_has_one_run_of_length_one_per_direction() {
        // Every direction matrix holds r_11 = 1 with N_v = 1; merged matrices hold 4 (2D) or 13 (3D) runs
        // over as many summed voxels. So SRE = LRE = 1 and run percentage = 1 in every aggregation.
        GreyLevels single = new GreyLevels(1, 1, 1, new int[] {1}, 1);
        FeatureSet f = Glrlm.compute(single, new GlrlmSettings(EnumSet.allOf(TextureDimension.class)));
        assertThat(f.size()).isEqualTo(6 * Glrlm.Feature.values().length);
        for (String suffix : new String[] {"_2D_avg", "_2D_comb", "_2_5D_avg", "_2_5D_comb", "_3D_avg", "_3D_comb"}) {
            assertThat(f.get("rlm_sre" + suffix)).as(suffix).isCloseTo(1.0, within(1e-12));
            assertThat(f.get("rlm_lre" + suffix)).as(suffix).isCloseTo(1.0, within(1e-12));
            assertThat(f.get("rlm_r_perc" + suffix)).as(suffix).isCloseTo(1.0, within(1e-12));
            assertThat(f.get("rlm_rl_entr" + suffix)).as(suffix).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void slices_without_roi_voxels_are_left_out_of_2d_averages() {
        // z=0: 1 1 (one run of length 2 along x), z=1: empty, z=2: 1 0. 2D averaged over the non-empty
        // slices only. Along x: slice 0 LRE 4, slice 2 LRE 1; along y and the diagonals every voxel is its
        // own run (LRE 1). Mean over 2 slices × 4 directions: (4 + 1 + 1 + 1 + 1 + 1 + 1 + 1) / 8 = 11/8.
        GreyLevels g = new GreyLevels(2, 1, 3, new int[] {1, 1, 0, 0, 1, 0}, 1);
        FeatureSet f = Glrlm.compute(g, new GlrlmSettings(EnumSet.of(TextureDimension.TWO_D)));
        assertThat(f.get("rlm_lre_2D_avg")).isCloseTo(11.0 / 8, within(1e-12));
        // Slice 0 merged: runs of length 2 (x) + 2 × 3 of length 1 → LRE (4 + 6) / 7; slice 2: 4 runs of 1 → 1.
        assertThat(f.get("rlm_lre_2D_comb")).isCloseTo((10.0 / 7 + 1) / 2, within(1e-12));
        // Slice 0 merged: 7 runs over 4 · 2 voxels; slice 2: 4 runs over 4 · 1 voxels.
        assertThat(f.get("rlm_r_perc_2D_comb")).isCloseTo((7.0 / 8 + 1) / 2, within(1e-12));
    }

    @Test
    void an_empty_roi_is_an_error() {
        GreyLevels empty = new GreyLevels(2, 1, 1, new int[] {0, 0}, 1);
        assertThatThrownBy(() -> Glrlm.compute(empty, new GlrlmSettings(EnumSet.of(TextureDimension.THREE_D))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROI is empty");
    }
}
