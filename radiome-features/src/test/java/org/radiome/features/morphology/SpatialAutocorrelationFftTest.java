package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.IbsiReference;
import org.radiome.features.RoiImage;
import org.radiome.features.compliance.ReferenceTable;

/** The Fourier way of {@link SpatialAutocorrelation} against the direct pair loop, its oracle. */
class SpatialAutocorrelationFftTest {
    private static final double RELATIVE = 1e-9;

    /** A random ROI: box, spacing, mask and intensities. */
    record Roi(int nx, int ny, int nz, double sx, double sy, double sz, boolean[] mask, float[] intensities) {
        double mean() {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < mask.length; i++) {
                if (!mask[i]) continue;
                sum += intensities[i];
                n++;
            }
            return sum / n;
        }

        int count() {
            int n = 0;
            for (boolean b : mask) if (b) n++;
            return n;
        }

        @Override public String toString() {
            return nx + "×" + ny + "×" + nz + " spacing (" + sx + ", " + sy + ", " + sz + "), " + count() + " voxels";
        }
    }

    enum Shape { RANDOM_VOXELS, ELLIPSOID, FULL_BOX, SHELL }
    enum Texture { NOISE, OFFSET_NOISE, GRADIENT, FEW_LEVELS }

    static Roi roi(int nx, int ny, int nz, double sx, double sy, double sz, Shape shape, Texture texture, long seed) {
        Random random = new Random(seed);
        boolean[] mask = new boolean[nx * ny * nz];
        float[] intensities = new float[mask.length];
        double cx = (nx - 1) / 2.0, cy = (ny - 1) / 2.0, cz = (nz - 1) / 2.0;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    double ux = (x - cx) / (nx / 2.0), uy = (y - cy) / (ny / 2.0), uz = (z - cz) / (nz / 2.0);
                    double r = ux * ux + uy * uy + uz * uz;
                    mask[i] = switch (shape) {
                        case RANDOM_VOXELS -> random.nextDouble() < 0.4;
                        case ELLIPSOID -> r <= 1;
                        case FULL_BOX -> true;
                        case SHELL -> r <= 1 && r >= 0.5;
                    };
                    intensities[i] = (float) switch (texture) {
                        case NOISE -> random.nextGaussian();
                        case OFFSET_NOISE -> 1000 + 0.01 * random.nextGaussian();
                        case GRADIENT -> 3 * x - 2 * y + 5 * z + random.nextGaussian();
                        case FEW_LEVELS -> random.nextInt(3);
                    };
                }
            }
        }
        mask[0] = true; // at least two voxels with different intensities
        mask[mask.length - 1] = true;
        intensities[0] = -7;
        intensities[mask.length - 1] = 11;
        return new Roi(nx, ny, nz, sx, sy, sz, mask, intensities);
    }

    @Provide
    Arbitrary<Roi> rois() {
        Arbitrary<Integer> side = Arbitraries.integers().between(1, 13);
        Arbitrary<Double> spacing = Arbitraries.doubles().between(0.2, 6.0);
        return Combinators.combine(side, side, side, spacing, spacing, spacing,
                        Arbitraries.of(Shape.class), Arbitraries.of(Texture.class))
                .flatAs((nx, ny, nz, sx, sy, sz, shape, texture) -> Arbitraries.longs()
                        .map(seed -> roi(nx, ny, nz, sx, sy, sz, shape, texture, seed)))
                .filter(r -> r.nx * r.ny * r.nz >= 2);
    }

    private static double[] direct(Roi r) {
        return SpatialAutocorrelation.directPairSums(r.intensities, r.mask, r.mean(), r.nx, r.ny, r.nz, r.sx, r.sy, r.sz);
    }

    private static double[] fourier(Roi r, boolean parallel) {
        return FourierPairSums.pairSums(r.intensities, r.mask, r.mean(), r.nx, r.ny, r.nz, r.sx, r.sy, r.sz,
                parallel);
    }

    private static void assertAgree(Roi r, double[] expected, double[] actual) {
        String[] names = {"Σw", "Σw·d1·d2", "Σw·(d1−d2)²"};
        for (int s = 0; s < 3; s++) {
            assertThat(Math.abs(actual[s] - expected[s]))
                    .as("%s of %s: direct %s, Fourier %s", names[s], r, expected[s], actual[s])
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(expected[s]));
        }
    }

    @Property(tries = 300)
    void fourier_sums_equal_the_direct_pair_sums(@ForAll("rois") Roi r) {
        assertAgree(r, direct(r), fourier(r, false));
    }

    @Test
    void hand_computed_l_shape() {
        // Box 2×2×1, spacing (1, 2, 1); voxels a=(0,0)=1, b=(1,0)=2, c=(0,1)=3; (1,1) outside the mask. μ = 2,
        // deviations −1, 0, 1. Pairs: ab: w = 1, product 0, difference² 1; ac: distance 2, w = 1/2, product −1,
        // difference² 4; bc: distance √5, w = 1/√5, product 0, difference² 1.
        Roi r = new Roi(2, 2, 1, 1, 2, 1, new boolean[] {true, true, true, false}, new float[] {1, 2, 3, 99});
        double[] sums = fourier(r, false);
        assertThat(sums[0]).isCloseTo(1.5 + 1 / Math.sqrt(5), within(1e-14));
        assertThat(sums[1]).isCloseTo(-0.5, within(1e-14));
        assertThat(sums[2]).isCloseTo(3 + 1 / Math.sqrt(5), within(1e-14));
    }

    @Test
    void larger_anisotropic_rois_agree() {
        long seed = 1;
        for (Shape shape : Shape.values()) {
            for (Texture texture : Texture.values()) {
                Roi r = roi(23, 17, 9, 0.78, 0.78, 6.5, shape, texture, seed++);
                assertAgree(r, direct(r), fourier(r, false));
            }
        }
        Roi odd = roi(37, 29, 31, 1.1, 0.6, 2.3, Shape.ELLIPSOID, Texture.GRADIENT, 99); // padded 75 × 64 × 64
        assertAgree(odd, direct(odd), fourier(odd, true));
    }

    @Test
    void parallel_and_sequential_results_are_bit_identical() {
        Roi r = roi(40, 36, 20, 0.7, 0.9, 3.0, Shape.ELLIPSOID, Texture.NOISE, 5);
        assertThat(fourier(r, true)).containsExactly(fourier(r, false));
    }

    @Test
    void compute_takes_the_fourier_way_for_large_rois_and_agrees_with_the_direct_one() {
        Roi r = roi(45, 40, 12, 0.8, 0.8, 5.0, Shape.ELLIPSOID, Texture.GRADIENT, 7);
        assertThat(SpatialAutocorrelation.prefersFft(r.count(), r.nx, r.ny, r.nz)).isTrue();
        double[] d = direct(r);
        double mean = r.mean(), squares = 0;
        int n = r.count();
        for (int i = 0; i < r.mask.length; i++) {
            if (r.mask[i]) squares += (r.intensities[i] - mean) * (r.intensities[i] - mean);
        }
        double moran = n * d[1] / (d[0] * squares), geary = (n - 1) * d[2] / (2 * d[0] * squares);
        var result = SpatialAutocorrelation.compute(r.intensities, r.mask, r.nx, r.ny, r.nz, r.sx, r.sy, r.sz);
        assertThat(Math.abs(result.moranI() - moran)).isLessThanOrEqualTo(RELATIVE * Math.abs(moran));
        assertThat(Math.abs(result.gearyC() - geary)).isLessThanOrEqualTo(RELATIVE * Math.abs(geary));
    }

    @Test
    void the_fourier_way_gives_the_ibsi_reference_values_of_the_digital_phantom() {
        RoiImage phantom = DigitalPhantom.load();
        Roi r = new Roi(phantom.nx(), phantom.ny(), phantom.nz(), phantom.sx(), phantom.sy(), phantom.sz(),
                phantom.intensityMask(), phantom.intensities());
        double[] sums = fourier(r, false);
        double mean = r.mean(), squares = 0;
        int n = r.count();
        for (int i = 0; i < r.mask.length; i++) {
            if (r.mask[i]) squares += (r.intensities[i] - mean) * (r.intensities[i] - mean);
        }
        double moran = n * sums[1] / (sums[0] * squares), geary = (n - 1) * sums[2] / (2 * sums[0] * squares);
        int checked = 0;
        for (ReferenceTable.Row row : IbsiReference.rows("digital_phantom", "morph_")) {
            double actual = switch (row.tag()) {
                case "morph_moran_i" -> moran;
                case "morph_geary_c" -> geary;
                default -> Double.NaN;
            };
            if (Double.isNaN(actual)) continue;
            checked++;
            assertThat(row.matches(actual)).as("%s: expected %s ± %s, actual %s", row.tag(), row.value(),
                    row.tolerance(), actual).isTrue();
        }
        assertThat(checked).isEqualTo(2);
        assertAgree(r, direct(r), sums);
    }

    @Test
    void small_rois_take_the_direct_way() {
        assertThat(SpatialAutocorrelation.prefersFft(74, 5, 4, 4)).isFalse(); // the IBSI digital phantom
        // two voxels at opposite corners of a large box: one pair, against a 1.2-million-voxel padded box
        assertThat(SpatialAutocorrelation.prefersFft(2, 60, 60, 40)).isFalse();
    }

    @Test
    void boxes_beyond_int_indexing_are_refused_by_the_fourier_way() {
        assertThat(SpatialAutocorrelation.prefersFft(1_000_000, 1000, 1000, 600)).isFalse();
        assertThatThrownBy(() -> FourierPairSums.pairSums(new float[0], new boolean[0], 0, 1000, 1000, 600, 1, 1, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000×1000×600");
    }
}
