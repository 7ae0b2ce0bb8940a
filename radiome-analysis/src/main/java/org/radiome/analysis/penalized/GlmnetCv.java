package org.radiome.analysis.penalized;

import java.util.List;

import org.radiome.analysis.AnalysisException;

/**
 * K-fold cross-validation of {@link Glmnet} over a lambda sequence, as
 * {@code cv.glmnet(x, y, family, alpha, lambda, foldid, standardize = TRUE)} (glmnet 4.1) computes it,
 * for a given fold assignment. R draws folds with its own random-number generator, which cannot be
 * reproduced here, so the folds are an input: pass the {@code foldid} R used to get R's numbers.
 *
 * <p>For each fold k the model is fitted, at every lambda, on the cases outside fold k (standardised over
 * those cases, as glmnet does) and predicts the cases in it. The loss per case is the squared error
 * ({@code type.measure = "mse"}, "Mean-Squared Error", gaussian) or the binomial deviance
 * -2 [y log p + (1 - y) log(1 - p)] with p clipped to [1e-5, 1 - 1e-5] ({@code "deviance"}, "Binomial
 * Deviance", binomial). Grouped, as glmnet's default: each fold's mean loss m_k, weighted by the fold's
 * size w_k, gives cvm = sum w_k m_k / sum w_k and cvsd = sqrt(sum w_k (m_k - cvm)^2 / sum w_k / (K - 1));
 * glmnet falls back to per-case losses (K replaced by n) when there are fewer than 3 cases per fold, and so
 * does this class. lambda.min is the largest lambda whose cvm is the minimum; lambda.1se the largest whose
 * cvm is at most cvm + cvsd at lambda.min ({@code getOptcv.glmnet}). Hand-written on top of {@link Glmnet}:
 * no Java library does this. Thread-safe.
 */
public final class GlmnetCv {
    /** cvm, cvsd (in the order of the lambdas given), and the 0-based indices of lambda.min and lambda.1se. */
    public record Result(String measure, String name, int folds, double[] lambda, double[] cvm, double[] cvsd,
                         int indexMin, int index1se) {
        public double lambdaMin() { return lambda[indexMin]; }

        public double lambda1se() { return lambda[index1se]; }
    }

    static final double PROB_MIN = 1e-5; // hard-coded in glmnet (cv.lognet)

    private GlmnetCv() { }

    /**
     * @param x      predictors, {@code x[j]} over the cases
     * @param y      the response (gaussian: numeric; binomial: 0/1)
     * @param foldId the fold of each case, 1..K, every fold used, K >= 3
     */
    public static Result run(Glmnet.Family family, double[][] x, double[] y, double alpha, double[] lambdas, int[] foldId) {
        return run(family, x, y, alpha, lambdas, foldId, null);
    }

    /** As {@link #run(Glmnet.Family, double[][], double[], double, double[], int[])}, with glmnet's {@code penalty.factor} (null: all 1). */
    public static Result run(Glmnet.Family family, double[][] x, double[] y, double alpha, double[] lambdas, int[] foldId, double[] penaltyFactor) {
        if (family == Glmnet.Family.COX) throw new AnalysisException("cross-validation is implemented for the gaussian and binomial families only");
        int n = y.length;
        if (foldId.length != n) throw new IllegalArgumentException("foldid and y differ in length");
        int folds = 0;
        for (int f : foldId) {
            if (f < 1) throw new AnalysisException("fold ids must be integers 1, 2, ..., K; found " + f);
            folds = Math.max(folds, f);
        }
        int[] size = new int[folds + 1];
        for (int f : foldId) size[f]++;
        for (int k = 1; k <= folds; k++) if (size[k] == 0) throw new AnalysisException("fold " + k + " has no cases (fold ids must be 1, 2, ..., K)");
        if (folds < 3) throw new AnalysisException("cross-validation needs at least 3 folds, as cv.glmnet; found " + folds);
        int m = lambdas.length;
        double[][] loss = new double[n][m];
        for (int k = 1; k <= folds; k++) {
            int[] train = rows(foldId, k, false), test = rows(foldId, k, true);
            double[][] xTrain = new double[x.length][];
            for (int j = 0; j < x.length; j++) xTrain[j] = pick(x[j], train);
            List<Glmnet.Fit> fits = Glmnet.fit(family, xTrain, pick(y, train), null, alpha, lambdas, penaltyFactor);
            for (int l = 0; l < m; l++) {
                Glmnet.Fit fit = fits.get(l);
                for (int i : test) {
                    double eta = fit.intercept();
                    for (int j = 0; j < x.length; j++) eta += fit.beta()[j] * x[j][i];
                    loss[i][l] = caseLoss(family, y[i], eta);
                }
            }
        }
        boolean grouped = (double) n / folds >= 3;
        double[] cvm = new double[m], cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            double[] value;
            double[] weight;
            if (grouped) {
                value = new double[folds];
                weight = new double[folds];
                for (int i = 0; i < n; i++) value[foldId[i] - 1] += loss[i][l];
                for (int k = 0; k < folds; k++) { weight[k] = size[k + 1]; value[k] /= weight[k]; }
            } else {
                value = new double[n];
                weight = new double[n];
                for (int i = 0; i < n; i++) { value[i] = loss[i][l]; weight[i] = 1; }
            }
            double sw = 0, mean = 0;
            for (int k = 0; k < value.length; k++) { sw += weight[k]; mean += weight[k] * value[k]; }
            mean /= sw;
            double ss = 0;
            for (int k = 0; k < value.length; k++) ss += weight[k] * (value[k] - mean) * (value[k] - mean);
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(ss / sw / (value.length - 1));
        }
        int indexMin = largestLambdaAtMost(lambdas, cvm, min(cvm));
        int index1se = largestLambdaAtMost(lambdas, cvm, cvm[indexMin] + cvsd[indexMin]);
        boolean gaussian = family == Glmnet.Family.GAUSSIAN;
        return new Result(gaussian ? "mse" : "deviance", gaussian ? "Mean-Squared Error" : "Binomial Deviance", folds,
            lambdas.clone(), cvm, cvsd, indexMin, index1se);
    }

    private static double caseLoss(Glmnet.Family family, double y, double eta) {
        if (family == Glmnet.Family.GAUSSIAN) return (y - eta) * (y - eta);
        double p = 1 / (1 + Math.exp(-eta));
        p = Math.min(Math.max(p, PROB_MIN), 1 - PROB_MIN);
        return -2 * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    /** The index of the largest lambda among those with cvm <= bound (the first such index on a tie of lambdas). */
    private static int largestLambdaAtMost(double[] lambdas, double[] cvm, double bound) {
        int best = -1;
        for (int l = 0; l < lambdas.length; l++) {
            if (cvm[l] <= bound && (best < 0 || lambdas[l] > lambdas[best])) best = l;
        }
        return best;
    }

    private static int[] rows(int[] foldId, int k, boolean in) {
        return java.util.stream.IntStream.range(0, foldId.length).filter(i -> (foldId[i] == k) == in).toArray();
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
        return out;
    }
}
