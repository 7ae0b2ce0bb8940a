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
     * {@code zTo} (exclusive) to {@code counts}. Walks every line of the box along the direction once; a run
     * is recorded where the grey level changes, without a data-dependent branch per voxel (short, random
     * runs made the branches of a per-run walk mispredict about every other voxel).
     *
     * @param levels grey levels 1…ng inside the ROI, 0 outside, x fastest
     * @param maxRun the number of run length columns; at least the longest line through the box
     * @param counts an {@code ng * maxRun} matrix to add to
     */
    static void count(int[] levels, int nx, int ny, int nz, int ng, int maxRun, int dx, int dy, int dz,
                      int zFrom, int zTo, double[] counts) {
        final int step = dx + nx * (dy + ny * dz);
        // Runs by (level, length) with level 0 (runs outside the ROI) and length 0 as scratch row and column.
        final int width = maxRun + 1;
        final int[] runs = new int[(ng + 1) * width];
        final int slabDepth = zTo - zFrom;
        for (int z = zFrom; z < zTo; z++) {
            final boolean zPred = z - dz >= zFrom && z - dz < zTo;
            final int zSteps = stepsLeft(z - zFrom, slabDepth, dz);
            for (int y = 0; y < ny; y++) {
                final boolean yzPred = zPred && y - dy >= 0 && y - dy < ny;
                final int yzSteps = Math.min(zSteps, stepsLeft(y, ny, dy));
                final int row = nx * (y + ny * z);
                if (!yzPred) {
                    // Every voxel of this row starts a line: its predecessor lies outside in y or z.
                    for (int x = 0; x < nx; x++) {
                        walkLine(levels, row + x, step, 1 + Math.min(yzSteps, stepsLeft(x, nx, dx)), width, runs);
                    }
                } else {
                    // Only voxels whose predecessor leaves the box in x start a line (none when dx = 0).
                    final int xFrom = dx > 0 ? 0 : Math.max(0, nx + dx), xTo = dx > 0 ? Math.min(dx, nx) : dx < 0 ? nx : 0;
                    for (int x = xFrom; x < xTo; x++) {
                        walkLine(levels, row + x, step, 1 + Math.min(yzSteps, stepsLeft(x, nx, dx)), width, runs);
                    }
                }
            }
        }
        for (int a = 1; a <= ng; a++) {
            for (int length = 1; length <= maxRun; length++) {
                final int n = runs[a * width + length];
                if (n != 0) counts[(a - 1) * maxRun + (length - 1)] += n;
            }
        }
    }

    /**
     * Adds the runs of the {@code voxels} voxels from {@code start} on, {@code step} apart, to {@code runs}
     * ({@code level * width + length}). Branch-free per voxel: the run that ends before a level change is
     * added with weight 1, otherwise weight 0 is added to the growing run's cell.
     */
    private static void walkLine(int[] levels, int start, int step, int voxels, int width, int[] runs) {
        int previous = 0, length = 0;
        for (int k = 0, j = start; k < voxels; k++, j += step) {
            final int a = levels[j];
            final int diff = a ^ previous;
            final int change = (diff | -diff) >>> 31; // 1 if the level changes here, else 0
            runs[previous * width + length] += change;
            length = (length & (change - 1)) + 1;    // 1 after a change, else length + 1
            previous = a;
        }
        runs[previous * width + length] += 1;
    }

    /** Steps of {@code d} that keep coordinate {@code c} inside {@code 0…n−1}. */
    private static int stepsLeft(int c, int n, int d) {
        return d > 0 ? (n - 1 - c) / d : d < 0 ? c / -d : Integer.MAX_VALUE;
    }
}
