package org.radiome.features.glcm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CooccurrenceCounterTest {
    /** The 4 × 4 example image of the IBSI GLCM section (one slice, x fastest, rows top to bottom). */
    private static final int[] IBSI_EXAMPLE = {
        1, 2, 2, 3,
        1, 2, 3, 3,
        4, 2, 4, 1,
        4, 1, 2, 3,
    };

    @Test
    void builds_the_ibsi_example_matrices_for_direction_1_0() {
        double[] plus = new double[16];
        CooccurrenceCounter.count(IBSI_EXAMPLE, 4, 4, 1, 4, 1, 0, 0, 0, 1, false, plus);
        // IBSI table "M_m+ = →"
        assertThat(plus).containsExactly(
                0, 3, 0, 0,
                0, 1, 3, 1,
                0, 0, 1, 0,
                2, 1, 0, 0);

        double[] symmetric = new double[16];
        CooccurrenceCounter.count(IBSI_EXAMPLE, 4, 4, 1, 4, 1, 0, 0, 0, 1, true, symmetric);
        // IBSI table "M_m = →" = M_m+ + M_m+^T, 24 counts
        assertThat(symmetric).containsExactly(
                0, 3, 0, 2,
                3, 2, 3, 2,
                0, 3, 2, 0,
                2, 2, 0, 0);
    }

    @Test
    void skips_pairs_with_a_voxel_outside_the_roi() {
        // 1 2 0 2 along x: only the pair (1, 2) lies inside the ROI.
        int[] levels = {1, 2, 0, 2};
        double[] m = new double[4];
        CooccurrenceCounter.count(levels, 4, 1, 1, 2, 1, 0, 0, 0, 1, false, m);
        assertThat(m).containsExactly(0, 1, 0, 0);
    }

    @Test
    void uses_direction_times_distance_as_offset() {
        // Row 1 2 2 1 with δ = 2 pairs x=0 with x=2 (1, 2) and x=1 with x=3 (2, 1).
        int[] levels = {1, 2, 2, 1};
        double[] m = new double[4];
        CooccurrenceCounter.count(levels, 4, 1, 1, 2, 2, 0, 0, 0, 1, false, m);
        assertThat(m).containsExactly(0, 1, 1, 0);
    }

    @Test
    void counts_across_slices_for_out_of_plane_directions_and_not_beyond_the_box() {
        // Two slices of 1 × 2 voxels: z=0 holds 1 2, z=1 holds 2 1. Direction (1, 0, 1): (x=0,z=0) → (x=1,z=1).
        int[] levels = {1, 2, 2, 1};
        double[] m = new double[4];
        CooccurrenceCounter.count(levels, 2, 1, 2, 2, 1, 0, 1, 0, 2, false, m);
        assertThat(m).containsExactly(1, 0, 0, 0);
    }

    @Test
    void counting_all_offsets_over_the_roi_voxels_agrees_with_counting_each_offset_over_the_box() {
        java.util.Random random = new java.util.Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int nx = 1 + random.nextInt(9), ny = 1 + random.nextInt(9), nz = 1 + random.nextInt(6), ng = 1 + random.nextInt(5);
            int[] levels = new int[nx * ny * nz];
            for (int i = 0; i < levels.length; i++) levels[i] = random.nextInt(ng + 1);
            int[][] directions = org.radiome.features.texture.Directions.threeD();
            int[][] offsets = new int[directions.length * 2][];
            for (int d = 0; d < directions.length; d++) {
                offsets[2 * d] = directions[d];
                offsets[2 * d + 1] = new int[] {2 * directions[d][0], 2 * directions[d][1], 2 * directions[d][2]};
            }
            for (boolean symmetric : new boolean[] {false, true}) {
                double[][] all = CooccurrenceCounter.countAll(levels, nx, ny, nz, ng, offsets, symmetric);
                for (int d = 0; d < offsets.length; d++) {
                    double[] expected = new double[ng * ng];
                    CooccurrenceCounter.count(levels, nx, ny, nz, ng, offsets[d][0], offsets[d][1], offsets[d][2], 0, nz, symmetric, expected);
                    assertThat(all[d]).as("trial %d offset %d symmetric %s", trial, d, symmetric).containsExactly(expected);
                }
            }
        }
    }
}
