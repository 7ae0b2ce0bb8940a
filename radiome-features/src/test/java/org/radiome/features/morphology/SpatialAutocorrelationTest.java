package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SpatialAutocorrelationTest {
    private static final double EPS = 1e-12;

    private static boolean[] all(int n) {
        boolean[] m = new boolean[n];
        java.util.Arrays.fill(m, true);
        return m;
    }

    @Test
    void two_neighbours() {
        // Intensities 1, 2: μ = 1.5, deviations ∓0.5, Σ(x−μ)² = 0.5; one pair, w = 1.
        // I = 2 · (1·(−0.5)(0.5)) / (1 · 0.5) = −1;  C = (2−1) · 1·(1−2)² / (2 · 1 · 0.5) = 1.
        var r = SpatialAutocorrelation.compute(new float[] {1, 2}, all(2), 2, 1, 1, 1, 1, 1);
        assertThat(r.moranI()).isCloseTo(-1.0, within(EPS));
        assertThat(r.gearyC()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void three_in_a_row() {
        // Intensities 1, 2, 3 along x, spacing 1: μ = 2, deviations −1, 0, 1, Σ(x−μ)² = 2.
        // Pairs (w; product of deviations; squared difference): (1,2): 1; 0; 1.  (2,3): 1; 0; 1.  (1,3): 1/2; −1; 4.
        // Σw = 2.5.  I = 3 · (−1/2) / (2.5 · 2) = −0.3.  C = 2 · (1 + 1 + 2) / (2 · 2.5 · 2) = 0.8.
        var r = SpatialAutocorrelation.compute(new float[] {1, 2, 3}, all(3), 3, 1, 1, 1, 1, 1);
        assertThat(r.moranI()).isCloseTo(-0.3, within(EPS));
        assertThat(r.gearyC()).isCloseTo(0.8, within(EPS));
        // Scaling all distances (here along z, spacing 2) scales every weight alike: no change.
        var scaled = SpatialAutocorrelation.compute(new float[] {1, 2, 3}, all(3), 1, 1, 3, 7, 7, 2);
        assertThat(scaled.moranI()).isCloseTo(-0.3, within(EPS));
        assertThat(scaled.gearyC()).isCloseTo(0.8, within(EPS));
    }

    @Test
    void anisotropic_l_shape_uses_world_distances() {
        // Box 2×2×1, spacing (1, 2, 1); voxels a=(0,0)=1, b=(1,0)=2, c=(0,1)=3; (1,1) outside the mask.
        // μ = 2, deviations −1, 0, 1, Σ(x−μ)² = 2. Pairs: ab: w = 1, product 0, difference² 1;
        // ac: distance 2, w = 1/2, product −1, difference² 4; bc: distance √5, w = 1/√5, product 0, difference² 1.
        double w = 1.5 + 1 / Math.sqrt(5);
        double moran = 3 * (-0.5) / (w * 2);
        double geary = 2 * (1 + 2 + 1 / Math.sqrt(5)) / (2 * w * 2);
        var r = SpatialAutocorrelation.compute(new float[] {1, 2, 3, 99}, new boolean[] {true, true, true, false},
                2, 2, 1, 1, 2, 1);
        assertThat(r.moranI()).isCloseTo(moran, within(EPS));
        assertThat(r.gearyC()).isCloseTo(geary, within(EPS));
    }

    @Test
    void undefined_cases_are_nan() {
        // IBSI defines no value: a single voxel has no pairs, a single intensity has zero variance (0/0)
        var single = SpatialAutocorrelation.compute(new float[] {5}, all(1), 1, 1, 1, 1, 1, 1);
        assertThat(single.moranI()).isNaN();
        assertThat(single.gearyC()).isNaN();
        var constant = SpatialAutocorrelation.compute(new float[] {0.1f, 0.1f, 0.1f}, all(3), 3, 1, 1, 1, 1, 1);
        assertThat(constant.moranI()).isNaN();
        assertThat(constant.gearyC()).isNaN();
    }

    @Test
    void tabulated_and_direct_weights_give_identical_sums() {
        Random random = new Random(3);
        int nx = 7, ny = 5, nz = 4;
        double sx = 0.7, sy = 1.3, sz = 2.9;
        int n = 0;
        int[] x = new int[nx * ny * nz], y = new int[x.length], z = new int[x.length];
        for (int k = 0; k < nz; k++) for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) {
            if (random.nextDouble() < 0.6) { x[n] = i; y[n] = j; z[n] = k; n++; }
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = random.nextGaussian();
        double[] tabulated = SpatialAutocorrelation.pairSumsTabulated(x, y, z, d, nx, ny, nz, sx, sy, sz);
        double[] direct = SpatialAutocorrelation.pairSumsDirect(x, y, z, d, sx, sy, sz);
        assertThat(tabulated).containsExactly(direct);
        // and the weight sum against a plain double loop over all ordered pairs (halved)
        double weights = 0;
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) {
            if (a == b) continue;
            double ex = (x[a] - x[b]) * sx, ey = (y[a] - y[b]) * sy, ez = (z[a] - z[b]) * sz;
            weights += 1 / Math.sqrt(ex * ex + ey * ey + ez * ez);
        }
        assertThat(tabulated[0]).isCloseTo(weights / 2, within(1e-9 * weights));
    }
}
