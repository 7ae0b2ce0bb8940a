package org.radiome.features.ngldm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

class NgldmExampleTest {
    private static final GreyLevels LINE = new GreyLevels(3, 1, 1, new int[] {1, 2, 3}, 3);

    @Test
    void without_coarseness_every_voxel_depends_only_on_itself() {
        // α = 0: no neighbour has the same level, so j = 1 for every voxel.
        FeatureSet f = Ngldm.compute(LINE, new NgldmSettings(1, 0, EnumSet.of(TextureDimension.THREE_D)));
        assertThat(f.get("ngl_lde_3D")).isEqualTo(1);
        assertThat(f.get("ngl_dc_perc_3D")).isEqualTo(1);
        assertThat(f.get("ngl_dc_entr_3D")).isCloseTo(Math.log(3) / Math.log(2), within(1e-12));
    }

    @Test
    void coarseness_one_links_adjacent_levels() {
        // α = 1: j = 2, 3, 2. HDE = (4 + 9 + 4) / 3; dependence count variance: μ = 7/3, Σ (j − μ)² / 3 = 2/9.
        FeatureSet f = Ngldm.compute(LINE, new NgldmSettings(1, 1, EnumSet.of(TextureDimension.THREE_D)));
        assertThat(f.get("ngl_hde_3D")).isCloseTo(17.0 / 3, within(1e-12));
        assertThat(f.get("ngl_dc_var_3D")).isCloseTo(2.0 / 9, within(1e-12));
    }

    @Test
    void neighbours_outside_the_roi_do_not_count() {
        // 0 is outside the ROI: voxels 1 and 1 are not neighbours at δ = 1, but are at δ = 2.
        GreyLevels gap = new GreyLevels(3, 1, 1, new int[] {1, 0, 1}, 1);
        assertThat(Ngldm.compute(gap, new NgldmSettings(1, 0, EnumSet.of(TextureDimension.THREE_D))).get("ngl_lde_3D")).isEqualTo(1);
        assertThat(Ngldm.compute(gap, new NgldmSettings(2, 0, EnumSet.of(TextureDimension.THREE_D))).get("ngl_hde_3D")).isEqualTo(4);
    }
}
