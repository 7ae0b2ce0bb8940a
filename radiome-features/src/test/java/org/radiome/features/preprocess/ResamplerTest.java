package org.radiome.features.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

/** Resampling on the IBSI "align grid centers" grid, checked on inputs small enough to compute by hand. */
class ResamplerTest {
    static InterpolationSettings along(Double sx, Double sy, Double sz, Interpolator image) {
        return new InterpolationSettings(sx, sy, sz, image, Interpolator.LINEAR, 0.5);
    }

    static Volume line(double spacing, float... values) {
        return new Volume(Grid.of(values.length, 1, 1, spacing, 1, 1), values);
    }

    @Test
    void grid_of_the_ibsi_manual_example() {
        // IBSI 1 manual, "Interpolation grid": 4 x 4 voxels of 3 mm resampled to 2 mm gives 6 x 6 voxels whose
        // centres are aligned with the original grid's: first point at 1/2 (4 - 1 - (2/3)(6 - 1)) = -1/6 in grid
        // coordinates, i.e. -0.5 mm from the original origin.
        Grid g = new Grid(4, 4, 1, new double[] {3, 3, 5}, new double[] {10, 20, 30}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        Grid r = Resampler.alignedGrid(g, new Double[] {2.0, 2.0, null});
        assertThat(new int[] {r.nx(), r.ny(), r.nz()}).containsExactly(6, 6, 1);
        assertThat(r.spacing()).containsExactly(2, 2, 5);
        assertThat(r.origin()).containsExactly(new double[] {9.5, 19.5, 30}, within(1e-12));
        // the centres coincide: original centre 10 + 1.5 * 3 = 14.5; new centre 9.5 + 2.5 * 2 = 14.5
        assertThat(r.toWorld(2.5, 2.5, 0)[0]).isCloseTo(g.toWorld(1.5, 1.5, 0)[0], within(1e-12));
    }

    @Test
    void grid_follows_the_direction_cosines() {
        // x axis pointing to -x in world (as in the IBSI lung phantom's NIfTI header): the shift of -1/6 voxel
        // of 3 mm moves the origin by +0.5 mm in world x
        Grid g = new Grid(4, 1, 1, new double[] {3, 1, 1}, new double[] {0, 0, 0}, new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1});
        Grid r = Resampler.alignedGrid(g, new Double[] {2.0, null, null});
        assertThat(r.origin()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(r.direction()).containsExactly(g.direction());
    }

    @Test
    void grid_of_the_ibsi_lung_phantom() {
        // IBSI diagnostics: 204 x 201 x 60 voxels of 0.977 x 0.977 x 3 mm become 100 x 99 x 90 at 2 mm (3D,
        // configurations C-E) and 100 x 99 x 60 in-plane (configuration B)
        Grid g = Grid.of(204, 201, 60, 0.977f, 0.977f, 3);
        Grid c = Resampler.alignedGrid(g, new Double[] {2.0, 2.0, 2.0});
        assertThat(new int[] {c.nx(), c.ny(), c.nz()}).containsExactly(100, 99, 90);
        Grid b = Resampler.alignedGrid(g, new Double[] {2.0, 2.0, null});
        assertThat(new int[] {b.nx(), b.ny(), b.nz()}).containsExactly(100, 99, 60);
        assertThat(b.spacing(2)).isEqualTo(3);
    }

    @Test
    void linear_interpolation_of_a_ramp_pads_with_the_boundary_values() {
        // samples 0, 10, 20, 30 at 3 mm; 2 mm grid points at -1/6, 1/2, 7/6, 11/6, 5/2, 19/6 (grid coordinates);
        // a ramp is reproduced inside, the boundary value outside
        Volume r = Resampler.resample(line(3, 0, 10, 20, 30), along(2.0, null, null, Interpolator.LINEAR), false);
        assertThat(toDouble(r.voxels())).containsExactly(new double[] {0, 5, 35 / 3.0, 55 / 3.0, 25, 30}, within(1e-5));
    }

    @Test
    void nearest_neighbour_takes_the_closest_sample() {
        Volume r = Resampler.resample(line(3, 0, 10, 20, 30), along(2.0, null, null, Interpolator.NEAREST), false);
        // -1/6 -> 0, 1/2 -> 1 (a tie rounds up), 7/6 -> 1, 11/6 -> 2, 5/2 -> 3, 19/6 -> 3
        assertThat(toDouble(r.voxels())).containsExactly(0, 10, 10, 20, 30, 30);
    }

    @Test
    void bilinear_interpolation_in_plane_leaves_the_slices_alone() {
        // 2 x 2 x 2 voxels of 2 mm -> 4 mm in-plane: one point per slice at the centre of the 2 x 2 square,
        // the mean of its four values; z is not interpolated
        float[] v = {0, 1, 2, 3, /* slice 1 */ 10, 20, 30, 40};
        Volume img = new Volume(Grid.of(2, 2, 2, 2, 2, 2), v);
        Volume r = Resampler.resample(img, along(4.0, 4.0, null, Interpolator.LINEAR), false);
        assertThat(new int[] {r.grid().nx(), r.grid().ny(), r.grid().nz()}).containsExactly(1, 1, 2);
        assertThat(toDouble(r.voxels())).containsExactly(new double[] {1.5, 25}, within(1e-6));
    }

    @Test
    void trilinear_interpolation_at_the_cube_centre_is_the_mean_of_the_corners() {
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        Volume r = Resampler.resample(new Volume(Grid.of(2, 2, 2, 1, 1, 1), v), along(2.0, 2.0, 2.0, Interpolator.LINEAR), false);
        assertThat(r.voxels()).hasSize(1);
        assertThat(r.voxels()[0]).isCloseTo(4.5f, within(1e-6f));
    }

    @Test
    void rounding_after_interpolation_gives_integers() {
        Volume r = Resampler.resample(line(3, 0, 10, 20, 30), along(2.0, null, null, Interpolator.LINEAR), true);
        // 35/3 = 11.67 -> 12, 55/3 = 18.33 -> 18
        assertThat(toDouble(r.voxels())).containsExactly(0, 5, 12, 18, 25, 30);
    }

    @Test
    void cubic_spline_reproduces_the_samples_on_the_original_grid() {
        float[] v = {3, -1, 4, 1, -5, 9, 2, 6, 5, 3, 5};
        Volume r = Resampler.resample(line(1.5, v), along(1.5, null, null, Interpolator.CUBIC_SPLINE), false);
        assertThat(toDouble(r.voxels())).containsExactly(toDouble(v), within(1e-5));
    }

    @Test
    void cubic_spline_reproduces_a_cubic_polynomial_away_from_the_ends() {
        // cubic B-spline interpolation is exact for polynomials of degree <= 3; the edge padding disturbs
        // the spline only near the ends (by a factor |z| = 2 - sqrt(3) ~ 0.27 per sample)
        int n = 80;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) cubic(i);
        Volume r = Resampler.resample(line(1, v), along(0.7, null, null, Interpolator.CUBIC_SPLINE), false);
        Resampler.AxisSampling s = Resampler.AxisSampling.of(n, 1, 0.7);
        double[] p = s.positions();
        int checked = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] < 25 || p[j] > n - 26) continue;
            assertThat((double) r.voxels()[j]).as("at %s", p[j]).isCloseTo(cubic(p[j]), within(1e-3));
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    static double cubic(double x) { return 0.001 * x * x * x - 0.08 * x * x + x - 7; }

    @Test
    void cubic_spline_agrees_with_scipy() {
        // scipy 1.17: p = 0.5*(9-1-0.7*12) + 0.7*arange(13);
        // scipy.ndimage.map_coordinates([3,-1,4,1,-5,9,2,6,5], [p], order=3, mode='nearest')
        double[] scipy = {3.46377, 0.49139, -0.51234, 3.5661, 3.77751, -2.14665, -5.0, 5.76754, 7.60247, 1.72744, 4.96089,
            6.20059, 4.75165};
        Volume r = Resampler.resample(line(1, 3, -1, 4, 1, -5, 9, 2, 6, 5), along(0.7, null, null, Interpolator.CUBIC_SPLINE), false);
        assertThat(toDouble(r.voxels())).containsExactly(scipy, within(1e-4));
    }

    @Test
    void mask_interpolation_keeps_voxels_at_or_above_the_partial_volume_threshold() {
        // mask 0 1 1 0 at 3 mm; 2 mm points at -1/6, 1/2, 7/6, 11/6, 5/2, 19/6 get 0, 0.5, 1, 1, 0.5, 0
        boolean[] in = {false, true, true, false};
        Mask m = new Mask(Grid.of(4, 1, 1, 3, 1, 1), in);
        Mask half = Resampler.resample(m, new InterpolationSettings(2.0, null, null, Interpolator.LINEAR, Interpolator.LINEAR, 0.5));
        assertThat(half.inside()).containsExactly(false, true, true, true, true, false);
        Mask strict = Resampler.resample(m, new InterpolationSettings(2.0, null, null, Interpolator.LINEAR, Interpolator.LINEAR, 0.6));
        assertThat(strict.inside()).containsExactly(false, false, true, true, false, false);
        Mask nearest = Resampler.resample(m, new InterpolationSettings(2.0, null, null, Interpolator.LINEAR, Interpolator.NEAREST, 0.5));
        assertThat(nearest.inside()).containsExactly(false, true, true, true, false, false);
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
