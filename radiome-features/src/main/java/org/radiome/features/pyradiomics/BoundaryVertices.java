package org.radiome.features.pyradiomics;

/**
 * PyRadiomics's maximum diameters of a binary mask: the largest distances between the vertices of its marching-cubes
 * (or marching-squares) surface at iso-level 0.5 ({@code calculate_meshDiameter} in PyRadiomics's C extension). The
 * vertices are the midpoints of the lattice edges between a ROI voxel and a background voxel (the mask padded with
 * background), so the diameters do not depend on how the surface is triangulated.
 *
 * <p>PyRadiomics compares all vertex pairs, O(n²). The same maxima follow exactly from far fewer pairs: the farthest
 * pair of a point set is a pair of vertices of its convex hull. Within each plane of equal z (equal y, equal x) only
 * the vertices of that plane's 2D convex hull are compared (convexity is unchanged by scaling the axes by the voxel
 * spacing, so the hull is built on the exact integer coordinates). For the overall diameter, an endpoint of the
 * farthest pair is a unique maximiser of some linear function over all points, hence also over the points of its own
 * z-plane, so it is a vertex of that plane's hull; the same holds for its y- and x-planes, so only points that are hull
 * vertices in all three of their planes are compared. Any superset of those vertices among the surface points gives
 * the same maxima, so collinear points may be kept or dropped.
 *
 * <p>No vertex list is built. Of the points of a plane with equal in-plane coordinate u, only the lowest and highest
 * other coordinate v can be hull vertices, so one pass over the padded mask enters each vertex into tables of the
 * lowest and highest v per (plane, u): y per (z, x) for the planes of equal z, and z per (y, x), which serves both the
 * planes of equal y (rows of the table) and of equal x (its columns). A plane's lower hull is then a monotone chain
 * over the lowest v, its upper hull one over the highest v (Andrew's algorithm, on exact integers), and the hull
 * vertices are flagged in the tables, so the points that are hull vertices in all three planes are found by lookup.
 *
 * <p>Points are in doubled voxel units (voxel centre (x, y, z) at (2x, 2y, 2z), shifted by 2 to index the tables),
 * so that "in the same plane" is an exact integer comparison; distances are in mm. Each pass is a small method of its
 * own, so that the JIT compiles each once (docs/performance.md). Stateless and thread-safe.
 */
final class BoundaryVertices {
    private BoundaryVertices() {}

    /** Flags of a table cell: its lowest / highest v is a hull vertex of the plane through the cell's table row. */
    private static final int ROW_LOW = 1, ROW_HIGH = 2;
    /** Flags of a table cell: its lowest / highest v is a hull vertex of the plane through the cell's table column. */
    private static final int COLUMN_LOW = 4, COLUMN_HIGH = 8;

    /**
     * PyRadiomics's four diameters (mm) of the surface of {@code mask} over an {@code nx × ny × nz} box: the largest
     * distance between two vertices with equal z (slice), equal y (column), equal x (row), and overall. With
     * {@code inPlane} only the edges within x-y planes count (the vertices of marching squares on each slice).
     */
    static double[] diameters(boolean[] mask, int nx, int ny, int nz, boolean inPlane, double sx, double sy, double sz) {
        if (mask.length != nx * ny * nz) throw new IllegalArgumentException("mask does not fill the box");
        // doubled coordinates lie in [-2, 2n - 1]; shifted by 2 they index the tables
        final int wx = 2 * nx + 2, wy = 2 * ny + 2, wz = 2 * nz + 2;
        PlaneTable slices = new PlaneTable(wz, wx), columns = new PlaneTable(wy, wx);
        enterVertices(padded(mask, nx, ny, nz), nx, ny, nz, inPlane, slices, columns);
        final double hx = 0.5 * sx, hy = 0.5 * sy, hz = 0.5 * sz;
        Hull hull = new Hull(Math.max(wx, wy));
        // slices: planes of equal z are the table's rows (u = x, v = y); columns table: planes of equal y are its rows
        // (u = x, v = z), planes of equal x its columns (u = y, v = z)
        double slice = slices.planeHulls(false, hx, hy, hull);
        double column = columns.planeHulls(false, hx, hz, hull);
        double row = columns.planeHulls(true, hy, hz, hull);
        int[] common = commonHullVertices(slices, columns);
        double all = maxSquaredDistance(common, common.length / 3, hx, hy, hz);
        return new double[] {Math.sqrt(slice), Math.sqrt(column), Math.sqrt(row), Math.sqrt(all)};
    }

    /** {@code mask} with one background voxel on every side. */
    private static boolean[] padded(boolean[] mask, int nx, int ny, int nz) {
        final int px = nx + 2, pxy = px * (ny + 2);
        boolean[] padded = new boolean[pxy * (nz + 2)];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++, i += nx) System.arraycopy(mask, i, padded, 1 + px * (y + 1) + pxy * (z + 1), nx);
        }
        return padded;
    }

    /**
     * One pass over the padded mask, comparing each voxel with its +x, +y (and +z) neighbours by fixed offsets: every
     * edge midpoint between a ROI and a background voxel is entered into the tables.
     */
    private static void enterVertices(boolean[] padded, int nx, int ny, int nz, boolean inPlane, PlaneTable slices, PlaneTable columns) {
        final int px = nx + 2, pxy = px * (ny + 2), wx = slices.width;
        final int[] sLow = slices.low, sHigh = slices.high, cLow = columns.low, cHigh = columns.high;
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
                    if (dx) enter(sLow, sHigh, cLow, cHigh, wx, x2 + 1, y2, z2);
                    if (dy) enter(sLow, sHigh, cLow, cHigh, wx, x2, y2 + 1, z2);
                    if (dz) enter(sLow, sHigh, cLow, cHigh, wx, x2, y2, z2 + 1);
                }
            }
        }
    }

    /** Enters the vertex at shifted doubled coordinates (x, y, z): y into the slice table, z into the column table. */
    private static void enter(int[] sLow, int[] sHigh, int[] cLow, int[] cHigh, int wx, int x, int y, int z) {
        int s = z * wx + x, c = y * wx + x;
        if (y < sLow[s]) sLow[s] = y;
        if (y > sHigh[s]) sHigh[s] = y;
        if (z < cLow[c]) cLow[c] = z;
        if (z > cHigh[c]) cHigh[c] = z;
    }

    /**
     * The lowest and highest v of the points of each (row, column) cell of a {@code rows × width} table, row-major;
     * empty cells hold low = {@link Integer#MAX_VALUE}. Flags mark the cells whose low or high is a hull vertex.
     */
    private static final class PlaneTable {
        final int rows, width;
        final int[] low, high;
        final byte[] flags;

        PlaneTable(int rows, int width) {
            this.rows = rows;
            this.width = width;
            int cells = Math.multiplyExact(rows, width);
            low = new int[cells];
            high = new int[cells];
            flags = new byte[cells];
            java.util.Arrays.fill(low, Integer.MAX_VALUE);
            java.util.Arrays.fill(high, Integer.MIN_VALUE);
        }

        /**
         * Builds the convex hull of every plane, the table's rows (or, {@code transposed}, its columns), flags its
         * vertices and returns the largest squared distance (mm²) between two hull vertices of one plane; {@code hu},
         * {@code hv} are the mm per doubled unit along the plane's u (the table's column index, or row index when
         * transposed) and v.
         */
        double planeHulls(boolean transposed, double hu, double hv, Hull hull) {
            final int planes = transposed ? width : rows, length = transposed ? rows : width;
            final int planeStride = transposed ? 1 : width, uStride = transposed ? width : 1;
            final int lowFlag = transposed ? COLUMN_LOW : ROW_LOW, highFlag = transposed ? COLUMN_HIGH : ROW_HIGH;
            double best = 0;
            for (int k = 0; k < planes; k++) {
                int first = k * planeStride;
                int lower = hull.lowerChain(low, first, uStride, length);
                if (lower == 0) continue; // empty plane
                int upper = hull.upperChain(high, first, uStride, length, lower);
                hull.flag(flags, first, uStride, lower, upper, lowFlag, highFlag);
                best = Math.max(best, hull.maxSquaredDistance(upper, hu, hv));
            }
            return best;
        }
    }

    /**
     * Scratch for one plane's hull: chain vertices as (u, v) in {@code u[]}, {@code v[]}, the lower chain first, then
     * the upper chain.
     */
    private static final class Hull {
        final int[] u, v;

        Hull(int length) {
            u = new int[2 * length + 2];
            v = new int[2 * length + 2];
        }

        /**
         * The lower hull of the points (a, values[first + a · stride]) over the non-empty cells, a increasing: a
         * monotone chain, collinear points dropped. Returns the number of vertices, stored at 0…
         */
        int lowerChain(int[] values, int first, int stride, int length) {
            final int[] u = this.u, v = this.v;
            int h = 0;
            for (int a = 0, cell = first; a < length; a++, cell += stride) {
                final int b = values[cell];
                if (b == Integer.MAX_VALUE) continue;
                while (h >= 2 && cross(u[h - 2], v[h - 2], u[h - 1], v[h - 1], a, b) <= 0) h--;
                u[h] = a;
                v[h++] = b;
            }
            return h;
        }

        /** The upper hull over the highest values, a decreasing (see {@link #lowerChain}), stored from {@code from}; returns its end. */
        int upperChain(int[] values, int first, int stride, int length, int from) {
            final int[] u = this.u, v = this.v;
            int h = from;
            for (int a = length - 1, cell = first + a * stride; a >= 0; a--, cell -= stride) {
                final int b = values[cell];
                if (b == Integer.MIN_VALUE) continue;
                while (h - from >= 2 && cross(u[h - 2], v[h - 2], u[h - 1], v[h - 1], a, b) <= 0) h--;
                u[h] = a;
                v[h++] = b;
            }
            return h;
        }

        /** Flags the cells of the chain vertices: the lower chain's (0…lower) low, the upper chain's high. */
        void flag(byte[] flags, int first, int stride, int lower, int upper, int lowFlag, int highFlag) {
            for (int c = 0; c < lower; c++) flags[first + u[c] * stride] |= (byte) lowFlag;
            for (int c = lower; c < upper; c++) flags[first + u[c] * stride] |= (byte) highFlag;
        }

        /** The largest squared distance (mm²) between two of the first {@code n} chain vertices. */
        double maxSquaredDistance(int n, double hu, double hv) {
            final int[] u = this.u, v = this.v;
            double best = 0;
            for (int a = 0; a < n; a++) {
                final int au = u[a], av = v[a];
                for (int b = a + 1; b < n; b++) {
                    final double du = (au - u[b]) * hu, dv = (av - v[b]) * hv;
                    best = Math.max(best, du * du + dv * dv);
                }
            }
            return best;
        }
    }

    /** Cross product of (a − o) and (b − o). */
    private static long cross(long ou, long ov, long au, long av, long bu, long bv) {
        return (au - ou) * (bv - ov) - (av - ov) * (bu - ou);
    }

    /**
     * The points, as {x, y, z} triples, that are hull vertices of their z-plane ({@code slices} flags), of their
     * y-plane and of their x-plane ({@code columns} flags).
     */
    private static int[] commonHullVertices(PlaneTable slices, PlaneTable columns) {
        final byte[] sFlags = slices.flags;
        int[] out = new int[3 * 64];
        int n = 0;
        for (int s = 0; s < sFlags.length; s++) {
            final int f = sFlags[s];
            if (f == 0) continue;
            if (n + 6 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
            final int y = slices.low[s];
            if ((f & ROW_LOW) != 0) n = addIfCommon(s, y, slices.width, columns, out, n);
            // the high point, unless it is the low one, already taken
            if ((f & ROW_HIGH) != 0 && !(slices.high[s] == y && (f & ROW_LOW) != 0)) n = addIfCommon(s, slices.high[s], slices.width, columns, out, n);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Appends the point at slice-table cell {@code s} (z, x) with this {@code y} to {@code out} at {@code n} if it is a
     * hull vertex of its y-plane and of its x-plane; returns the new length.
     */
    private static int addIfCommon(int s, int y, int wx, PlaneTable columns, int[] out, int n) {
        final int z = s / wx, x = s - z * wx;
        final int c = y * wx + x, g = columns.flags[c];
        final boolean low = z == columns.low[c], high = z == columns.high[c];
        final boolean inColumnHull = low && (g & ROW_LOW) != 0 || high && (g & ROW_HIGH) != 0;
        final boolean inRowHull = low && (g & COLUMN_LOW) != 0 || high && (g & COLUMN_HIGH) != 0;
        if (!(inColumnHull && inRowHull)) return n;
        out[n] = x;
        out[n + 1] = y;
        out[n + 2] = z;
        return n + 3;
    }

    /** The largest squared distance (mm²) between two of the {@code n} points {@code q} ({x, y, z} triples). */
    private static double maxSquaredDistance(int[] q, int n, double hx, double hy, double hz) {
        double best = 0;
        for (int a = 0; a < n; a++) best = Math.max(best, maxSquaredDistanceFrom(q, a, n, hx, hy, hz));
        return best;
    }

    /** The largest squared distance (mm²) from point {@code a} of {@code q} to the points after it. */
    private static double maxSquaredDistanceFrom(int[] q, int a, int n, double hx, double hy, double hz) {
        final int ax = q[3 * a], ay = q[3 * a + 1], az = q[3 * a + 2];
        double best = 0;
        for (int b = 3 * (a + 1); b < 3 * n; b += 3) {
            final double dx = (ax - q[b]) * hx, dy = (ay - q[b + 1]) * hy, dz = (az - q[b + 2]) * hz;
            best = Math.max(best, dx * dx + dy * dy + dz * dz);
        }
        return best;
    }
}
