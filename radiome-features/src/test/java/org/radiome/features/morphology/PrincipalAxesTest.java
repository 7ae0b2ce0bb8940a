package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrincipalAxesTest {
    private static final double EPS = 1e-12;

    @Test
    void diagonal_and_block_matrices() {
        assertThat(PrincipalAxes.symmetricEigenvalues(3, 1, 2, 0, 0, 0)).containsExactly(3, 2, 1);
        // [[2,1,0],[1,2,0],[0,0,3]]: the 2×2 block has eigenvalues 2 ± 1, so 3, 3, 1
        double[] ev = PrincipalAxes.symmetricEigenvalues(2, 2, 3, 1, 0, 0);
        assertThat(ev[0]).isCloseTo(3, within(EPS));
        assertThat(ev[1]).isCloseTo(3, within(EPS));
        assertThat(ev[2]).isCloseTo(1, within(EPS));
    }

    @Test
    void rotated_matrix_keeps_its_eigenvalues() {
        // R·diag(5, 2, 1)·Rᵀ with R a rotation by 30° about z then 45° about x
        double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6), q = Math.sqrt(0.5);
        double[][] rz = {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, q, -q}, {0, q, q}};
        double[][] r = multiply(rx, rz);
        double[] d = {5, 2, 1};
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) m[i][j] += r[i][k] * d[k] * r[j][k];
        double[] ev = PrincipalAxes.symmetricEigenvalues(m[0][0], m[1][1], m[2][2], m[0][1], m[0][2], m[1][2]);
        assertThat(ev[0]).isCloseTo(5, within(1e-12));
        assertThat(ev[1]).isCloseTo(2, within(1e-12));
        assertThat(ev[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void voxel_centres_use_sample_covariance_in_world_units() {
        // Three voxels in a row along y, spacing 2: centres 0, 2, 4 mm; mean 2; Σ(Δ²) = 8; /(N−1) = 4.
        double[] ev = PrincipalAxes.eigenvalues(new boolean[] {true, true, true}, 1, 3, 1, 1, 2, 1);
        assertThat(ev[0]).isCloseTo(4, within(EPS));
        assertThat(ev[1]).isCloseTo(0, within(EPS));
        assertThat(ev[2]).isCloseTo(0, within(EPS));
        // A single voxel has no spread
        assertThat(PrincipalAxes.eigenvalues(new boolean[] {false, true}, 2, 1, 1, 1, 1, 1)).containsExactly(0, 0, 0);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) out[i][j] += a[i][k] * b[k][j];
        return out;
    }
}
