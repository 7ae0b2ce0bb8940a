package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

/** Morphological features on small ROIs whose values can be worked out by hand. */
class MorphologyTest {
    private static final double EPS = 1e-12;

    private static double get(FeatureSet f, Morphology.Feature feature) { return f.get(feature.tag()); }

    @Test
    void single_voxel() {
        // One voxel of 2×3×5 mm, intensity 4. Its mesh is the octahedron with half-axes 1, 1.5, 2.5 mm
        // (MarchingCubesTest): V = 5, A = 19. It is its own convex hull; the farthest vertices are (0,0,±2.5):
        // diameter 5. Bounding box 2×3×5: volume 30, area 2(6 + 10 + 15) = 62. No spread for PCA.
        Grid grid = Grid.of(1, 1, 1, 2, 3, 5);
        FeatureSet f = Morphology.compute(RoiImage.of(new Volume(grid, new float[] {4}), new Mask(grid, new boolean[] {true})));
        double v = 5, a = 19;
        assertThat(get(f, Morphology.Feature.VOLUME)).isCloseTo(v, within(EPS));
        assertThat(get(f, Morphology.Feature.VOLUME_APPROX)).isCloseTo(30, within(EPS));
        assertThat(get(f, Morphology.Feature.AREA_MESH)).isCloseTo(a, within(EPS));
        assertThat(get(f, Morphology.Feature.SURFACE_TO_VOLUME)).isCloseTo(a / v, within(EPS));
        assertThat(get(f, Morphology.Feature.COMPACTNESS_1)).isCloseTo(v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)), within(EPS));
        assertThat(get(f, Morphology.Feature.COMPACTNESS_2)).isCloseTo(36 * Math.PI * v * v / (a * a * a), within(EPS));
        double sphere = Math.cbrt(36 * Math.PI * v * v);
        assertThat(get(f, Morphology.Feature.SPHERICAL_DISPROPORTION)).isCloseTo(a / sphere, within(EPS));
        assertThat(get(f, Morphology.Feature.SPHERICITY)).isCloseTo(sphere / a, within(EPS));
        assertThat(get(f, Morphology.Feature.ASPHERICITY)).isCloseTo(a / sphere - 1, within(EPS));
        assertThat(get(f, Morphology.Feature.CENTRE_OF_MASS_SHIFT)).isCloseTo(0, within(EPS));
        assertThat(get(f, Morphology.Feature.MAXIMUM_3D_DIAMETER)).isCloseTo(5, within(EPS));
        assertThat(get(f, Morphology.Feature.MAJOR_AXIS_LENGTH)).isZero();
        assertThat(get(f, Morphology.Feature.ELONGATION)).isNaN(); // λ_major = 0: undefined
        assertThat(get(f, Morphology.Feature.FLATNESS)).isNaN();
        assertThat(get(f, Morphology.Feature.VOLUME_DENSITY_AABB)).isCloseTo(v / 30, within(EPS));
        assertThat(get(f, Morphology.Feature.AREA_DENSITY_AABB)).isCloseTo(a / 62, within(EPS));
        assertThat(get(f, Morphology.Feature.VOLUME_DENSITY_AEE)).isNaN(); // degenerate ellipsoid
        assertThat(get(f, Morphology.Feature.AREA_DENSITY_AEE)).isNaN();
        assertThat(get(f, Morphology.Feature.VOLUME_DENSITY_CONVEX_HULL)).isCloseTo(1, within(EPS));
        assertThat(get(f, Morphology.Feature.AREA_DENSITY_CONVEX_HULL)).isCloseTo(1, within(EPS));
        assertThat(get(f, Morphology.Feature.INTEGRATED_INTENSITY)).isCloseTo(v * 4, within(EPS));
        assertThat(get(f, Morphology.Feature.MORANS_I)).isNaN(); // no pairs
        assertThat(get(f, Morphology.Feature.GEARYS_C)).isNaN();
        assertThat(f.size()).isEqualTo(Morphology.Feature.values().length);
    }

    @Test
    void intensity_mask_smaller_than_morphological_mask() {
        // Row of 3 voxels (spacing 1), intensities 1, 3, 100; the intensity mask drops the third voxel.
        // Mesh (morphological, 3×1×1 box): V = 0.5·2 + 1/6 = 7/6; its extreme vertices are x = −0.5 and 2.5:
        // diameter 3. Geometric centre (morphological) x = 1; intensity-weighted centre (1·0 + 3·1)/4 = 0.75:
        // shift 0.25. Integrated intensity V · mean(1, 3) = 7/3. PCA on centres 0, 1, 2: λ = 2/(3−1) = 1, so
        // the major axis is 4√1 = 4 and the other two 0. Moran/Geary on the two intensity voxels: −1 and 1
        // (SpatialAutocorrelationTest).
        Grid grid = Grid.of(3, 1, 1, 1, 1, 1);
        Volume image = new Volume(grid, new float[] {1, 3, 100});
        RoiImage roi = RoiImage.of(image, new Mask(grid, new boolean[] {true, true, true}), new Mask(grid, new boolean[] {true, true, false}));
        FeatureSet f = Morphology.compute(roi);
        assertThat(get(f, Morphology.Feature.VOLUME)).isCloseTo(7.0 / 6, within(EPS));
        assertThat(get(f, Morphology.Feature.VOLUME_APPROX)).isCloseTo(3, within(EPS));
        assertThat(get(f, Morphology.Feature.MAXIMUM_3D_DIAMETER)).isCloseTo(3, within(EPS));
        assertThat(get(f, Morphology.Feature.CENTRE_OF_MASS_SHIFT)).isCloseTo(0.25, within(EPS));
        assertThat(get(f, Morphology.Feature.INTEGRATED_INTENSITY)).isCloseTo(7.0 / 3, within(EPS));
        assertThat(get(f, Morphology.Feature.MAJOR_AXIS_LENGTH)).isCloseTo(4, within(EPS));
        assertThat(get(f, Morphology.Feature.MINOR_AXIS_LENGTH)).isCloseTo(0, within(EPS));
        assertThat(get(f, Morphology.Feature.ELONGATION)).isCloseTo(0, within(EPS));
        assertThat(get(f, Morphology.Feature.MORANS_I)).isCloseTo(-1, within(EPS));
        assertThat(get(f, Morphology.Feature.GEARYS_C)).isCloseTo(1, within(EPS));
    }

    @Test
    void centre_of_mass_shift_is_undefined_when_intensities_sum_to_zero() {
        Grid grid = Grid.of(2, 1, 1, 1, 1, 1);
        RoiImage roi = RoiImage.of(new Volume(grid, new float[] {1, -1}), new Mask(grid, new boolean[] {true, true}));
        assertThat(Morphology.centreOfMassShift(roi)).isNaN();
    }

    @Test
    void ellipsoid_area_follows_ibsis_legendre_series() {
        // Sphere: α = β = 0, only the ν = 0 term: 4πr².
        assertThat(Morphology.ellipsoidArea(2, 2, 2)).isCloseTo(16 * Math.PI, within(1e-12));
        // Prolate a > b = c: α = β = e, x = (α²+β²)/(2αβ) = 1 and P_ν(1) = 1, so the sum is Σ e^{2ν}/(1 − 4ν²).
        double a = 4, b = 3, e2 = 1 - b * b / (a * a);
        double sum = 0;
        for (int nu = 0; nu <= 20; nu++) sum += Math.pow(e2, nu) / (1 - 4.0 * nu * nu);
        assertThat(Morphology.ellipsoidArea(a, b, b)).isCloseTo(4 * Math.PI * a * b * sum, within(1e-12));
        // Tri-axial: against P_ν(x) by its three-term recurrence, times (αβ)^ν.
        double c = 2.5;
        b = 3.5;
        double alpha = Math.sqrt(1 - b * b / (a * a)), beta = Math.sqrt(1 - c * c / (a * a));
        double x = (alpha * alpha + beta * beta) / (2 * alpha * beta);
        double p0 = 1, p1 = x;
        sum = 1 + alpha * beta * x / (1 - 4.0);
        for (int nu = 1; nu < 20; nu++) {
            double p2 = ((2 * nu + 1) * x * p1 - nu * p0) / (nu + 1);
            sum += Math.pow(alpha * beta, nu + 1) * p2 / (1 - 4.0 * (nu + 1) * (nu + 1));
            p0 = p1;
            p1 = p2;
        }
        assertThat(Morphology.ellipsoidArea(a, b, c)).isCloseTo(4 * Math.PI * a * b * sum, within(1e-9));
        assertThat(Morphology.ellipsoidArea(0, 0, 0)).isZero();
    }
}
