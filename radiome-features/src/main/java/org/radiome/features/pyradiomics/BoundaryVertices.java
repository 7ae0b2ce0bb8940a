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
     *
     * <p>PyRadiomics compares all vertex pairs, O(n²). The same maxima follow exactly from far fewer pairs: the
     * farthest pair of a point set is a pair of vertices of its convex hull. Within each plane of equal z (equal y,
     * equal x) we therefore keep only the vertices of that plane's 2D convex hull (convexity is unchanged by scaling
     * the axes by the voxel spacing, so the hull is built on the exact integer coordinates), and compare pairs among
     * those. For the overall diameter, an endpoint of the farthest pair is a unique maximiser of some linear function
     * over all points, hence also over the points of its own z-plane, so it is a vertex of that plane's hull: the
     * union of the z-planes' hull vertices holds both endpoints.
     */
    static double[] diameters(int[] p, double sx, double sy, double sz) {
        final double hx = 0.5 * sx, hy = 0.5 * sy, hz = 0.5 * sz;
        int[] sliceHulls = planeHullVertices(p, 2, 0, 1);
        int[] columnHulls = planeHullVertices(p, 1, 0, 2);
        int[] rowHulls = planeHullVertices(p, 0, 1, 2);
        double slice = maxSquaredDistance(p, sliceHulls, 2, hx, hy, hz);
        double column = maxSquaredDistance(p, columnHulls, 1, hx, hy, hz);
        double row = maxSquaredDistance(p, rowHulls, 0, hx, hy, hz);
        double all = maxSquaredDistance(p, sliceHulls, -1, hx, hy, hz);
        return new double[] {Math.sqrt(slice), Math.sqrt(column), Math.sqrt(row), Math.sqrt(all)};
    }

    /**
     * The indices of the points that are vertices of the 2D convex hull of their plane (points sharing coordinate
     * {@code key}), hull coordinates {@code u}, {@code v}; grouped by plane, planes in increasing key order.
     * Andrew's monotone chain on exact integers; collinear points are dropped.
     */
    static int[] planeHullVertices(int[] p, int key, int u, int v) {
        int n = p.length / 3;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(p[3 * a + key], p[3 * b + key]);
            if (c != 0) return c;
            c = Integer.compare(p[3 * a + u], p[3 * b + u]);
            return c != 0 ? c : Integer.compare(p[3 * a + v], p[3 * b + v]);
        });
        int[] out = new int[n];
        int count = 0;
        int[] hull = new int[2 * n + 2];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && p[3 * order[end] + key] == p[3 * order[start] + key]) end++;
            int h = 0;
            for (int pass = 0; pass < 2; pass++) { // lower hull, then upper hull (points in reverse)
                int base = h;
                for (int k = 0; k < end - start; k++) {
                    int i = order[pass == 0 ? start + k : end - 1 - k];
                    while (h - base >= 2 && cross(p, hull[h - 2], hull[h - 1], i, u, v) <= 0) h--;
                    hull[h++] = i;
                }
                h--; // the last point starts the other chain
            }
            if (end - start <= 2) { // one or two points: both are hull vertices
                for (int k = start; k < end; k++) out[count++] = order[k];
            } else {
                for (int k = 0; k < h; k++) out[count++] = hull[k];
            }
            start = end;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private static long cross(int[] p, int o, int a, int b, int u, int v) {
        long ou = p[3 * o + u], ov = p[3 * o + v];
        return (p[3 * a + u] - ou) * (p[3 * b + v] - ov) - (p[3 * a + v] - ov) * (p[3 * b + u] - ou);
    }

    /**
     * The largest squared distance (mm²) between two of the {@code candidates}; with {@code sameKey} ≥ 0 only pairs
     * with equal coordinate {@code sameKey} count.
     */
    private static double maxSquaredDistance(int[] p, int[] candidates, int sameKey, double hx, double hy, double hz) {
        double best = 0;
        final int n = candidates.length;
        for (int i = 0; i < n; i++) {
            final int a = 3 * candidates[i];
            final int ax = p[a], ay = p[a + 1], az = p[a + 2];
            for (int j = i + 1; j < n; j++) {
                final int b = 3 * candidates[j];
                if (sameKey >= 0 && p[a + sameKey] != p[b + sameKey]) {
                    // candidates are grouped by plane: no later candidate shares this one's plane
                    break;
                }
                final double dx = (ax - p[b]) * hx, dy = (ay - p[b + 1]) * hy, dz = (az - p[b + 2]) * hz;
                final double d = dx * dx + dy * dy + dz * dz;
                if (d > best) best = d;
            }
        }
        return best;
    }

    /** All-pairs reference for {@link #diameters} (PyRadiomics's own method), for tests. */
    static double[] diametersByAllPairs(int[] p, double sx, double sy, double sz) {
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
