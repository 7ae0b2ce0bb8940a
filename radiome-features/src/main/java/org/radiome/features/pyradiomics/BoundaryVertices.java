package org.radiome.features.pyradiomics;

/**
 * The vertices of a marching-cubes (or marching-squares) surface of a binary mask at iso-level 0.5: the midpoints
 * of the lattice edges between a ROI voxel and a background voxel (the mask padded with background). PyRadiomics's
 * diameters are the largest distances between these points ({@code calculate_meshDiameter} in its C extension);
 * they do not depend on how the surface is triangulated.
 *
 * <p>Points are kept in doubled voxel units (voxel centre (x, y, z) at (2x, 2y, 2z)), so that "in the same plane"
 * is an exact integer comparison; distances are in mm. Stateless and thread-safe.
 */
final class BoundaryVertices {
    private BoundaryVertices() {}

    /**
     * Edge midpoints of {@code mask} over an {@code nx × ny × nz} box, as {x, y, z} triples in doubled units; with
     * {@code inPlane} only the edges within x-y planes (the vertices of marching squares on each slice).
     */
    static int[] of(boolean[] mask, int nx, int ny, int nz, boolean inPlane) {
        int[] out = new int[3 * 64];
        int n = 0;
        for (int z = inPlane ? 0 : -1; z < nz; z++) {
            for (int y = -1; y < ny; y++) {
                for (int x = -1; x < nx; x++) {
                    boolean here = inside(mask, nx, ny, nz, x, y, z);
                    int[][] neighbours = {{x + 1, y, z}, {x, y + 1, z}, {x, y, z + 1}};
                    for (int k = 0; k < (inPlane ? 2 : 3); k++) {
                        int[] q = neighbours[k];
                        if (here == inside(mask, nx, ny, nz, q[0], q[1], q[2])) continue;
                        if (n + 3 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                        out[n++] = x + q[0];
                        out[n++] = y + q[1];
                        out[n++] = z + q[2];
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean inside(boolean[] mask, int nx, int ny, int nz, int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz && mask[x + nx * (y + ny * z)];
    }

    /**
     * PyRadiomics's four diameters (mm): the largest distance between two vertices with equal z (slice), equal y
     * (column), equal x (row), and overall.
     */
    static double[] diameters(int[] p, double sx, double sy, double sz) {
        final int n = p.length / 3;
        final double hx = 0.5 * sx, hy = 0.5 * sy, hz = 0.5 * sz;
        double slice = 0, column = 0, row = 0, all = 0;
        for (int a = 0; a < n; a++) {
            final int ax = p[3 * a], ay = p[3 * a + 1], az = p[3 * a + 2];
            for (int b = a + 1; b < n; b++) {
                final int bx = p[3 * b], by = p[3 * b + 1], bz = p[3 * b + 2];
                final double dx = (ax - bx) * hx, dy = (ay - by) * hy, dz = (az - bz) * hz;
                final double d = dx * dx + dy * dy + dz * dz;
                if (d > all) all = d;
                if (az == bz && d > slice) slice = d;
                if (ay == by && d > column) column = d;
                if (ax == bx && d > row) row = d;
            }
        }
        return new double[] {Math.sqrt(slice), Math.sqrt(column), Math.sqrt(row), Math.sqrt(all)};
    }
}
