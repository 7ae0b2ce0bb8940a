package org.radiome.features.gldzm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.texture.TextureDimension;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

class GldzmExampleTest {
    @Test
    void distance_map_of_a_full_square_counts_edge_voxels_as_one() {
        boolean[] mask = new boolean[16];
        Arrays.fill(mask, true);
        // the IBSI manual's GLDZM example distance map
        assertThat(EdgeDistance.compute(mask, 4, 4, 1, false)).containsExactly(
                1, 1, 1, 1,
                1, 2, 2, 1,
                1, 2, 2, 1,
                1, 1, 1, 1);
        // in 3D a single slice is all edge (its neighbours above and below lie outside the ROI)
        assertThat(EdgeDistance.compute(mask, 4, 4, 1, true)).containsOnly(1);
    }

    @Test
    void distance_map_uses_manhattan_distance_to_the_nearest_non_roi_voxel() {
        boolean[] mask = new boolean[125];
        Arrays.fill(mask, true);
        int[] d = EdgeDistance.compute(mask, 5, 5, 5, true);
        assertThat(d[2 + 5 * (2 + 5 * 2)]).isEqualTo(3); // centre of a 5³ cube
        assertThat(d[1 + 5 * (1 + 5 * 1)]).isEqualTo(2);
        mask[2 + 5 * (2 + 5 * 2)] = false; // a hole in the centre is ROI edge too
        d = EdgeDistance.compute(mask, 5, 5, 5, true);
        assertThat(d[1 + 5 * (2 + 5 * 2)]).isEqualTo(1);
        assertThat(d[2 + 5 * (2 + 5 * 2)]).isZero();
    }

    @Test
    void features_of_the_manual_example() {
        float[] image = {
            1, 2, 2, 3,
            1, 2, 3, 3,
            4, 2, 4, 1,
            4, 1, 2, 3};
        Grid grid = Grid.of(4, 4, 1, 1, 1, 1);
        boolean[] inside = new boolean[16];
        Arrays.fill(inside, true);
        RoiImage roi = RoiImage.of(new Volume(grid, image), new Mask(grid, inside));
        FeatureSet f = Gldzm.compute(Discretiser.discretise(roi, DiscretisationSettings.none()), roi,
                new GldzmSettings(EnumSet.of(TextureDimension.TWO_D)));
        // The 8 zones of the GLSZM example (8-connected: the manual's GLDZM table splits level 2 in two, as
        // 4-connectivity would). All touch the edge (distance 1) except the level-4 voxel at (2,2): distance 2.
        // d_.1 = 7, d_.2 = 1.
        assertThat(f.get("dzm_sde_2D")).isCloseTo((7 + 1 / 4.0) / 8, within(1e-12));
        assertThat(f.get("dzm_lde_2D")).isCloseTo((7 + 4.0) / 8, within(1e-12));
        assertThat(f.get("dzm_zdnu_2D")).isCloseTo((49 + 1.0) / 8, within(1e-12));
        assertThat(f.get("dzm_z_perc_2D")).isCloseTo(8 / 16.0, within(1e-12));
    }
}
