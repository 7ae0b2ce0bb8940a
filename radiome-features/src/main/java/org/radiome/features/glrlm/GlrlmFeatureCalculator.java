package org.radiome.features.glrlm;

import java.util.Arrays;

import org.radiome.features.glrlm.Glrlm.Feature;

/**
 * The 16 IBSI GLRLM features (IBSI 3.7) of one run length matrix {@code r_ij} (grey level i, run length
 * j) with {@code N_s = Σ r_ij} runs over {@code N_v} voxels.
 *
 * <p>One pass over the {@code ng × maxRun} counts yields {@code N_s}, the marginals {@code r_i.} and
 * {@code r_.j}, the four joint emphases and {@code Σ r log2 r}; the other features follow from the
 * marginals in O(ng + maxRun). Grey level and run length variance use the marginals:
 * {@code Σ_ij (i − μ)² p_ij = Σ_i (i − μ)² r_i. / N_s}. Run entropy uses
 * {@code −Σ p log2 p = log2 N_s − Σ r log2 r / N_s}.
 *
 * <p>Holds scratch arrays, so one instance serves one thread; create one per {@code compute} call.
 */
final class GlrlmFeatureCalculator {
    private static final double INV_LN2 = 1.0 / Math.log(2.0);

    private final int ng;
    private final int maxRun;
    private final double[] byLevel;
    private final double[] byLength;

    GlrlmFeatureCalculator(int ng, int maxRun) {
        this.ng = ng;
        this.maxRun = maxRun;
        this.byLevel = new double[ng];
        this.byLength = new double[maxRun];
    }

    /** Number of values written by {@link #compute}. */
    static int featureCount() { return Feature.values().length; }

    /**
     * Writes the features of {@code counts} to {@code out}, indexed by {@link Feature#ordinal()}.
     *
     * @param voxels N_v: ROI voxels behind the matrix, summed over the matrices merged into it
     * @return false, leaving {@code out} untouched, if the matrix holds no run
     */
    boolean compute(double[] counts, double voxels, double[] out) {
        Arrays.fill(byLevel, 0.0);
        Arrays.fill(byLength, 0.0);
        double runs = 0, srlge = 0, srhge = 0, lrlge = 0, lrhge = 0, sumRLogR = 0;
        for (int i = 0; i < ng; i++) {
            final int base = i * maxRun;
            final double i2 = (double) (i + 1) * (i + 1);
            for (int j = 0; j < maxRun; j++) {
                final double r = counts[base + j];
                if (r == 0.0) continue;
                final double j2 = (double) (j + 1) * (j + 1);
                runs += r;
                byLevel[i] += r;
                byLength[j] += r;
                srlge += r / (i2 * j2);
                srhge += r * i2 / j2;
                lrlge += r * j2 / i2;
                lrhge += r * i2 * j2;
                sumRLogR += r * Math.log(r);
            }
        }
        if (runs == 0.0) return false;

        double lgre = 0, hgre = 0, glnu = 0, levelMean = 0;
        for (int i = 0; i < ng; i++) {
            final double ri = byLevel[i];
            final double i2 = (double) (i + 1) * (i + 1);
            lgre += ri / i2;
            hgre += ri * i2;
            glnu += ri * ri;
            levelMean += (i + 1) * ri;
        }
        levelMean /= runs;
        double levelVar = 0;
        for (int i = 0; i < ng; i++) {
            final double d = i + 1 - levelMean;
            levelVar += d * d * byLevel[i];
        }

        double sre = 0, lre = 0, rlnu = 0, lengthMean = 0;
        for (int j = 0; j < maxRun; j++) {
            final double rj = byLength[j];
            final double j2 = (double) (j + 1) * (j + 1);
            sre += rj / j2;
            lre += rj * j2;
            rlnu += rj * rj;
            lengthMean += (j + 1) * rj;
        }
        lengthMean /= runs;
        double lengthVar = 0;
        for (int j = 0; j < maxRun; j++) {
            final double d = j + 1 - lengthMean;
            lengthVar += d * d * byLength[j];
        }

        out[Feature.SRE.ordinal()] = sre / runs;
        out[Feature.LRE.ordinal()] = lre / runs;
        out[Feature.LGRE.ordinal()] = lgre / runs;
        out[Feature.HGRE.ordinal()] = hgre / runs;
        out[Feature.SRLGE.ordinal()] = srlge / runs;
        out[Feature.SRHGE.ordinal()] = srhge / runs;
        out[Feature.LRLGE.ordinal()] = lrlge / runs;
        out[Feature.LRHGE.ordinal()] = lrhge / runs;
        out[Feature.GLNU.ordinal()] = glnu / runs;
        out[Feature.GLNU_NORM.ordinal()] = glnu / (runs * runs);
        out[Feature.RLNU.ordinal()] = rlnu / runs;
        out[Feature.RLNU_NORM.ordinal()] = rlnu / (runs * runs);
        out[Feature.R_PERC.ordinal()] = runs / voxels;
        out[Feature.GL_VAR.ordinal()] = levelVar / runs;
        out[Feature.RL_VAR.ordinal()] = lengthVar / runs;
        out[Feature.RL_ENTR.ordinal()] = INV_LN2 * (Math.log(runs) - sumRLogR / runs);
        return true;
    }
}
