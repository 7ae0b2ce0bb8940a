package org.radiome.features.glrlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.radiome.features.texture.Directions;

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

    @Test
    void line_walk_and_sparse_walk_agree_with_walking_each_run_from_its_start_on_random_volumes() {
        Random random = new Random(42);
        boolean[] seen = new boolean[2];
        for (int trial = 0; trial < 80; trial++) {
            int nx = 1 + random.nextInt(9), ny = 1 + random.nextInt(9), nz = 1 + random.nextInt(7), ng = 1 + random.nextInt(4);
            int[] levels = new int[nx * ny * nz];
            double fill = random.nextDouble(); // sparse and dense ROIs, so both ways of counting are checked
            for (int i = 0; i < levels.length; i++) levels[i] = random.nextDouble() < fill ? 1 + random.nextInt(ng) : 0;
            int maxRun = Math.max(nx, Math.max(ny, nz));
            RunLengthCounter counter = new RunLengthCounter(levels, nx, ny, nz, ng, maxRun);
            seen[counter.sparse() ? 1 : 0] = true;
            int[][] directions = Directions.threeD();
            for (int[] d : directions) {
                for (int distance = 1; distance <= 2; distance++) {
                    int dx = d[0] * distance, dy = d[1] * distance, dz = d[2] * distance;
                    int zFrom = random.nextInt(nz), zTo = zFrom + 1 + random.nextInt(nz - zFrom);
                    double[] expected = new double[ng * maxRun];
                    double[] actual = new double[ng * maxRun];
                    walkEachRun(levels, nx, ny, ng, maxRun, dx, dy, dz, zFrom, zTo, expected);
                    counter.count(dx, dy, dz, zFrom, zTo, actual);
                    assertThat(actual).as("box %dx%dx%d, direction (%d,%d,%d), slices %d..%d, sparse %b", nx, ny, nz,
                            dx, dy, dz, zFrom, zTo, counter.sparse()).containsExactly(expected);
                }
            }
        }
        assertThat(seen).as("dense and sparse ROIs both drawn").containsExactly(true, true);
    }

    /** The textbook counter: from every run start (predecessor outside or different), walk the run. */
    private static void walkEachRun(int[] levels, int nx, int ny, int ng, int maxRun, int dx, int dy, int dz,
                                    int zFrom, int zTo, double[] counts) {
        for (int z = zFrom; z < zTo; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int a = levels[x + nx * (y + ny * z)];
                    if (a == 0) continue;
                    int px = x - dx, py = y - dy, pz = z - dz;
                    if (px >= 0 && px < nx && py >= 0 && py < ny && pz >= zFrom && pz < zTo
                            && levels[px + nx * (py + ny * pz)] == a) continue;
                    int length = 1;
                    int cx = x + dx, cy = y + dy, cz = z + dz;
                    while (cx >= 0 && cx < nx && cy >= 0 && cy < ny && cz >= zFrom && cz < zTo
                            && levels[cx + nx * (cy + ny * cz)] == a) {
                        length++;
                        cx += dx;
                        cy += dy;
                        cz += dz;
                    }
                    counts[(a - 1) * maxRun + (length - 1)] += 1.0;
                }
            }
        }
    }
}
