package org.radiome.features.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The hull-pruned diameters equal PyRadiomics's definition exactly: the largest distances over all pairs of surface
 * vertices (edge midpoints between a ROI voxel and a background voxel), listed here by brute force.
 */
class BoundaryVerticesTest {
    @Property(tries = 300)
    void hull_pruned_diameters_equal_all_pairs(@ForAll @IntRange(min = 1, max = 14) int nx, @ForAll @IntRange(min = 1, max = 14) int ny,
                                                @ForAll @IntRange(min = 1, max = 9) int nz, @ForAll long seed,
                                                @ForAll @IntRange(min = 5, max = 95) int fillPercent) {
        Random random = new Random(seed);
        boolean[] mask = new boolean[nx * ny * nz];
        for (int i = 0; i < mask.length; i++) mask[i] = random.nextInt(100) < fillPercent;
        double sx = 0.3 + random.nextDouble() * 3, sy = 0.3 + random.nextDouble() * 3, sz = 0.3 + random.nextDouble() * 6;
        assertThat(BoundaryVertices.diameters(mask, nx, ny, nz, false, sx, sy, sz))
                .containsExactly(allPairs(vertices(mask, nx, ny, nz, false), sx, sy, sz));
        for (int z = 0; z < nz; z++) { // marching squares on one slice, as Shape2D uses it
            boolean[] slice = java.util.Arrays.copyOfRange(mask, z * nx * ny, (z + 1) * nx * ny);
            assertThat(BoundaryVertices.diameters(slice, nx, ny, 1, true, sx, sy, 1))
                    .containsExactly(allPairs(vertices(slice, nx, ny, 1, true), sx, sy, 1));
        }
    }

    @Property(tries = 100)
    void a_solid_ellipsoid_has_the_all_pairs_diameters(@ForAll @IntRange(min = 1, max = 12) int rx, @ForAll @IntRange(min = 1, max = 12) int ry,
                                                       @ForAll @IntRange(min = 1, max = 6) int rz) {
        // convex, with many collinear and cocircular surface points: the hull's degenerate cases
        int nx = 2 * rx + 1, ny = 2 * ry + 1, nz = 2 * rz + 1;
        boolean[] mask = new boolean[nx * ny * nz];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    double u = (x - rx) / (rx + 0.5), v = (y - ry) / (ry + 0.5), w = (z - rz) / (rz + 0.5);
                    mask[i] = u * u + v * v + w * w <= 1;
                }
            }
        }
        assertThat(BoundaryVertices.diameters(mask, nx, ny, nz, false, 0.8, 0.8, 2.5))
                .containsExactly(allPairs(vertices(mask, nx, ny, nz, false), 0.8, 0.8, 2.5));
    }

    @Test
    void a_single_voxel_has_the_octahedron_diameters() {
        // the six face midpoints of one voxel (spacing 2 × 3 × 5): slice diameter max(2, 3), row and column
        // diameters along the in-plane axis with z, overall the longest axis, 5
        assertThat(BoundaryVertices.diameters(new boolean[] {true}, 1, 1, 1, false, 2, 3, 5)).containsExactly(3.0, 5.0, 5.0, 5.0);
    }

    /**
     * The surface vertices, in doubled voxel units: the midpoint of every lattice edge (along x, y and, unless
     * {@code inPlane}, z) whose two voxels differ, voxels outside the box counting as background.
     */
    private static List<int[]> vertices(boolean[] mask, int nx, int ny, int nz, boolean inPlane) {
        List<int[]> out = new ArrayList<>();
        for (int z = -1; z <= nz; z++) {
            for (int y = -1; y <= ny; y++) {
                for (int x = -1; x <= nx; x++) {
                    boolean here = inside(mask, nx, ny, nz, x, y, z);
                    if (inPlane && (z < 0 || z >= nz)) continue;
                    if (here != inside(mask, nx, ny, nz, x + 1, y, z)) out.add(new int[] {2 * x + 1, 2 * y, 2 * z});
                    if (here != inside(mask, nx, ny, nz, x, y + 1, z)) out.add(new int[] {2 * x, 2 * y + 1, 2 * z});
                    if (!inPlane && here != inside(mask, nx, ny, nz, x, y, z + 1)) out.add(new int[] {2 * x, 2 * y, 2 * z + 1});
                }
            }
        }
        return out;
    }

    private static boolean inside(boolean[] mask, int nx, int ny, int nz, int x, int y, int z) {
        return x >= 0 && x < nx && y >= 0 && y < ny && z >= 0 && z < nz && mask[x + nx * (y + ny * z)];
    }

    /** PyRadiomics's own method: the largest distance over all vertex pairs with equal z, y, x, and overall. */
    private static double[] allPairs(List<int[]> p, double sx, double sy, double sz) {
        final double hx = 0.5 * sx, hy = 0.5 * sy, hz = 0.5 * sz;
        double slice = 0, column = 0, row = 0, all = 0;
        for (int a = 0; a < p.size(); a++) {
            int[] pa = p.get(a);
            for (int b = a + 1; b < p.size(); b++) {
                int[] pb = p.get(b);
                double dx = (pa[0] - pb[0]) * hx, dy = (pa[1] - pb[1]) * hy, dz = (pa[2] - pb[2]) * hz;
                double d = dx * dx + dy * dy + dz * dz;
                all = Math.max(all, d);
                if (pa[2] == pb[2]) slice = Math.max(slice, d);
                if (pa[1] == pb[1]) column = Math.max(column, d);
                if (pa[0] == pb[0]) row = Math.max(row, d);
            }
        }
        return new double[] {Math.sqrt(slice), Math.sqrt(column), Math.sqrt(row), Math.sqrt(all)};
    }
}
