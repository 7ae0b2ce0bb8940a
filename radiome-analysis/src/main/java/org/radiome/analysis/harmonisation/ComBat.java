package org.radiome.analysis.harmonisation;

import java.util.List;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.radiome.analysis.AnalysisException;

/**
 * ComBat harmonisation with parametric empirical Bayes priors (Johnson, Li and Rabinovic 2007), as
 * {@code sva::ComBat(dat, batch, mod, par.prior = TRUE, mean.only = FALSE)} in sva 3.46 computes it.
 *
 * <p>Each feature is regressed on the batch indicators and the covariates; the data are standardised by
 * the pooled residual variance (divisor n); per-batch location (gamma) and scale (delta) are shrunk
 * towards their priors by sva's fixed-point iteration {@code it.sol}: start at the per-batch estimates,
 * stop when max(|new - old| / old) over gamma and delta, with old's sign as in sva, falls below 1e-4.
 * Matching that start and stopping rule is what makes the result equal to R's, not just close.
 *
 * <p>{@link #fit} learns the estimates on one table; {@link Model#apply} harmonises any table with
 * the same features, batches and covariates with them, so harmonisation can be fitted inside a training
 * fold and applied to its test fold. Hand-written: no Java library implements ComBat. Thread-safe.
 */
public final class ComBat {
    /** sva's hard-coded convergence constant of it.sol. */
    static final double CONVERGENCE = 1e-4;

    private ComBat() { }

    /**
     * The fitted estimates: per feature the grand mean and pooled variance, the covariate coefficients
     * ({@code covariateCoef[term][feature]}), and the shrunk batch effects {@code gammaStar[batch][feature]},
     * {@code deltaStar[batch][feature]}.
     */
    public record Model(List<String> features, List<String> batches, List<String> covariateTerms, double[] grandMean,
                        double[] varPooled, double[][] covariateCoef, double[][] gammaStar, double[][] deltaStar,
                        int[] iterations) {

        /**
         * Harmonises {@code data[feature][sample]}; {@code batch[sample]} indexes {@link #batches};
         * {@code covariates[term][sample]} are the same design columns as at fitting.
         */
        public double[][] apply(double[][] data, int[] batch, double[][] covariates) {
            int g = data.length, n = batch.length;
            double[][] out = new double[g][n];
            for (int f = 0; f < g; f++) {
                double sd = Math.sqrt(varPooled[f]);
                for (int i = 0; i < n; i++) {
                    double standMean = grandMean[f];
                    for (int t = 0; t < covariateTerms.size(); t++) standMean += covariateCoef[t][f] * covariates[t][i];
                    double s = (data[f][i] - standMean) / sd;
                    int b = batch[i];
                    out[f][i] = (s - gammaStar[b][f]) / Math.sqrt(deltaStar[b][f]) * sd + standMean;
                }
            }
            return out;
        }
    }

    /**
     * Fits ComBat on {@code data[feature][sample]} with batches {@code batch[sample]} (0..batches-1) and
     * covariate design columns {@code covariates[term][sample]} (no intercept; dummy-coded factors).
     */
    public static Model fit(double[][] data, List<String> features, int[] batch, List<String> batches,
                            double[][] covariates, List<String> covariateTerms) {
        int g = data.length, n = batch.length, nb = batches.size(), nc = covariates.length;
        if (nb < 2) throw new AnalysisException("ComBat needs at least 2 batches, found " + nb);
        if (g < 2) throw new AnalysisException("ComBat needs at least 2 features to estimate its priors");
        int[] size = new int[nb];
        for (int b : batch) size[b]++;
        for (int b = 0; b < nb; b++) {
            if (size[b] < 2) throw new AnalysisException("batch " + batches.get(b) + " has " + size[b] + " case; ComBat needs at least 2 per batch");
        }
        // design = [batch indicators, covariates]
        int d = nb + nc;
        double[][] design = new double[n][d];
        for (int i = 0; i < n; i++) {
            design[i][batch[i]] = 1;
            for (int t = 0; t < nc; t++) design[i][nb + t] = covariates[t][i];
        }
        RealMatrix dm = new Array2DRowRealMatrix(design, false);
        DecompositionSolver solver;
        try {
            solver = new CholeskyDecomposition(dm.transpose().multiply(dm), 1e-12, 1e-12).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw new AnalysisException("the batch and covariate design is singular: a covariate is confounded with the batch or constant");
        }
        double[][] dataT = new double[n][g];
        for (int f = 0; f < g; f++) for (int i = 0; i < n; i++) dataT[i][f] = data[f][i];
        RealMatrix bHat = solver.solve(dm.transpose().multiply(new Array2DRowRealMatrix(dataT, false))); // d x g

        double[] grandMean = new double[g], varPooled = new double[g];
        double[][] standMean = new double[g][n], sData = new double[g][n];
        for (int f = 0; f < g; f++) {
            for (int b = 0; b < nb; b++) grandMean[f] += (double) size[b] / n * bHat.getEntry(b, f);
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double fitted = 0;
                for (int k = 0; k < d; k++) fitted += design[i][k] * bHat.getEntry(k, f);
                ss += (data[f][i] - fitted) * (data[f][i] - fitted);
            }
            varPooled[f] = ss / n;
            if (!(varPooled[f] > 0)) throw new AnalysisException("feature " + features.get(f) + " has no variation left after batch and covariates");
            for (int i = 0; i < n; i++) {
                double m = grandMean[f];
                for (int t = 0; t < nc; t++) m += covariates[t][i] * bHat.getEntry(nb + t, f);
                standMean[f][i] = m;
                sData[f][i] = (data[f][i] - m) / Math.sqrt(varPooled[f]);
            }
        }
        // per-batch location and scale of the standardised data
        double[][] gammaHat = new double[nb][g], deltaHat = new double[nb][g];
        for (int f = 0; f < g; f++) {
            for (int i = 0; i < n; i++) gammaHat[batch[i]][f] += sData[f][i] / size[batch[i]];
            for (int i = 0; i < n; i++) {
                double r = sData[f][i] - gammaHat[batch[i]][f];
                deltaHat[batch[i]][f] += r * r / (size[batch[i]] - 1);
            }
        }
        for (int b = 0; b < nb; b++) {
            for (int f = 0; f < g; f++) {
                if (!(deltaHat[b][f] > 0)) {
                    throw new AnalysisException("feature " + features.get(f) + " is constant within batch " + batches.get(b) + "; ComBat cannot scale it");
                }
            }
        }
        double[][] gammaStar = new double[nb][], deltaStar = new double[nb][];
        int[] iterations = new int[nb];
        for (int b = 0; b < nb; b++) {
            double gammaBar = mean(gammaHat[b]), t2 = variance(gammaHat[b]);
            double m = mean(deltaHat[b]), s2 = variance(deltaHat[b]);
            double aPrior = (2 * s2 + m * m) / s2, bPrior = (m * s2 + m * m * m) / s2;
            final int current = b;
            int[] members = java.util.stream.IntStream.range(0, n).filter(i -> batch[i] == current).toArray();
            double[][] estimates = iterate(sData, members, gammaHat[b], deltaHat[b], gammaBar, t2, aPrior, bPrior);
            gammaStar[b] = estimates[0];
            deltaStar[b] = estimates[1];
            iterations[b] = (int) estimates[2][0];
        }
        double[][] covariateCoef = new double[nc][g];
        for (int t = 0; t < nc; t++) for (int f = 0; f < g; f++) covariateCoef[t][f] = bHat.getEntry(nb + t, f);
        return new Model(List.copyOf(features), List.copyOf(batches), List.copyOf(covariateTerms), grandMean, varPooled,
            covariateCoef, gammaStar, deltaStar, iterations);
    }

    /** sva's it.sol: posterior mean and variance by fixed-point iteration. Returns {gamma*, delta*, {count}}. */
    static double[][] iterate(double[][] sData, int[] members, double[] gHat, double[] dHat, double gBar, double t2,
                              double a, double b) {
        int g = gHat.length;
        double nb = members.length;
        double[] gOld = gHat.clone(), dOld = dHat.clone(), gNew = new double[g], dNew = new double[g];
        double change = 1;
        int count = 0;
        while (change > CONVERGENCE) {
            for (int f = 0; f < g; f++) gNew[f] = (t2 * nb * gHat[f] + dOld[f] * gBar) / (t2 * nb + dOld[f]);
            change = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < g; f++) {
                double sum2 = 0;
                for (int i : members) sum2 += (sData[f][i] - gNew[f]) * (sData[f][i] - gNew[f]);
                dNew[f] = (0.5 * sum2 + b) / (nb / 2 + a - 1);
            }
            // as sva: max(abs(g.new - g.old) / g.old, abs(d.new - d.old) / d.old), the divisor keeping its sign
            for (int f = 0; f < g; f++) {
                change = Math.max(change, Math.abs(gNew[f] - gOld[f]) / gOld[f]);
                change = Math.max(change, Math.abs(dNew[f] - dOld[f]) / dOld[f]);
            }
            System.arraycopy(gNew, 0, gOld, 0, g);
            System.arraycopy(dNew, 0, dOld, 0, g);
            count++;
            if (count > 100_000) throw new AnalysisException("ComBat's empirical Bayes iteration did not converge");
        }
        return new double[][] {gNew.clone(), dNew.clone(), {count}};
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / (v.length - 1);
    }
}
