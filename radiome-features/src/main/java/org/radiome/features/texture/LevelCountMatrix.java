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
        /** Default number of dense columns, and most cells the dense table may have. */
        private static final int DENSE_COLUMNS = 64, DENSE_CELLS = 1 << 20;
        private final int levelCount;
        private final int denseColumns;
        /**
         * Dense counts {@code [(i − 1) · denseColumns + (j − 1)]} and the cells touched, in order; after
         * {@link #addAll} the list is incomplete ({@code untracked}) until the table is scanned.
         */
        private final int[] dense;
        private final int[] touched;
        private int touchedCount;
        private boolean untracked;
        /** Packed keys {@code i << 32 | j} (0: empty slot), their counts, and the filled slots in order. */
        private long[] keys = new long[256];
        private int[] slotCounts = new int[256];
        private int[] filled = new int[256];
        private int entries;
        private long size;
        private long voxels;

        /** @param levelCount N_g; rows must lie in {@code 1…levelCount} */
        public Builder(int levelCount) { this(levelCount, DENSE_COLUMNS); }

        /**
         * A builder whose dense table holds columns {@code 1…maxDenseColumn} (fewer if {@code levelCount × maxDenseColumn}
         * would exceed 2^20 cells), for matrices whose largest column is known: NGLDM's dependence counts are at most
         * the neighbourhood's size plus one.
         *
         * @param levelCount     N_g; rows must lie in {@code 1…levelCount}
         * @param maxDenseColumn the largest column to count in the dense table, {@code ≥ 1}
         */
        public Builder(int levelCount, int maxDenseColumn) {
            if (levelCount < 1) throw new IllegalArgumentException("level count must be positive, was " + levelCount);
            if (maxDenseColumn < 1) throw new IllegalArgumentException("dense columns must be positive, was " + maxDenseColumn);
            this.levelCount = levelCount;
            this.denseColumns = Math.max(1, Math.min(maxDenseColumn, DENSE_CELLS / levelCount));
            this.dense = new int[Math.multiplyExact(levelCount, denseColumns)];
            this.touched = new int[dense.length];
        }

        /** Counts one observation of grey level {@code level} with value {@code j ≥ 1}. */
        public void add(int level, int j) {
            if (level < 1 || level > levelCount) throw new IllegalArgumentException("grey level " + level + " outside 1…" + levelCount);
            if (j < 1) throw new IllegalArgumentException("matrix column must be >= 1, was " + j);
            size++;
            if (j <= denseColumns) {
                final int cell = (level - 1) * denseColumns + (j - 1);
                if (dense[cell]++ == 0) touched[touchedCount++] = cell;
                return;
            }
            final long key = ((long) level << 32) | j;
            final int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (true) {
                final long k = keys[slot];
                if (k == key) {
                    slotCounts[slot]++;
                    break;
                }
                if (k == 0) {
                    keys[slot] = key;
                    slotCounts[slot] = 1;
                    filled[entries++] = slot;
                    if (2 * entries > keys.length) grow();
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }

        /**
         * Counts the observations {@code (levels[k], columns[k])} for {@code k < n} whose level is {@code ≥ 1}, as
         * {@link #add(int, int)} would for each; observations with a level below 1 (voxels outside the ROI) are
         * skipped. For families with many observations per cell (NGLDM: one per voxel, few columns): the dense table
         * is counted without noting the cells touched, and scanned once when the matrix is built.
         */
        public void addAll(int[] levels, int[] columns, int n) {
            if (n > levels.length || n > columns.length) throw new IllegalArgumentException(n + " observations, arrays hold fewer");
            final int[] d = dense;
            final int dc = denseColumns, lc = levelCount;
            long counted = 0;
            for (int k = 0; k < n; k++) {
                final int level = levels[k];
                if (level < 1) continue;
                final int j = columns[k];
                if (level <= lc && j >= 1 && j <= dc) {
                    d[(level - 1) * dc + (j - 1)]++;
                    counted++;
                } else {
                    add(level, j); // checks, or the hash table
                }
            }
            size += counted;
            if (counted > 0) untracked = true;
        }

        /** Makes the touched-cell list complete again after {@link #addAll}. */
        private void track() {
            if (!untracked) return;
            touchedCount = 0;
            for (int cell = 0; cell < dense.length; cell++) if (dense[cell] != 0) touched[touchedCount++] = cell;
            untracked = false;
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
            track();
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
            track();
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
