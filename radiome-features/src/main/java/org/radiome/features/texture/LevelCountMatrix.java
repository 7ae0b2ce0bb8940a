package org.radiome.features.texture;

import java.util.Arrays;

/**
 * A sparse grey level × count matrix {@code s_ij} (GLSZM, GLDZM, NGLDM) and its
 * {@link LevelCountFeature}s.
 *
 * <p>The second index {@code j} can be as large as the ROI (zone sizes), so the matrix keeps only its
 * non-zero entries: at most one per zone or voxel. Marginal sums are dense over {@code 1…levelCount}
 * and {@code 1…max j}. Immutable and thread-safe once built; the {@link Builder} is not thread-safe.
 */
public final class LevelCountMatrix {
    private final int levelCount;
    private final int[] rows;
    private final int[] columns;
    private final double[] counts;
    private final int entryCount;
    private final int maxColumn;
    private final double total;
    private final double voxelCount;

    private LevelCountMatrix(int levelCount, int[] rows, int[] columns, double[] counts, int entryCount,
                             int maxColumn, double total, double voxelCount) {
        this.levelCount = levelCount;
        this.rows = rows;
        this.columns = columns;
        this.counts = counts;
        this.entryCount = entryCount;
        this.maxColumn = maxColumn;
        this.total = total;
        this.voxelCount = voxelCount;
    }

    /** {@code N_s}: the sum of all entries (zones, or neighbourhoods for NGLDM). */
    public double total() { return total; }

    /** {@code N_v}: the number of voxels the matrix was built from (summed over merged slices). */
    public double voxelCount() { return voxelCount; }

    /** {@code s_ij}: the count of grey level {@code level} against column {@code j} (0 where no entry). */
    public double count(int level, int j) {
        for (int k = 0; k < entryCount; k++) if (rows[k] == level && columns[k] == j) return counts[k];
        return 0;
    }

    /** N_g of the matrix's rows. */
    public int levelCount() { return levelCount; }

    /** The largest column {@code j} with an entry (0 for an empty matrix). */
    public int maxColumn() { return maxColumn; }

    /**
     * All {@link LevelCountFeature}s, indexed by {@link LevelCountFeature#ordinal()}.
     *
     * @throws IllegalStateException if the matrix is empty ({@code N_s = 0}); IBSI defines no value then.
     *         Callers only build matrices from non-empty ROIs or slices, which always have entries.
     */
    public double[] features() {
        if (total == 0) throw new IllegalStateException("empty grey level count matrix: features are undefined");
        double[] f = new double[LevelCountStatistics.featureCount()];
        new LevelCountStatistics(levelCount, maxColumn).compute(rows, columns, counts, entryCount, voxelCount, f);
        return f;
    }

    /**
     * Collects {@code (i, j)} observations, one per zone or neighbourhood, and the voxel count. Merging
     * matrices (IBSI 2.5D) is adding the observations and voxels of every slice to one builder.
     *
     * <p>Equal observations are counted as they come: small {@code j} (all of NGLDM's, most zone sizes and
     * distances) in a dense {@code N_g × J} table, larger {@code j} in an open-addressing hash table of packed
     * {@code (i, j)} keys, so memory grows with the number of distinct entries, not of observations.
     */
    public static final class Builder {
        /** Most columns of the dense table, and most cells it may have. */
        private static final int DENSE_COLUMNS = 64, DENSE_CELLS = 1 << 20;
        private final int levelCount;
        private final int denseColumns;
        /** Dense counts {@code [(i − 1) · denseColumns + (j − 1)]} and the cells touched, in order. */
        private final int[] dense;
        private final int[] touched;
        private int touchedCount;
        /** Packed keys {@code i << 32 | j} (0: empty slot), their counts, and the filled slots in order. */
        private long[] keys = new long[256];
        private int[] slotCounts = new int[256];
        private int[] filled = new int[256];
        private int entries;
        private long size;
        private long voxels;

        /** @param levelCount N_g; rows must lie in {@code 1…levelCount} */
        public Builder(int levelCount) {
            if (levelCount < 1) throw new IllegalArgumentException("level count must be positive, was " + levelCount);
            this.levelCount = levelCount;
            this.denseColumns = Math.min(DENSE_COLUMNS, DENSE_CELLS / levelCount);
            this.dense = new int[Math.multiplyExact(levelCount, denseColumns)];
            this.touched = new int[dense.length];
        }

        /** Counts one observation of grey level {@code level} with value {@code j ≥ 1}. */
        public void add(int level, int j) { add(level, j, 1); }

        /**
         * Counts {@code n ≥ 0} equal observations of grey level {@code level} with value {@code j ≥ 1} at once, as
         * {@code n} calls of {@link #add(int, int)} would (for builders that count in a table of their own).
         */
        public void add(int level, int j, int n) {
            if (level < 1 || level > levelCount) throw new IllegalArgumentException("grey level " + level + " outside 1…" + levelCount);
            if (j < 1) throw new IllegalArgumentException("matrix column must be >= 1, was " + j);
            if (n <= 0) {
                if (n < 0) throw new IllegalArgumentException("observation count must be >= 0, was " + n);
                return;
            }
            size += n;
            if (j <= denseColumns) {
                final int cell = (level - 1) * denseColumns + (j - 1);
                if (dense[cell] == 0) touched[touchedCount++] = cell;
                dense[cell] += n;
                return;
            }
            final long key = ((long) level << 32) | j;
            final int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (true) {
                final long k = keys[slot];
                if (k == key) {
                    slotCounts[slot] += n;
                    break;
                }
                if (k == 0) {
                    keys[slot] = key;
                    slotCounts[slot] = n;
                    filled[entries++] = slot;
                    if (2 * entries > keys.length) grow();
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = slotCounts;
            int[] oldFilled = filled;
            keys = new long[oldKeys.length * 2];
            slotCounts = new int[keys.length];
            filled = new int[keys.length];
            final int mask = keys.length - 1;
            for (int e = 0; e < entries; e++) {
                final int old = oldFilled[e];
                int slot = hash(oldKeys[old]) & mask;
                while (keys[slot] != 0) slot = (slot + 1) & mask;
                keys[slot] = oldKeys[old];
                slotCounts[slot] = oldCounts[old];
                filled[e] = slot;
            }
        }

        /** Adds {@code n} to N_v. */
        public void addVoxels(long n) { voxels += n; }

        /** N_v so far. */
        public long voxels() { return voxels; }

        /** Forgets all observations and voxels, keeping the buffers. */
        public void clear() {
            for (int e = 0; e < entries; e++) {
                keys[filled[e]] = 0;
                slotCounts[filled[e]] = 0;
            }
            entries = 0;
            for (int t = 0; t < touchedCount; t++) dense[touched[t]] = 0;
            touchedCount = 0;
            size = 0;
            voxels = 0;
        }

        /** The matrix of the observations so far: equal {@code (i, j)} pairs are summed into one entry, in increasing (i, j) order. */
        public LevelCountMatrix build() {
            final int total = touchedCount + entries;
            long[] sorted = new long[total];
            for (int t = 0; t < touchedCount; t++) {
                final int cell = touched[t];
                sorted[t] = ((long) (cell / denseColumns + 1) << 32) | (cell % denseColumns + 1);
            }
            for (int e = 0; e < entries; e++) sorted[touchedCount + e] = keys[filled[e]];
            Arrays.sort(sorted);
            int[] r = new int[total];
            int[] c = new int[total];
            double[] n = new double[total];
            int maxColumn = 0;
            final int mask = keys.length - 1;
            for (int e = 0; e < total; e++) {
                final long key = sorted[e];
                r[e] = (int) (key >>> 32);
                c[e] = (int) key;
                if (c[e] <= denseColumns) {
                    n[e] = dense[(r[e] - 1) * denseColumns + (c[e] - 1)];
                } else {
                    int slot = hash(key) & mask;
                    while (keys[slot] != key) slot = (slot + 1) & mask;
                    n[e] = slotCounts[slot];
                }
                maxColumn = Math.max(maxColumn, c[e]);
            }
            return new LevelCountMatrix(levelCount, r, c, n, total, maxColumn, size, voxels);
        }
    }
}
