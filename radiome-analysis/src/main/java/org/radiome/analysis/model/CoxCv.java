package org.radiome.analysis.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.survival.SurvivalData;

/**
 * K-fold cross-validation of the Cox lasso / elastic net on the partial-likelihood deviance, as glmnet 4.1's
 * {@code cv.glmnet(family = "cox", type.measure = "deviance", grouped = TRUE)} ({@code buildPredmat.coxnetlist}
 * and {@code cv.coxnet}): for fold k, with b_k fitted on the other folds, the fold's loss is
 * [D(b_k; all cases) - D(b_k; cases outside k)] / e_k, where D = 2 (l_sat - l) is the Breslow deviance of
 * {@code coxnet.deviance} (l_sat = -sum over death times of d log d) and e_k the events in fold k; cvm is the
 * mean of the fold losses weighted by e_k and cvsd = sqrt(sum e_k (loss_k - cvm)^2 / sum e_k / (K - 1)).
 * Hand-written on top of {@link Glmnet}: no Java library does this. Thread-safe.
 */
final class CoxCv {
    private CoxCv() { }

    static Tuning run(double[][] x, SurvivalData surv, double alpha, double[] lambdas, int[] foldId, double[] penaltyFactor) {
        int n = surv.size(), p = x.length, m = lambdas.length;
        int folds = Arrays.stream(foldId).max().orElse(0);
        if (folds < 3) throw new AnalysisException("cross-validation needs at least 3 folds, as cv.glmnet; found " + folds);
        double[] events = new double[folds];
        for (int i = 0; i < n; i++) if (surv.event()[i]) events[foldId[i] - 1]++;
        for (int k = 0; k < folds; k++) {
            if (events[k] == 0) throw new AnalysisException("fold " + (k + 1) + " has no events: the Cox cross-validation is undefined");
        }
        double[][] loss = new double[folds][m];
        Deviance onAll = new Deviance(surv);
        for (int k = 1; k <= folds; k++) {
            final int fold = k;
            int[] train = IntStream.range(0, n).filter(i -> foldId[i] != fold).toArray();
            double[][] xTrain = new double[p][train.length];
            for (int j = 0; j < p; j++) for (int r = 0; r < train.length; r++) xTrain[j][r] = x[j][train[r]];
            SurvivalData sTrain = surv.subset(train);
            List<Glmnet.Fit> fits = Glmnet.fit(Glmnet.Family.COX, xTrain, null, sTrain, alpha, lambdas, penaltyFactor);
            Deviance onTrain = new Deviance(sTrain);
            for (int l = 0; l < m; l++) {
                double[] beta = fits.get(l).beta();
                double[] eta = new double[n];
                for (int j = 0; j < p; j++) {
                    if (beta[j] == 0) continue;
                    for (int i = 0; i < n; i++) eta[i] += beta[j] * x[j][i];
                }
                double[] etaTrain = new double[train.length];
                for (int r = 0; r < train.length; r++) etaTrain[r] = eta[train[r]];
                loss[k - 1][l] = (onAll.of(eta) - onTrain.of(etaTrain)) / events[k - 1];
            }
        }
        double total = Arrays.stream(events).sum();
        double[] cvm = new double[m], cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            double mean = 0;
            for (int k = 0; k < folds; k++) mean += events[k] * loss[k][l];
            mean /= total;
            double ss = 0;
            for (int k = 0; k < folds; k++) ss += events[k] * (loss[k][l] - mean) * (loss[k][l] - mean);
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(ss / total / (folds - 1));
        }
        int indexMin = largestLambdaAtMost(lambdas, cvm, Arrays.stream(cvm).min().orElseThrow());
        int index1se = largestLambdaAtMost(lambdas, cvm, cvm[indexMin] + cvsd[indexMin]);
        return new Tuning("deviance", lambdas.clone(), cvm, cvsd, foldId.clone(), indexMin, index1se);
    }

    /**
     * The Breslow partial-likelihood deviance 2 (l_sat - l(eta)) with unit weights, as glmnet's
     * {@code coxnet.deviance}: l = sum over death times s of [sum of eta over the d_s deaths - d_s log sum over
     * the risk set {t >= s} of e^eta], l_sat = -sum d_s log d_s.
     */
    static double deviance(SurvivalData surv, double[] eta) {
        return new Deviance(surv).of(eta);
    }

    /** {@link #deviance} for one outcome and many linear predictors: the time order is found once. */
    static final class Deviance {
        private final int[] order; // by time, descending
        private final boolean[] event; // in that order
        private final int[] blockEnd; // exclusive ends of the blocks of tied times
        private final double saturated;

        Deviance(SurvivalData surv) {
            int n = surv.size();
            double[] t = surv.time();
            Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> t[i]).reversed());
            order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            event = new boolean[n];
            for (int k = 0; k < n; k++) event[k] = surv.event()[order[k]];
            int[] ends = new int[n];
            int blocks = 0;
            double sat = 0;
            for (int k = 0; k < n; ) {
                int end = k, deaths = 0;
                while (end < n && t[order[end]] == t[order[k]]) { if (event[end]) deaths++; end++; }
                if (deaths > 0) sat -= deaths * Math.log(deaths);
                ends[blocks++] = end;
                k = end;
            }
            blockEnd = Arrays.copyOf(ends, blocks);
            saturated = sat;
        }

        double of(double[] eta) {
            double max = Double.NEGATIVE_INFINITY;
            for (double e : eta) max = Math.max(max, e);
            if (eta.length == 0) max = 0;
            double riskSum = 0, loglik = 0;
            for (int b = 0, k = 0; b < blockEnd.length; b++) {
                int deaths = 0;
                double deathEta = 0;
                for (; k < blockEnd[b]; k++) {
                    double e = eta[order[k]];
                    riskSum += Math.exp(e - max);
                    if (event[k]) { deaths++; deathEta += e; }
                }
                if (deaths > 0) loglik += deathEta - deaths * (Math.log(riskSum) + max);
            }
            return 2 * (saturated - loglik);
        }
    }

    /** The index of the largest lambda among those with cvm <= bound, as glmnet's getOptcv. */
    static int largestLambdaAtMost(double[] lambdas, double[] cvm, double bound) {
        int best = -1;
        for (int l = 0; l < lambdas.length; l++) {
            if (cvm[l] <= bound && (best < 0 || lambdas[l] > lambdas[best])) best = l;
        }
        return best;
    }
}
