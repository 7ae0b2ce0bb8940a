package org.radiome.features.ngtdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

class NgtdmExampleTest {
    @Test
    void features_of_a_line_of_three_levels() {
        // Levels 1, 2, 3 in a row, δ = 1. Neighbour means: 2, 2, 2, so s = (1, 0, 1), n = (1, 1, 1), p_i = 1/3.
        FeatureSet f = Ngtdm.compute(new GreyLevels(3, 1, 1, new int[] {1, 2, 3}, 3),
                new NgtdmSettings(1, EnumSet.of(TextureDimension.THREE_D)));
        // Σ p s = 2/3
        assertThat(f.get("ngt_coarseness_3D")).isCloseTo(1.5, within(1e-12));
        // Σ p1 p2 (i1 − i2)² = 12/9; / (3 · 2) · (Σ s / N_vc = 2/3) = 4/27
        assertThat(f.get("ngt_contrast_3D")).isCloseTo(4.0 / 27, within(1e-12));
        // Σ |i1 p1 − i2 p2| = (1/3) · 8 = 8/3; (2/3) / (8/3)
        assertThat(f.get("ngt_busyness_3D")).isCloseTo(0.25, within(1e-12));
        // equal p: pairs (1,2) 0.5, (1,3) 2, (2,3) 0.5, both orders: 6; / N_vc = 3
        assertThat(f.get("ngt_complexity_3D")).isCloseTo(2, within(1e-12));
        // Σ (p1 + p2)(i1 − i2)² = (2/3) · 12 = 8; / Σ s = 2
        assertThat(f.get("ngt_strength_3D")).isCloseTo(4, within(1e-12));
    }

    @Test
    void a_voxel_without_roi_neighbours_gives_the_ibsi_degenerate_values() {
        FeatureSet f = Ngtdm.compute(new GreyLevels(1, 1, 1, new int[] {1}, 1),
                new NgtdmSettings(1, EnumSet.allOf(TextureDimension.class)));
        for (String suffix : new String[] {"_2D", "_2_5D", "_3D"}) {
            assertThat(f.get("ngt_coarseness" + suffix)).isEqualTo(Ngtdm.MAX_COARSENESS);
            assertThat(f.get("ngt_contrast" + suffix)).isZero();
            assertThat(f.get("ngt_busyness" + suffix)).isZero();
            assertThat(f.get("ngt_complexity" + suffix)).isZero();
            assertThat(f.get("ngt_strength" + suffix)).isZero();
        }
    }

    @Test
    void slices_without_a_valid_neighbourhood_are_left_out_of_the_2d_mean() {
        // Slice 0: the line 1, 2, 3 (as above). Slice 1: one isolated voxel, no in-plane neighbour.
        int[] levels = {1, 2, 3, 0, 2, 0};
        FeatureSet f = Ngtdm.compute(new GreyLevels(3, 1, 2, levels, 3),
                new NgtdmSettings(1, EnumSet.of(TextureDimension.TWO_D)));
        assertThat(f.get("ngt_coarseness_2D")).isCloseTo(1.5, within(1e-12));
    }
}
