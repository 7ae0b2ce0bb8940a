package org.radiome.features.glrlm;

/**
 * Builds grey level run length matrices (IBSI 3.7, TP0I) over a flat grey level array.
 *
 * <p>A run is a maximal sequence of consecutive voxels along direction {@code m} with the same grey
 * level; it ends at the box edge, at a voxel outside the ROI (level 0) or at a voxel of another level.
 * Element {@code (i, j)}, stored row-major at {@code (i − 1) * maxRun + (j − 1)}, counts the runs of grey
 * level {@code i} and length {@code j}. Stateless and thread-safe.
 */
final class RunLengthCounter {
    private RunLengthCounter() {}

    /**
     * Adds the runs along direction {@code (dx, dy, dz)} within slices {@code zFrom} (inclusive) to
     * {@code zTo} (exclusive) to {@code counts}. Each voxel is visited once as a candidate run start and
     * at most once more while walking a run.
     *
     * @param levels grey levels 1…ng inside the ROI, 0 outside, x fastest
     * @param maxRun the number of run length columns; at least the longest line through the box
     * @param counts an {@code ng * maxRun} matrix to add to
     */
    static void count(int[] levels, int nx, int ny, int nz, int ng, int maxRun, int dx, int dy, int dz,
                      int zFrom, int zTo, double[] counts) {
        final int step = dx + nx * (dy + ny * dz);
        for (int z = zFrom; z < zTo; z++) {
            for (int y = 0; y < ny; y++) {
                int i = nx * (y + ny * z);
                for (int x = 0; x < nx; x++, i++) {
                    final int a = levels[i];
                    if (a == 0) continue;
                    // Not a run start if the previous voxel along m continues the run.
                    if (inside(x - dx, y - dy, z - dz, nx, ny, zFrom, zTo) && levels[i - step] == a) continue;
                    int length = 1;
                    int cx = x + dx, cy = y + dy, cz = z + dz, j = i + step;
                    while (inside(cx, cy, cz, nx, ny, zFrom, zTo) && levels[j] == a) {
                        length++;
                        cx += dx;
                        cy += dy;
                        cz += dz;
                        j += step;
                    }
                    counts[(a - 1) * maxRun + (length - 1)] += 1.0;
                }
            }
        }
    }

    private static boolean inside(int x, int y, int z, int nx, int ny, int zFrom, int zTo) {
        return x >= 0 && x < nx && y >= 0 && y < ny && z >= zFrom && z < zTo;
    }
}
