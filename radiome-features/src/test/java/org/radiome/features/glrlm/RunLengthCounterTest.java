package org.radiome.features.glrlm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunLengthCounterTest {
    @Test
    void a_run_ends_at_a_voxel_outside_the_roi_and_at_another_level() {
        // Row 1 1 0 1 2 2 2 along x: level 1 runs of length 2 and 1, level 2 run of length 3.
        int[] levels = {1, 1, 0, 1, 2, 2, 2};
        double[] m = new double[2 * 7];
        RunLengthCounter.count(levels, 7, 1, 1, 2, 7, 1, 0, 0, 0, 1, m);
        assertThat(m).containsExactly(
                1, 1, 0, 0, 0, 0, 0,
                0, 0, 1, 0, 0, 0, 0);
    }

    /** 3 × 3 slice with level 1 on the main diagonal and 2 elsewhere. */
    private static final int[] DIAGONAL = {
        1, 2, 2,
        2, 1, 2,
        2, 2, 1,
    };

    @Test
    void runs_along_the_diagonal() {
        // Direction (1,1): diagonals from (0,0): 1 1 1 → level 1 length 3; from (1,0) and (0,1): 2 2 → two
        // level 2 runs of length 2; from (2,0) and (0,2): single 2 → two level 2 runs of length 1.
        double[] m = new double[2 * 3];
        RunLengthCounter.count(DIAGONAL, 3, 3, 1, 2, 3, 1, 1, 0, 0, 1, m);
        assertThat(m).containsExactly(
                0, 0, 1,
                2, 2, 0);
    }

    @Test
    void runs_along_the_anti_diagonal() {
        // Direction (1,−1): anti-diagonals (0,0): 1; (0,1)-(1,0): 2 2; (0,2)-(1,1)-(2,0): 2 1 2;
        // (1,2)-(2,1): 2 2; (2,2): 1. Level 1: three runs of length 1; level 2: two of length 1, two of 2.
        double[] m = new double[2 * 3];
        RunLengthCounter.count(DIAGONAL, 3, 3, 1, 2, 3, 1, -1, 0, 0, 1, m);
        assertThat(m).containsExactly(
                3, 0, 0,
                2, 2, 0);
    }

    @Test
    void runs_in_2d_stay_in_their_slice_and_3d_runs_cross_slices() {
        // Two slices of one voxel, both level 1. Along z: one run of length 2 in 3D, but counting
        // slice by slice (zFrom..zTo one slice) gives one run of length 1 per slice.
        int[] levels = {1, 1};
        double[] volume = new double[2];
        RunLengthCounter.count(levels, 1, 1, 2, 1, 2, 0, 0, 1, 0, 2, volume);
        assertThat(volume).containsExactly(0, 1);
        double[] slice = new double[2];
        RunLengthCounter.count(levels, 1, 1, 2, 1, 2, 0, 0, 1, 1, 2, slice);
        assertThat(slice).containsExactly(1, 0);
    }
}
