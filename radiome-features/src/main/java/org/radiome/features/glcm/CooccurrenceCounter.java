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
}
