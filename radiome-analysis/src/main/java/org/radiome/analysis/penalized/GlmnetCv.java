package org.radiome.analysis.penalized;

import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.survival.SurvivalData;

/**
 * K-fold cross-validation of {@link Glmnet} over a lambda sequence, as
 * {@code cv.glmnet(x, y, family, alpha, lambda, foldid, standardize = TRUE)} (glmnet 4.1) computes it,
 * for a given fold assignment. R draws folds with its own random-number generator, which cannot be
 * reproduced here, so the folds are an input: pass the {@code foldid} R used to get R's numbers.
 *
 * <p>For each fold k the model is fitted, at every lambda, on the cases outside fold k (standardised over
 * those cases, as glmnet does) and scored on fold k. Gaussian and binomial: the loss per case is the squared
 * error ({@code type.measure = "mse"}, "Mean-Squared Error", gaussian) or the binomial deviance
 * -2 [y log p + (1 - y) log(1 - p)] with p clipped to [1e-5, 1 - 1e-5] ({@code "deviance"}, "Binomial
 * Deviance", binomial); grouped, as glmnet's default, into each fold's mean loss m_k with weight w_k, the
 * fold's size. glmnet falls back to per-case losses (K replaced by n, weights 1) when there are fewer than 3
 * cases per fold, and so does this class. Cox ({@code "deviance"}, "Partial Likelihood Deviance", glmnet's
 * {@code buildPredmat.coxnetlist} and {@code cv.coxnet}, always grouped): with b_k fitted without fold k,
 * m_k = [D(b_k; all cases) - D(b_k; cases outside k)] / e_k, where D = 2 (l_sat - l) is
 * {@code coxnet.deviance}'s Breslow deviance (l_sat = -sum over death times of d log d) and the weight w_k = e_k
 * is the number of events in fold k. Then cvm = sum w_k m_k / sum w_k and
 * cvsd = sqrt(sum w_k (m_k - cvm)^2 / sum w_k / (K - 1)). lambda.min is the largest lambda whose cvm is the
 * minimum; lambda.1se the largest whose cvm is at most cvm + cvsd at lambda.min ({@code getOptcv.glmnet}).
 * Hand-written on top of {@link Glmnet}: no Java library does this. Thread-safe.
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
        return run(family, x, y, null, alpha, lambdas, foldId, null);
    }

    /** As {@link #run(Glmnet.Family, double[][], double[], double, double[], int[])}, with glmnet's {@code penalty.factor} (null: all 1). */
    public static Result run(Glmnet.Family family, double[][] x, double[] y, double alpha, double[] lambdas, int[] foldId, double[] penaltyFactor) {
        return run(family, x, y, null, alpha, lambdas, foldId, penaltyFactor);
    }

    /**
     * Any family, as {@link Glmnet#fit}: {@code y} the response (gaussian, binomial; else null), {@code surv} the
     * survival outcome (cox; else null), {@code penaltyFactor} glmnet's {@code penalty.factor} (null: all 1). For
     * cox every fold needs an event.
     */
    public static Result run(Glmnet.Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] lambdas,
                             int[] foldId, double[] penaltyFactor) {
        boolean cox = family == Glmnet.Family.COX;
        if (cox != (surv != null) || cox == (y != null)) throw new IllegalArgumentException("the cox family takes surv, the others y");
        int n = cox ? surv.size() : y.length;
        if (foldId.length != n) throw new IllegalArgumentException("foldid and the outcome differ in length");
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
        // value[u][l] and weight[u] of each unit u: a fold (grouped) or a case
        double[][] value;
        double[] weight;
        if (cox) {
            weight = new double[folds];
            for (int i = 0; i < n; i++) if (surv.event()[i]) weight[foldId[i] - 1]++;
            for (int k = 1; k <= folds; k++) {
                if (weight[k - 1] == 0) throw new AnalysisException("fold " + k + " has no events: the Cox cross-validation is undefined");
            }
            value = coxFoldDeviance(x, surv, alpha, lambdas, foldId, folds, penaltyFactor);
            for (int k = 0; k < folds; k++) for (int l = 0; l < m; l++) value[k][l] /= weight[k];
        } else {
            double[][] loss = caseLosses(family, x, y, alpha, lambdas, foldId, folds, penaltyFactor);
            if ((double) n / folds >= 3) {
                value = new double[folds][m];
                weight = new double[folds];
                for (int i = 0; i < n; i++) for (int l = 0; l < m; l++) value[foldId[i] - 1][l] += loss[i][l];
                for (int k = 0; k < folds; k++) {
                    weight[k] = size[k + 1];
                    for (int l = 0; l < m; l++) value[k][l] /= weight[k];
                }
            } else {
                value = loss;
                weight = new double[n];
                java.util.Arrays.fill(weight, 1);
            }
        }
        double[] cvm = new double[m], cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            double sw = 0, mean = 0;
            for (int u = 0; u < weight.length; u++) { sw += weight[u]; mean += weight[u] * value[u][l]; }
            mean /= sw;
            double ss = 0;
            for (int u = 0; u < weight.length; u++) ss += weight[u] * (value[u][l] - mean) * (value[u][l] - mean);
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(ss / sw / (weight.length - 1));
        }
        int indexMin = largestLambdaAtMost(lambdas, cvm, min(cvm));
        int index1se = largestLambdaAtMost(lambdas, cvm, cvm[indexMin] + cvsd[indexMin]);
        String name = switch (family) {
            case GAUSSIAN -> "Mean-Squared Error";
            case BINOMIAL -> "Binomial Deviance";
            case COX -> "Partial Likelihood Deviance";
        };
        return new Result(family == Glmnet.Family.GAUSSIAN ? "mse" : "deviance", name, folds, lambdas.clone(), cvm, cvsd, indexMin, index1se);
    }

    /** Gaussian and binomial: the loss of each case ({@code [i][l]}) under the fit without its fold. */
    private static double[][] caseLosses(Glmnet.Family family, double[][] x, double[] y, double alpha, double[] lambdas, int[] foldId,
                                         int folds, double[] penaltyFactor) {
        int m = lambdas.length;
        double[][] loss = new double[y.length][m];
        for (int k = 1; k <= folds; k++) {
            int[] train = rows(foldId, k, false), test = rows(foldId, k, true);
            List<Glmnet.Fit> fits = Glmnet.fit(family, columns(x, train), pick(y, train), null, alpha, lambdas, penaltyFactor);
            for (int l = 0; l < m; l++) {
                Glmnet.Fit fit = fits.get(l);
                for (int i : test) {
                    double eta = fit.intercept();
                    for (int j = 0; j < x.length; j++) eta += fit.beta()[j] * x[j][i];
                    loss[i][l] = caseLoss(family, y[i], eta);
                }
            }
        }
        return loss;
    }

    /** Cox: D(b_k; all cases) - D(b_k; cases outside k) for each fold k ({@code [k - 1][l]}), b_k fitted without fold k. */
    private static double[][] coxFoldDeviance(double[][] x, SurvivalData surv, double alpha, double[] lambdas, int[] foldId, int folds,
                                              double[] penaltyFactor) {
        int n = surv.size(), m = lambdas.length;
        double[][] out = new double[folds][m];
        Glmnet.RiskSets all = new Glmnet.RiskSets(surv);
        for (int k = 1; k <= folds; k++) {
            int[] train = rows(foldId, k, false);
            SurvivalData sTrain = surv.subset(train);
            List<Glmnet.Fit> fits = Glmnet.fit(Glmnet.Family.COX, columns(x, train), null, sTrain, alpha, lambdas, penaltyFactor);
            Glmnet.RiskSets onTrain = new Glmnet.RiskSets(sTrain);
            for (int l = 0; l < m; l++) {
                double[] beta = fits.get(l).beta();
                double[] eta = new double[n];
                for (int j = 0; j < x.length; j++) {
                    if (beta[j] == 0) continue;
                    for (int i = 0; i < n; i++) eta[i] += beta[j] * x[j][i];
                }
                out[k - 1][l] = all.deviance(eta) - onTrain.deviance(pick(eta, train));
            }
        }
        return out;
    }

    private static double[][] columns(double[][] x, int[] rows) {
        double[][] out = new double[x.length][];
        for (int j = 0; j < x.length; j++) out[j] = pick(x[j], rows);
        return out;
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
