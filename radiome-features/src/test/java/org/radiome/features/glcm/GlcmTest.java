package org.radiome.features.glcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

class GlcmTest {
    @Test
    void two_slices_of_alternating_levels() {
        // Slice z=0: 1 2 (x), slice z=1: 2 1. In-plane only direction (1,0,0) has pairs: one (1,2) pair per
        // slice, symmetric → p_12 = p_21 = ½ in every non-empty 2D matrix; contrast = 1 everywhere in 2D.
        // The other in-plane directions have no pairs (ny = 1): their matrices are empty and left out.
        GreyLevels g = new GreyLevels(2, 1, 2, new int[] {1, 2, 2, 1}, 2);
        FeatureSet f = Glcm.compute(g, new GlcmSettings(1, true, EnumSet.allOf(TextureDimension.class)));
        assertThat(f.get("cm_contrast_2D_avg")).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("cm_contrast_2D_comb")).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("cm_contrast_2_5D_avg")).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("cm_contrast_2_5D_comb")).isCloseTo(1.0, within(1e-12));
        // 3D directions with pairs: (1,0,0) two unequal pairs, (0,0,1) two unequal pairs,
        // (1,0,1) one equal pair (1,1), (1,0,−1) one equal pair (2,2). Merged: 4 unequal of 6 pairs,
        // contrast = (4/6)·1².
        assertThat(f.get("cm_contrast_3D_comb")).isCloseTo(4.0 / 6, within(1e-12));
        // Averaged over the four non-empty direction matrices: (1 + 1 + 0 + 0) / 4.
        assertThat(f.get("cm_contrast_3D_avg")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void a_roi_without_voxel_pairs_is_an_error_not_a_nan() {
        GreyLevels single = new GreyLevels(1, 1, 1, new int[] {1}, 1);
        assertThatThrownBy(() -> Glcm.compute(single, new GlcmSettings(1, true, EnumSet.of(TextureDimension.THREE_D))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no pair of voxels");
    }

    @Test
    void rejects_levels_above_the_level_count() {
        GreyLevels bad = new GreyLevels(2, 1, 1, new int[] {1, 3}, 2);
        assertThatThrownBy(() -> Glcm.compute(bad, new GlcmSettings(1, true, EnumSet.of(TextureDimension.THREE_D))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grey level 3");
    }
}
