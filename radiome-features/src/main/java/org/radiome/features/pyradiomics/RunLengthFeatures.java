package org.radiome.features.pyradiomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.glrlm.Glrlm;

/**
 * PyRadiomics's GLRLM class ({@code radiomics/glrlm.py}) on the IBSI GLRLM family's run counter and formulas
 * ({@link Glrlm#runLengthMatrix}, {@link Glrlm#featuresOf}). What differs:
 *
 * <ul>
 *   <li><b>Angles</b>: one matrix per offset of {@link Angles} (13 in 3D, 4 with force2D), over the whole box.</li>
 *   <li><b>Angles without a run of two</b>: PyRadiomics empties the matrix of an angle along which no line
 *       through the box holds two ROI voxels (the ROI is "2D for this angle") and then drops it like any empty
 *       angle; IBSI keeps such matrices.</li>
 *   <li><b>Aggregation</b>: without {@code weightingNorm}, features are averaged over the remaining angles; with one,
 *       the matrices are summed with weights equal to the offset's length in mm under that norm (not the GLCM's
 *       exponential; 1 for {@code no_weighting}), and N_p of run percentage is that of the sum,
 *       {@code Σ j r_ij}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class RunLengthFeatures {
    private RunLengthFeatures() {}

    private static final Map<String, Glrlm.Feature> NAMES = new LinkedHashMap<>();
    static {
        NAMES.put("ShortRunEmphasis", Glrlm.Feature.SRE);
        NAMES.put("LongRunEmphasis", Glrlm.Feature.LRE);
        NAMES.put("GrayLevelNonUniformity", Glrlm.Feature.GLNU);
        NAMES.put("GrayLevelNonUniformityNormalized", Glrlm.Feature.GLNU_NORM);
        NAMES.put("RunLengthNonUniformity", Glrlm.Feature.RLNU);
        NAMES.put("RunLengthNonUniformityNormalized", Glrlm.Feature.RLNU_NORM);
        NAMES.put("RunPercentage", Glrlm.Feature.R_PERC);
        NAMES.put("GrayLevelVariance", Glrlm.Feature.GL_VAR);
        NAMES.put("RunVariance", Glrlm.Feature.RL_VAR);
        NAMES.put("RunEntropy", Glrlm.Feature.RL_ENTR);
        NAMES.put("LowGrayLevelRunEmphasis", Glrlm.Feature.LGRE);
        NAMES.put("HighGrayLevelRunEmphasis", Glrlm.Feature.HGRE);
        NAMES.put("ShortRunLowGrayLevelEmphasis", Glrlm.Feature.SRLGE);
        NAMES.put("ShortRunHighGrayLevelEmphasis", Glrlm.Feature.SRHGE);
        NAMES.put("LongRunLowGrayLevelEmphasis", Glrlm.Feature.LRLGE);
        NAMES.put("LongRunHighGrayLevelEmphasis", Glrlm.Feature.LRHGE);
    }

    /** The per-angle run length matrices as PyRadiomics keeps them (angles without a run of two emptied). */
    static List<double[]> matrices(GreyLevels g, List<int[]> angles) {
        double[][] counts = Glrlm.runLengthMatrices(g, angles.toArray(new int[0][]));
        List<double[]> out = new ArrayList<>(angles.size());
        for (int a = 0; a < counts.length; a++) {
            double[] m = counts[a];
            if (!hasLineWithTwoRoiVoxels(g, angles.get(a))) java.util.Arrays.fill(m, 0.0);
            out.add(m);
        }
        return out;
    }

    static Map<String, Double> compute(GreyLevels g, Roi roi, PyRadiomicsSettings s, List<int[]> angles) {
        final int ng = g.levelCount(), maxRun = Glrlm.maxRunLength(g);
        List<double[]> matrices = matrices(g, angles);
        List<double[]> rows = new ArrayList<>();
        if (s.weightingNorm() == null) {
            for (double[] m : matrices) {
                double[] f = Glrlm.featuresOf(m, ng, maxRun, runVoxels(m, ng, maxRun));
                if (f != null) rows.add(f);
            }
        } else {
            double[] merged = new double[ng * maxRun];
            for (int a = 0; a < angles.size(); a++) {
                double w = weight(s.weightingNorm(), angles.get(a), roi);
                double[] m = matrices.get(a);
                for (int k = 0; k < merged.length; k++) merged[k] += w * m[k];
            }
            double[] f = Glrlm.featuresOf(merged, ng, maxRun, runVoxels(merged, ng, maxRun));
            if (f != null) rows.add(f);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Glrlm.Feature> e : NAMES.entrySet()) {
            double sum = 0;
            for (double[] r : rows) sum += r[e.getValue().ordinal()];
            out.put(e.getKey(), rows.isEmpty() ? Double.NaN : sum / rows.size());
        }
        return out;
    }

    /** PyRadiomics's GLRLM weight: the offset's length in mm under the norm. */
    static double weight(PyRadiomicsSettings.WeightingNorm norm, int[] offset, Roi roi) {
        double x = Math.abs(offset[0]) * roi.sx, y = Math.abs(offset[1]) * roi.sy, z = Math.abs(offset[2]) * roi.sz;
        return switch (norm) {
            case INFINITY -> Math.max(x, Math.max(y, z));
            case EUCLIDEAN -> Math.sqrt(x * x + y * y + z * z);
            case MANHATTAN -> x + y + z;
            case NO_WEIGHTING -> 1.0;
        };
    }

    /** N_p of a (weighted) run length matrix: {@code Σ_ij j r_ij}. */
    private static double runVoxels(double[] m, int ng, int maxRun) {
        double n = 0;
        for (int i = 0; i < ng; i++) {
            for (int j = 0; j < maxRun; j++) n += m[i * maxRun + j] * (j + 1);
        }
        return n;
    }

    /** True if some line along {@code offset} through the box holds at least two ROI voxels. */
    static boolean hasLineWithTwoRoiVoxels(GreyLevels g, int[] offset) {
        final int ny = g.ny(), nz = g.nz();
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                if (rowHasLineWithTwoRoiVoxels(g.levels(), g.nx(), ny, nz, y, z, offset[0], offset[1], offset[2])) return true;
            }
        }
        return false;
    }

    /**
     * True if a ROI voxel of row (y, z) has another ROI voxel further along its line. (The row and the walk along the
     * line are small methods of their own, so that the JIT compiles them once: docs/performance.md.)
     */
    private static boolean rowHasLineWithTwoRoiVoxels(int[] lv, int nx, int ny, int nz, int y, int z, int dx, int dy, int dz) {
        for (int x = 0, i = nx * (y + ny * z); x < nx; x++, i++) {
            if (lv[i] != 0 && roiAhead(lv, nx, ny, nz, x, y, z, dx, dy, dz)) return true;
        }
        return false;
    }

    /** True if a voxel after (x, y, z) on its line along (dx, dy, dz) is in the ROI. */
    private static boolean roiAhead(int[] lv, int nx, int ny, int nz, int x, int y, int z, int dx, int dy, int dz) {
        final int step = dx + nx * (dy + ny * dz);
        int cx = x + dx, cy = y + dy, cz = z + dz, j = x + nx * (y + ny * z) + step;
        while (cx >= 0 && cx < nx && cy >= 0 && cy < ny && cz >= 0 && cz < nz) {
            if (lv[j] != 0) return true;
            cx += dx;
            cy += dy;
            cz += dz;
            j += step;
        }
        return false;
    }
}
