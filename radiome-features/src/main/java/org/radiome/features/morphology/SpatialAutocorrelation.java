package org.radiome.features.morphology;

/**
 * Moran's I (IBSI N365) and Geary's C (IBSI NPT7) over the voxels of the intensity mask, with weights
 * {@code w = 1/‖X_c,k1 − X_c,k2‖₂}, the inverse Euclidean distance between voxel centres in world coordinates.
 *
 * <p>Both are computed exactly over all {@code N(N−1)/2} unordered pairs (no subsampling). The weights and the
 * summands are symmetric in the pair, so the sums over ordered pairs {@code k1 ≠ k2} in IBSI's formulas are
 * twice the sums over {@code k1 < k2}, and the factor cancels in each ratio:
 * <pre>
 *   I = N · Σ_{k1&lt;k2} w·(x1−μ)(x2−μ) / (Σ_{k1&lt;k2} w · Σ_k (x_k−μ)²)
 *   C = (N−1) · Σ_{k1&lt;k2} w·(x1−x2)² / (2 · Σ_{k1&lt;k2} w · Σ_k (x_k−μ)²)
 * </pre>
 *
 * <p>Speed: the pair loop is O(N²), so it is a tight loop over flat primitive arrays. Voxel centres lie on the
 * grid, so a weight depends only on the integer offset between two voxels. When it fits in
 * {@link #MAX_TABLE_ENTRIES}, the weight of every offset is tabulated once; each voxel gets a linear index
 * {@code L = x + (2nx−1)·(y + (2ny−1)·z)} such that the table entry of the pair is {@code L[k2] − L[k1] + const}
 * (k2 &gt; k1 in raster order, so the z offset is never negative), and the inner loop does one subtraction and
 * one load per pair, no square root or division. Larger boxes compute each weight in the loop; both ways
 * evaluate the identical expression per pair in the same order, so they give bit-identical results.
 *
 * <p>Stateless; thread-safe.
 */
final class SpatialAutocorrelation {
    private SpatialAutocorrelation() {}

    /** Largest weight table (doubles, 32 MiB); beyond it weights are computed per pair. */
    static final int MAX_TABLE_ENTRIES = 1 << 22;

    /** Moran's I and Geary's C of one ROI. */
    record Result(double moranI, double gearyC) {}

    /**
     * Moran's I and Geary's C of the intensities inside {@code mask} (box {@code nx×ny×nz}, x fastest, spacing
     * in mm).
     *
     * <p>Degenerate cases, for which IBSI defines no value: with fewer than two voxels there are no pairs
     * (Σw = 0), and with a single intensity value Σ(x−μ)² = 0; both features are then 0/0 and reported as
     * {@code NaN}. Constant intensities are detected exactly (minimum = maximum), not through a round-off-prone
     * variance.
     */
    static Result compute(float[] intensities, boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        int n = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) continue;
            n++;
            sum += intensities[i];
            min = Math.min(min, intensities[i]);
            max = Math.max(max, intensities[i]);
        }
        if (n < 2 || min == max) return new Result(Double.NaN, Double.NaN);
        double mean = sum / n;
        int[] x = new int[n], y = new int[n], z = new int[n];
        double[] deviation = new double[n];
        double squares = 0;
        for (int k = 0, i = 0, j = 0; k < nz; k++) {
            for (int b = 0; b < ny; b++) {
                for (int a = 0; a < nx; a++, i++) {
                    if (!mask[i]) continue;
                    x[j] = a;
                    y[j] = b;
                    z[j] = k;
                    double d = intensities[i] - mean;
                    deviation[j++] = d;
                    squares += d * d;
                }
            }
        }
        long tableSize = (2L * nx - 1) * (2L * ny - 1) * nz;
        double[] sums = tableSize <= MAX_TABLE_ENTRIES
                ? pairSumsTabulated(x, y, z, deviation, nx, ny, nz, sx, sy, sz)
                : pairSumsDirect(x, y, z, deviation, sx, sy, sz);
        double weights = sums[0], cross = sums[1], differences = sums[2];
        double moran = n * cross / (weights * squares);
        double geary = (n - 1) * differences / (2 * weights * squares);
        return new Result(moran, geary);
    }

    /** The weight of a pair of voxels whose centres differ by {@code (dx, dy, dz)} voxels. */
    private static double weight(int dx, int dy, int dz, double sx, double sy, double sz) {
        double ex = dx * sx, ey = dy * sy, ez = dz * sz;
        return 1.0 / Math.sqrt(ex * ex + ey * ey + ez * ez);
    }

    /**
     * {Σw, Σw·d1·d2, Σw·(d1−d2)²} over pairs k1 &lt; k2, with weights looked up by offset. Voxels are in raster
     * order, so {@code z[k2] ≥ z[k1]} and the table covers offsets x ∈ (−nx, nx), y ∈ (−ny, ny), z ∈ [0, nz).
     */
    static double[] pairSumsTabulated(int[] x, int[] y, int[] z, double[] d, int nx, int ny, int nz,
                                              double sx, double sy, double sz) {
        int wx = 2 * nx - 1, wy = 2 * ny - 1;
        double[] table = new double[wx * wy * nz];
        for (int c = 0, t = 0; c < nz; c++) {
            for (int b = 1 - ny; b < ny; b++) {
                for (int a = 1 - nx; a < nx; a++, t++) {
                    if (a != 0 || b != 0 || c != 0) table[t] = weight(a, b, c, sx, sy, sz);
                }
            }
        }
        int n = d.length;
        int[] linear = new int[n];
        for (int k = 0; k < n; k++) linear[k] = x[k] + wx * (y[k] + wy * z[k]);
        int centre = (nx - 1) + wx * (ny - 1); // table index of offset (0, 0, 0)
        double weights = 0, cross = 0, differences = 0;
        for (int k1 = 0; k1 < n - 1; k1++) {
            int base = centre - linear[k1];
            double d1 = d[k1];
            double rowWeights = 0, rowCross = 0, rowDifferences = 0;
            for (int k2 = k1 + 1; k2 < n; k2++) {
                double w = table[linear[k2] + base];
                double d2 = d[k2];
                double e = d2 - d1;
                rowWeights += w;
                rowCross += w * d2;
                rowDifferences += w * e * e;
            }
            weights += rowWeights;
            cross += d1 * rowCross;
            differences += rowDifferences;
        }
        return new double[] {weights, cross, differences};
    }

    /** As {@link #pairSumsTabulated}, computing each weight in the loop (boxes too large for a table). */
    static double[] pairSumsDirect(int[] x, int[] y, int[] z, double[] d, double sx, double sy, double sz) {
        int n = d.length;
        double weights = 0, cross = 0, differences = 0;
        for (int k1 = 0; k1 < n - 1; k1++) {
            int x1 = x[k1], y1 = y[k1], z1 = z[k1];
            double d1 = d[k1];
            double rowWeights = 0, rowCross = 0, rowDifferences = 0;
            for (int k2 = k1 + 1; k2 < n; k2++) {
                double w = weight(x[k2] - x1, y[k2] - y1, z[k2] - z1, sx, sy, sz);
                double d2 = d[k2];
                double e = d2 - d1;
                rowWeights += w;
                rowCross += w * d2;
                rowDifferences += w * e * e;
            }
            weights += rowWeights;
            cross += d1 * rowCross;
            differences += rowDifferences;
        }
        return new double[] {weights, cross, differences};
    }
}
