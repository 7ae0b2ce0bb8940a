package org.radiome.features.glcm;

/**
 * Builds grey level co-occurrence matrices (IBSI 3.6, LFYI) over a flat grey level array.
 *
 * <p>Element {@code (i, j)} of the matrix, stored row-major at {@code (i - 1) * ng + (j - 1)}, counts the
 * voxel pairs {@code (k, k + m)} with grey levels {@code i} and {@code j}, both inside the ROI (level
 * &gt; 0). The symmetric matrix of IBSI, {@code M_m = M_m+ + M_m+^T}, also counts each pair as
 * {@code (j, i)}. Stateless and thread-safe.
 */
final class CooccurrenceCounter {
    private CooccurrenceCounter() {}

    /**
     * Adds the co-occurrences along offset {@code (ox, oy, oz)} (a direction times the distance δ) of the
     * voxels in slices {@code zFrom} (inclusive) to {@code zTo} (exclusive) to {@code counts}. Neighbours
     * may lie in other slices when {@code oz != 0}; pairs leaving the box are not counted.
     *
     * @param levels grey levels 1…ng inside the ROI, 0 outside, x fastest
     * @param counts an {@code ng * ng} matrix to add to
     */
    static void count(int[] levels, int nx, int ny, int nz, int ng, int ox, int oy, int oz,
                      int zFrom, int zTo, boolean symmetric, double[] counts) {
        // Ranges that keep both the voxel and its neighbour inside the box, so the hot loop needs no
        // bounds test.
        final int xLo = Math.max(0, -ox), xHi = Math.min(nx, nx - ox);
        final int yLo = Math.max(0, -oy), yHi = Math.min(ny, ny - oy);
        final int zLo = Math.max(zFrom, -oz), zHi = Math.min(zTo, nz - oz);
        final int offset = ox + nx * (oy + ny * oz);
        for (int z = zLo; z < zHi; z++) {
            for (int y = yLo; y < yHi; y++) {
                final int row = nx * (y + ny * z);
                for (int i = row + xLo, end = row + xHi; i < end; i++) {
                    final int a = levels[i];
                    if (a == 0) continue;
                    final int b = levels[i + offset];
                    if (b == 0) continue;
                    counts[(a - 1) * ng + (b - 1)] += 1.0;
                    if (symmetric) counts[(b - 1) * ng + (a - 1)] += 1.0;
                }
            }
        }
    }

    /**
     * The co-occurrence matrices of the whole box for each offset {@code {ox, oy, oz}} (pairs leaving the box not
     * counted), as {@link #count} would build them one by one. Copies the levels once into a box padded with
     * zeros (outside the ROI) and lists the ROI voxels, so one branch-free pass over the ROI voxels only counts every
     * offset: pairs with a padding or non-ROI neighbour land in a scratch column that is dropped.
     *
     * @param levels grey levels 1…ng inside the ROI, 0 outside, x fastest
     */
    static double[][] countAll(int[] levels, int nx, int ny, int nz, int ng, int[][] offsets, boolean symmetric) {
        int pad = 0;
        for (int[] o : offsets) pad = Math.max(pad, Math.max(Math.abs(o[0]), Math.max(Math.abs(o[1]), Math.abs(o[2]))));
        final int px = nx + 2 * pad, py = ny + 2 * pad, pz = nz + 2 * pad;
        final int[] padded = new int[px * py * pz];
        final int roiVoxels = countNonZero(levels);
        final int[] roi = new int[roiVoxels];     // padded index of each ROI voxel
        final int[] roiLevel = new int[roiVoxels];
        padAndList(levels, nx, ny, nz, pad, padded, roi, roiLevel);
        final int width = ng + 1; // column 0: neighbour outside the ROI
        final int size = width * width, directions = offsets.length;
        final int[] shift = new int[directions];
        for (int d = 0; d < directions; d++) shift[d] = offsets[d][0] + px * (offsets[d][1] + py * offsets[d][2]);
        final int[] pairs = new int[directions * size];
        countPairs(roi, roiLevel, padded, shift, width, size, pairs);
        double[][] out = new double[directions][];
        for (int d = 0; d < directions; d++) out[d] = matrix(pairs, d * size, width, ng, symmetric);
        return out;
    }

    // The passes are small methods of their own: this runs once per case, so the JIT meets the loops mid-run, and as
    // one method each loop got its own on-stack-replacement compilation of the rest of it (docs/performance.md).

    private static int countNonZero(int[] levels) {
        int n = 0;
        for (int v : levels) if (v != 0) n++;
        return n;
    }

    /** Copies the levels into the box padded by {@code pad} and lists the ROI voxels' padded indices and levels. */
    private static void padAndList(int[] levels, int nx, int ny, int nz, int pad, int[] padded, int[] roi, int[] roiLevel) {
        final int px = nx + 2 * pad, py = ny + 2 * pad;
        for (int z = 0, i = 0, r = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                final int row = pad + px * (y + pad + py * (z + pad));
                for (int x = 0; x < nx; x++, i++) {
                    final int a = levels[i];
                    padded[row + x] = a;
                    if (a != 0) {
                        roi[r] = row + x;
                        roiLevel[r] = a;
                        r++;
                    }
                }
            }
        }
    }

    /**
     * One pair table per offset, all offsets of a voxel counted together: the voxel lists are read once, not once per
     * offset, and consecutive increments go to different tables (neighbouring voxels of a homogeneous region hit the
     * same cell of a table, and an increment must wait for the last one to the same cell).
     */
    private static void countPairs(int[] roi, int[] roiLevel, int[] padded, int[] shift, int width, int size, int[] pairs) {
        final int directions = shift.length;
        for (int r = 0; r < roi.length; r++) {
            final int centre = roi[r], row = roiLevel[r] * width;
            for (int d = 0, table = row; d < directions; d++, table += size) pairs[table + padded[centre + shift[d]]]++;
        }
    }

    /** The {@code ng × ng} counts of the pair table at {@code from}, without its column and row 0. */
    private static double[] matrix(int[] pairs, int from, int width, int ng, boolean symmetric) {
        final double[] counts = new double[ng * ng];
        for (int a = 1; a <= ng; a++) {
            for (int b = 1; b <= ng; b++) {
                final int n = pairs[from + a * width + b];
                if (n == 0) continue;
                counts[(a - 1) * ng + (b - 1)] += n;
                if (symmetric) counts[(b - 1) * ng + (a - 1)] += n;
            }
        }
        return counts;
    }
}
