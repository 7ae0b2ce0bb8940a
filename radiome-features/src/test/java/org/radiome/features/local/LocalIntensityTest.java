package org.radiome.features.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

class LocalIntensityTest {
    private static final double R = LocalIntensity.PEAK_RADIUS_MM;

    @Test
    void radius_is_that_of_a_one_cubic_centimetre_sphere() {
        // (4/3) π r³ = 1000 mm³
        assertThat(4.0 / 3.0 * Math.PI * R * R * R).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void row_sums_agree_with_a_brute_force_sphere_on_an_anisotropic_image() {
        Random random = new Random(7);
        int gx = 17, gy = 15, gz = 9;
        Grid grid = Grid.of(gx, gy, gz, 1.3, 0.9, 2.5);
        float[] image = new float[grid.voxelCount()];
        for (int i = 0; i < image.length; i++) image[i] = random.nextInt(200) - 50;
        boolean[] inside = new boolean[image.length];
        // a ROI touching the image border on three sides, so that spheres are cut off
        for (int z = 0; z < 4; z++) for (int y = 3; y < gy; y++) for (int x = 0; x < 6; x++) {
            if (random.nextInt(4) > 0) inside[grid.index(x, y, z)] = true;
        }
        RoiImage roi = RoiImage.of(new Volume(grid, image), new Mask(grid, inside));

        FeatureSet features = LocalIntensity.compute(roi);

        double best = Double.NEGATIVE_INFINITY, localBest = Double.NEGATIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < inside.length; i++) if (inside[i]) max = Math.max(max, image[i]);
        for (int z = 0; z < gz; z++) for (int y = 0; y < gy; y++) for (int x = 0; x < gx; x++) {
            if (!inside[grid.index(x, y, z)]) continue;
            double peak = bruteForcePeak(grid, image, x, y, z);
            best = Math.max(best, peak);
            if (image[grid.index(x, y, z)] == max) localBest = Math.max(localBest, peak);
        }
        assertThat(features.get("loc_peak_glob")).isCloseTo(best, within(1e-9));
        assertThat(features.get("loc_peak_loc")).isCloseTo(localBest, within(1e-9));
    }

    @Test
    void local_peak_takes_the_highest_peak_among_tied_maxima() {
        // 1 × 1 × 11 line, spacing 2 mm: the sphere (r ≈ 6.2 mm) reaches 3 voxels each way.
        // Intensities 9 0 0 0 5 0 0 0 5 0 0; ROI = voxels 4…8. Both 5s (voxels 4 and 8) are the maximum.
        // Peak at 4: mean of voxels 1…7 = 5/7; peak at 8: mean of voxels 5…10 = 5/6 (cut by the border).
        // Local peak: the higher, 5/6. Global peak: voxels 5, 6 and 7 see both 5s among 7 voxels, 10/7.
        Grid grid = Grid.of(1, 1, 11, 2, 2, 2);
        float[] image = {9, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0};
        boolean[] inside = new boolean[11];
        for (int i = 4; i <= 8; i++) inside[i] = true;
        FeatureSet features = LocalIntensity.compute(RoiImage.of(new Volume(grid, image), new Mask(grid, inside)));
        assertThat(features.get("loc_peak_loc")).isCloseTo(5.0 / 6.0, within(1e-12));
        assertThat(features.get("loc_peak_glob")).isCloseTo(10.0 / 7.0, within(1e-12));
    }

    @Test
    void neighbourhood_includes_image_voxels_outside_the_roi() {
        // Same line; ROI = voxel 3 only (intensity 0), three voxels from the 9 at voxel 0.
        // Peak = mean of voxels 0…6 = 9/7.
        Grid grid = Grid.of(1, 1, 11, 2, 2, 2);
        float[] image = {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        boolean[] inside = new boolean[11];
        inside[3] = true;
        FeatureSet features = LocalIntensity.compute(RoiImage.of(new Volume(grid, image), new Mask(grid, inside)));
        assertThat(features.get("loc_peak_loc")).isCloseTo(9.0 / 7.0, within(1e-12));
        assertThat(features.get("loc_peak_glob")).isCloseTo(9.0 / 7.0, within(1e-12));
    }

    private static double bruteForcePeak(Grid grid, float[] image, int cx, int cy, int cz) {
        double sum = 0;
        int count = 0;
        for (int z = 0; z < grid.nz(); z++) for (int y = 0; y < grid.ny(); y++) for (int x = 0; x < grid.nx(); x++) {
            double dx = (x - cx) * grid.spacing(0), dy = (y - cy) * grid.spacing(1), dz = (z - cz) * grid.spacing(2);
            if (dx * dx + dy * dy + dz * dz <= R * R) {
                sum += image[grid.index(x, y, z)];
                count++;
            }
        }
        return sum / count;
    }
}
