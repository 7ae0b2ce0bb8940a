package org.radiome.features.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.features.discretisation.GreyLevels;

class ZoneLabellerTest {
    /** The 2D example of the IBSI manual's GLSZM section (rows are y, columns x). */
    private static final int[] MANUAL_EXAMPLE = {
        1, 2, 2, 3,
        1, 2, 3, 3,
        4, 2, 4, 1,
        4, 1, 2, 3};

    @Test
    void finds_the_zones_of_the_manual_example() {
        GreyLevels levels = new GreyLevels(4, 4, 1, MANUAL_EXAMPLE, 4);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(4);
        new ZoneLabeller(levels).addZones(0, 1, false, null, builder);
        LevelCountMatrix m = builder.build();
        // Manual's GLSZM: level 1 sizes {1, 1, 2}; level 2 {5}; level 3 {1, 3}; level 4 {1, 2}: 8 zones, 16 voxels.
        assertThat(m.total()).isEqualTo(8);
        assertThat(m.voxelCount()).isEqualTo(16);
        double[] f = m.features();
        // s_.1 = 4, s_.2 = 2, s_.3 = 1, s_.5 = 1: SZE = (4 + 2/4 + 1/9 + 1/25) / 8
        assertThat(f[LevelCountFeature.SMALL_J_EMPHASIS.ordinal()]).isCloseTo((4 + 0.5 + 1.0 / 9 + 1.0 / 25) / 8, within(1e-12));
        // s_1. = 3, s_2. = 1, s_3. = 2, s_4. = 2: GLNU = (9 + 1 + 4 + 4) / 8
        assertThat(f[LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY.ordinal()]).isCloseTo(18.0 / 8, within(1e-12));
        assertThat(f[LevelCountFeature.PERCENTAGE.ordinal()]).isCloseTo(8.0 / 16, within(1e-12));
    }

    @Test
    void links_diagonal_voxels_across_slices_only_in_3d() {
        // 2 x 2 x 2 box; level 1 at (0,0,0) and (1,1,1), corner neighbours in 3D, different slices in 2D.
        int[] grid = new int[8];
        grid[0] = 1;
        grid[7] = 1;
        GreyLevels levels = new GreyLevels(2, 2, 2, grid, 1);
        ZoneLabeller labeller = new ZoneLabeller(levels);

        LevelCountMatrix.Builder threeD = new LevelCountMatrix.Builder(1);
        labeller.addZones(0, 2, true, null, threeD);
        assertThat(threeD.build().total()).isEqualTo(1); // one zone of size 2
        assertThat(threeD.build().features()[LevelCountFeature.LARGE_J_EMPHASIS.ordinal()]).isEqualTo(4);

        LevelCountMatrix.Builder slices = new LevelCountMatrix.Builder(1);
        labeller.addZones(0, 1, false, null, slices);
        labeller.addZones(1, 2, false, null, slices);
        assertThat(slices.build().total()).isEqualTo(2); // two zones of size 1
        assertThat(slices.voxels()).isEqualTo(2);
    }

    @Test
    void links_in_plane_diagonals_in_2d() {
        // 2 x 2 x 1: level 1 on one diagonal, level 2 on the other: 8-connectivity gives 2 zones of size 2.
        GreyLevels levels = new GreyLevels(2, 2, 1, new int[] {1, 2, 2, 1}, 2);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(2);
        new ZoneLabeller(levels).addZones(0, 1, false, null, builder);
        assertThat(builder.build().total()).isEqualTo(2);
    }

    @Test
    void zone_value_is_the_minimum_of_the_voxel_values() {
        GreyLevels levels = new GreyLevels(3, 1, 1, new int[] {1, 1, 1}, 1);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(1);
        new ZoneLabeller(levels).addZones(0, 1, false, new int[] {3, 2, 5}, builder);
        // one zone with value 2: large-j emphasis = 2² = 4
        assertThat(builder.build().features()[LevelCountFeature.LARGE_J_EMPHASIS.ordinal()]).isEqualTo(4);
    }
}
