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
     *
     * <p>One pass over the mask padded with one background voxel on every side, comparing each voxel with its +x,
     * +y (and +z) neighbours by fixed offsets.
     */
    static int[] of(boolean[] mask, int nx, int ny, int nz, boolean inPlane) {
        if (mask.length != nx * ny * nz) throw new IllegalArgumentException("mask does not fill the box");
        final int px = nx + 2, pxy = px * (ny + 2);
        boolean[] padded = new boolean[pxy * (nz + 2)];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++, i += nx) System.arraycopy(mask, i, padded, 1 + px * (y + 1) + pxy * (z + 1), nx);
        }
        int[] out = new int[3 * 64];
        int n = 0;
        for (int z = inPlane ? 0 : -1; z < nz; z++) {
            for (int y = -1; y < ny; y++) {
                int j = px * (y + 1) + pxy * (z + 1); // padded index of (x = -1, y, z)
                for (int x = -1; x < nx; x++, j++) {
                    final boolean here = padded[j];
                    final boolean dx = here != padded[j + 1];
                    final boolean dy = here != padded[j + px];
                    final boolean dz = !inPlane && here != padded[j + pxy];
                    if (!(dx | dy | dz)) continue;
                    if (n + 9 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                    final int x2 = 2 * x, y2 = 2 * y, z2 = 2 * z;
                    if (dx) { out[n++] = x2 + 1; out[n++] = y2; out[n++] = z2; }
                    if (dy) { out[n++] = x2; out[n++] = y2 + 1; out[n++] = z2; }
                    if (dz) { out[n++] = x2; out[n++] = y2; out[n++] = z2 + 1; }
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * PyRadiomics's four diameters (mm) of the surface vertices of {@code mask} ({@link #of}): the same values as
     * {@code diameters(of(mask, nx, ny, nz, inPlane), sx, sy, sz)}, without listing the vertices. The pass over the
     * padded mask enters each vertex straight into the three tables of per-(plane, u) lowest and highest v that
     * {@link #planeHullVertices} builds from a vertex list, so the hulls, and the compared pairs, are the same.
     */
    static double[] diameters(boolean[] mask, int nx, int ny, int nz, boolean inPlane, double sx, double sy, double sz) {
        if (mask.length != nx * ny * nz) throw new IllegalArgumentException("mask does not fill the box");
        final int px = nx + 2, pxy = px * (ny + 2);
        boolean[] padded = new boolean[pxy * (nz + 2)];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++, i += nx) System.arraycopy(mask, i, padded, 1 + px * (y + 1) + pxy * (z + 1), nx);
        }
        // doubled coordinates lie in [-2, 2n - 1]; shifted by 2 they index the tables
        final int wx = 2 * nx + 2, wy = 2 * ny + 2, wz = 2 * nz + 2;
        PlaneTable slices = new PlaneTable(wz, wx), columns = new PlaneTable(wy, wx), rows = new PlaneTable(wx, wy);
        final int[] sLow = slices.low, sHigh = slices.high, cLow = columns.low, cHigh = columns.high, rLow = rows.low, rHigh = rows.high;
        for (int z = inPlane ? 0 : -1; z < nz; z++) {
            for (int y = -1; y < ny; y++) {
                int j = px * (y + 1) + pxy * (z + 1); // padded index of (x = -1, y, z)
                for (int x = -1; x < nx; x++, j++) {
                    final boolean here = padded[j];
                    final boolean dx = here != padded[j + 1];
                    final boolean dy = here != padded[j + px];
                    final boolean dz = !inPlane && here != padded[j + pxy];
                    if (!(dx | dy | dz)) continue;
                    // shifted doubled coordinates of the voxel
                    final int x2 = 2 * x + 2, y2 = 2 * y + 2, z2 = 2 * z + 2;
                    if (dx) enter(sLow, sHigh, cLow, cHigh, rLow, rHigh, wx, wy, x2 + 1, y2, z2);
                    if (dy) enter(sLow, sHigh, cLow, cHigh, rLow, rHigh, wx, wy, x2, y2 + 1, z2);
                    if (dz) enter(sLow, sHigh, cLow, cHigh, rLow, rHigh, wx, wy, x2, y2, z2 + 1);
                }
            }
        }
        return diameters(slices.hullVertices(2, 0, 1, -2, -2, -2), columns.hullVertices(1, 0, 2, -2, -2, -2),
                rows.hullVertices(0, 1, 2, -2, -2, -2), sx, sy, sz);
    }

    /** Enters the vertex at shifted doubled coordinates (x, y, z) into the slice, column and row tables. */
    private static void enter(int[] sLow, int[] sHigh, int[] cLow, int[] cHigh, int[] rLow, int[] rHigh, int wx, int wy,
            int x, int y, int z) {
        int s = z * wx + x, c = y * wx + x, r = x * wy + y;
        if (y < sLow[s]) sLow[s] = y;
        if (y > sHigh[s]) sHigh[s] = y;
        if (z < cLow[c]) cLow[c] = z;
        if (z > cHigh[c]) cHigh[c] = z;
        if (z < rLow[r]) rLow[r] = z;
        if (z > rHigh[r]) rHigh[r] = z;
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
     * union of the z-planes' hull vertices holds both endpoints. The same holds for the y- and x-planes, so only
     * points that are hull vertices in all three of their planes are compared.
     */
    static double[] diameters(int[] p, double sx, double sy, double sz) {
        return diameters(planeHullVertices(p, 2, 0, 1), planeHullVertices(p, 1, 0, 2), planeHullVertices(p, 0, 1, 2), sx, sy, sz);
    }

    private static double[] diameters(int[] sliceHulls, int[] columnHulls, int[] rowHulls, double sx, double sy, double sz) {
        final double hx = 0.5 * sx, hy = 0.5 * sy, hz = 0.5 * sz;
        double slice = maxSquaredDistance(sliceHulls, 2, hx, hy, hz);
        double column = maxSquaredDistance(columnHulls, 1, hx, hy, hz);
        double row = maxSquaredDistance(rowHulls, 0, hx, hy, hz);
        double all = maxSquaredDistance(common(sliceHulls, columnHulls, rowHulls), -1, hx, hy, hz);
        return new double[] {Math.sqrt(slice), Math.sqrt(column), Math.sqrt(row), Math.sqrt(all)};
    }

    /**
     * The points that are vertices of the 2D convex hull of their plane (points sharing coordinate {@code key}), hull
     * coordinates {@code u}, {@code v}, as {x, y, z} triples grouped by plane, planes in increasing key order.
     * Andrew's monotone chain on exact integers; collinear points are dropped.
     *
     * <p>No sort is needed: of the points of a plane with equal {@code u}, only the lowest and highest {@code v} can
     * be hull vertices (the others lie on the segment between them), so one pass keeps those two per (plane, u) in a
     * table indexed by the integer coordinates, which lists them already in the chain's (u, v) order.
     */
    static int[] planeHullVertices(int[] p, int key, int u, int v) {
        final int n = p.length / 3;
        if (n == 0) return new int[0];
        int keyMin = Integer.MAX_VALUE, keyMax = Integer.MIN_VALUE, uMin = Integer.MAX_VALUE, uMax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int k = p[3 * i + key], a = p[3 * i + u];
            if (k < keyMin) keyMin = k;
            if (k > keyMax) keyMax = k;
            if (a < uMin) uMin = a;
            if (a > uMax) uMax = a;
        }
        PlaneTable t = new PlaneTable(keyMax - keyMin + 1, uMax - uMin + 1);
        for (int i = 0; i < n; i++) {
            int cell = (p[3 * i + key] - keyMin) * t.width + (p[3 * i + u] - uMin);
            int b = p[3 * i + v];
            if (b < t.low[cell]) t.low[cell] = b;
            if (b > t.high[cell]) t.high[cell] = b;
        }
        return t.hullVertices(key, u, v, keyMin, uMin, 0);
    }

    /**
     * The lowest and highest v of the points of each (plane, u): {@code keys × width} cells, row-major by plane;
     * empty cells hold low = {@link Integer#MAX_VALUE}.
     */
    private static final class PlaneTable {
        final int keys, width;
        final int[] low, high;

        PlaneTable(int keys, int width) {
            this.keys = keys;
            this.width = width;
            int cells = Math.multiplyExact(keys, width);
            low = new int[cells];
            high = new int[cells];
            java.util.Arrays.fill(low, Integer.MAX_VALUE);
            java.util.Arrays.fill(high, Integer.MIN_VALUE);
        }

        /**
         * The hull vertices of every plane (see {@link #planeHullVertices}), a cell (k, a) being the points with
         * coordinate {@code key} = k + keyOffset, {@code u} = a + uOffset and {@code v} = the cell's low and high
         * + vOffset.
         */
        int[] hullVertices(int key, int u, int v, int keyOffset, int uOffset, int vOffset) {
            int candidates = 0;
            for (int cell = 0; cell < low.length; cell++) {
                if (low[cell] != Integer.MAX_VALUE) candidates += low[cell] == high[cell] ? 1 : 2;
            }
            int[] out = new int[3 * candidates];
            int count = 0;
            // one plane's candidates, (u, v) in increasing order, and its hull as candidate indices
            int[] cu = new int[2 * width], cv = new int[2 * width];
            int[] hull = new int[4 * width + 2];
            for (int k = 0; k < keys; k++) {
                int m = 0;
                for (int a = 0, cell = k * width; a < width; a++, cell++) {
                    if (low[cell] == Integer.MAX_VALUE) continue;
                    cu[m] = a + uOffset;
                    cv[m++] = low[cell];
                    if (high[cell] != low[cell]) {
                        cu[m] = a + uOffset;
                        cv[m++] = high[cell];
                    }
                }
                if (m == 0) continue;
                int h = 0;
                if (m <= 2) { // one or two points: both are hull vertices
                    for (int c = 0; c < m; c++) hull[h++] = c;
                } else {
                    for (int pass = 0; pass < 2; pass++) { // lower hull, then upper hull (points in reverse)
                        int base = h;
                        for (int c = 0; c < m; c++) {
                            int i = pass == 0 ? c : m - 1 - c;
                            while (h - base >= 2 && cross(cu, cv, hull[h - 2], hull[h - 1], i) <= 0) h--;
                            hull[h++] = i;
                        }
                        h--; // the last point starts the other chain
                    }
                }
                for (int c = 0; c < h; c++) {
                    out[count + key] = k + keyOffset;
                    out[count + u] = cu[hull[c]];
                    out[count + v] = cv[hull[c]] + vOffset;
                    count += 3;
                }
            }
            return java.util.Arrays.copyOf(out, count);
        }
    }

    /** Cross product of (a − o) and (b − o) for the points (cu, cv). */
    private static long cross(int[] cu, int[] cv, int o, int a, int b) {
        long ou = cu[o], ov = cv[o];
        return (cu[a] - ou) * (cv[b] - ov) - (cv[a] - ov) * (cu[b] - ou);
    }

    /** The points of {@code a} ({x, y, z} triples) that are also points of {@code b} and of {@code c}. */
    private static int[] common(int[] a, int[] b, int[] c) {
        long[] inB = packedSorted(b), inC = packedSorted(c);
        int[] out = new int[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i += 3) {
            long key = pack(a[i], a[i + 1], a[i + 2]);
            if (java.util.Arrays.binarySearch(inB, key) < 0 || java.util.Arrays.binarySearch(inC, key) < 0) continue;
            out[n++] = a[i];
            out[n++] = a[i + 1];
            out[n++] = a[i + 2];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static long[] packedSorted(int[] q) {
        long[] keys = new long[q.length / 3];
        for (int i = 0; i < keys.length; i++) keys[i] = pack(q[3 * i], q[3 * i + 1], q[3 * i + 2]);
        java.util.Arrays.sort(keys);
        return keys;
    }

    /** A point as one key (coordinates as 21-bit two's-complement fields; boxes are far smaller). */
    private static long pack(int x, int y, int z) {
        final long m = (1L << 21) - 1;
        return ((x & m) << 42) | ((y & m) << 21) | (z & m);
    }

    /**
     * The largest squared distance (mm²) between two of the points {@code q} ({x, y, z} triples); with
     * {@code sameKey} ≥ 0 only pairs with equal coordinate {@code sameKey} count.
     */
    private static double maxSquaredDistance(int[] q, int sameKey, double hx, double hy, double hz) {
        double best = 0;
        final int n = q.length;
        for (int a = 0; a < n; a += 3) {
            final int ax = q[a], ay = q[a + 1], az = q[a + 2];
            for (int b = a + 3; b < n; b += 3) {
                if (sameKey >= 0 && q[a + sameKey] != q[b + sameKey]) {
                    // points are grouped by plane: no later point shares this one's plane
                    break;
                }
                final double dx = (ax - q[b]) * hx, dy = (ay - q[b + 1]) * hy, dz = (az - q[b + 2]) * hz;
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
