package org.radiome.features.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The hull-pruned diameters (from a vertex list, and straight from the mask) equal PyRadiomics's all-pairs definition exactly. */
class BoundaryVerticesTest {
    @Property(tries = 200)
    void hull_pruned_diameters_equal_all_pairs(@ForAll @IntRange(min = 1, max = 14) int nx, @ForAll @IntRange(min = 1, max = 14) int ny,
                                                @ForAll @IntRange(min = 1, max = 9) int nz, @ForAll long seed,
                                                @ForAll @IntRange(min = 5, max = 95) int fillPercent) {
        Random random = new Random(seed);
        boolean[] mask = new boolean[nx * ny * nz];
        for (int i = 0; i < mask.length; i++) mask[i] = random.nextInt(100) < fillPercent;
        double sx = 0.3 + random.nextDouble() * 3, sy = 0.3 + random.nextDouble() * 3, sz = 0.3 + random.nextDouble() * 6;
        for (boolean inPlane : new boolean[] {false, true}) {
            int[] points = BoundaryVertices.of(mask, nx, ny, nz, inPlane);
            double[] allPairs = BoundaryVertices.diametersByAllPairs(points, sx, sy, sz);
            assertThat(BoundaryVertices.diameters(points, sx, sy, sz)).containsExactly(allPairs);
            assertThat(BoundaryVertices.diameters(mask, nx, ny, nz, inPlane, sx, sy, sz)).containsExactly(allPairs);
        }
    }

    @Test
    void a_single_voxel_has_the_octahedron_diameters() {
        // the six face midpoints of one voxel (spacing 2 × 3 × 5): slice diameter max(2, 3), row and column
        // diameters along the in-plane axis with z, overall the longest axis, 5
        int[] points = BoundaryVertices.of(new boolean[] {true}, 1, 1, 1, false);
        assertThat(BoundaryVertices.diameters(points, 2, 3, 5)).containsExactly(3.0, 5.0, 5.0, 5.0);
        assertThat(BoundaryVertices.diameters(new boolean[] {true}, 1, 1, 1, false, 2, 3, 5)).containsExactly(3.0, 5.0, 5.0, 5.0);
    }
}
