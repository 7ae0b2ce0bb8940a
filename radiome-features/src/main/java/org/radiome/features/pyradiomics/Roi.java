package org.radiome.features.pyradiomics;

import org.radiome.features.discretisation.GreyLevels;

/**
 * An image cropped to the bounding box of its ROI mask, in double precision, x fastest
 * ({@code x + nx * (y + ny * z)}, the memory order of PyRadiomics's (z, y, x) arrays). Read-only by convention.
 */
final class Roi {
    final int nx, ny, nz;
    final double sx, sy, sz;
    final double[] values;
    final boolean[] mask;

    Roi(int nx, int ny, int nz, double sx, double sy, double sz, double[] values, boolean[] mask) {
        if (values.length != nx * ny * nz || mask.length != values.length) throw new IllegalArgumentException("arrays do not fill the box");
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
        this.values = values;
        this.mask = mask;
    }

    /** Counted on first use (a benign race: every thread computes the same count). */
    private int voxelCount = -1;

    int voxelCount() {
        int n = voxelCount;
        if (n < 0) {
            n = 0;
            for (boolean b : mask) if (b) n++;
            voxelCount = n;
        }
        return n;
    }

    /** The intensities inside the mask, in voxel order. */
    double[] maskedValues() {
        double[] out = new double[voxelCount()];
        for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = values[i];
        return out;
    }

    /**
     * The grey levels of PyRadiomics's {@code binImage}: each ROI voxel's bin ({@link BinEdges}), 0 outside the ROI,
     * with N_g the highest level present.
     */
    GreyLevels greyLevels(PyRadiomicsSettings settings) {
        double[] edges = BinEdges.of(maskedValues(), settings.binWidth(), settings.binCount());
        int[] levels = new int[values.length];
        int highest = bin(values, mask, edges, levels);
        return new GreyLevels(nx, ny, nz, levels, highest);
    }

    /**
     * Writes the bin of each ROI voxel to {@code levels}; returns the highest. (A method of its own, so that the JIT
     * compiles the loop once, not within each caller it meets mid-run: docs/performance.md.)
     */
    private static int bin(double[] values, boolean[] mask, double[] edges, int[] levels) {
        int highest = 0;
        double first = edges[0], inverseWidth = BinEdges.inverseWidth(edges);
        for (int i = 0; i < values.length; i++) {
            if (!mask[i]) continue;
            levels[i] = BinEdges.bin(values[i], edges, first, inverseWidth);
            highest = Math.max(highest, levels[i]);
        }
        return highest;
    }

    /**
     * This box with its axes reordered so that PyRadiomics's out-of-plane axis {@code force2Ddimension} (0 = z,
     * 1 = y, 2 = x) becomes z, the other two keeping their order; itself for 0. Texture matrices in force2D mode
     * are then computed over the x-y planes.
     */
    Roi withOutOfPlaneAxisLast(int force2Ddimension) {
        if (force2Ddimension == 0) return this;
        // new axes (a, b, c) = old axes given as indices into (x, y, z)
        int[] order = force2Ddimension == 1 ? new int[] {0, 2, 1} : new int[] {1, 2, 0};
        int[] n = {nx, ny, nz};
        double[] s = {sx, sy, sz};
        int na = n[order[0]], nb = n[order[1]], nc = n[order[2]];
        double[] v = new double[values.length];
        boolean[] m = new boolean[mask.length];
        int[] old = new int[3];
        for (int c = 0, j = 0; c < nc; c++) {
            for (int b = 0; b < nb; b++) {
                for (int a = 0; a < na; a++, j++) {
                    old[order[0]] = a;
                    old[order[1]] = b;
                    old[order[2]] = c;
                    int i = old[0] + nx * (old[1] + ny * old[2]);
                    v[j] = values[i];
                    m[j] = mask[i];
                }
            }
        }
        return new Roi(na, nb, nc, s[order[0]], s[order[1]], s[order[2]], v, m);
    }
}
