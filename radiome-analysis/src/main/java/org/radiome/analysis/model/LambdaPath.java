package org.radiome.analysis.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.survival.SurvivalData;

/**
 * The lambda sequence as {@code glmnet} builds it when none is given: {@code nlambda} values log-spaced from
 * lambda_max down to {@code lambda.min.ratio} x lambda_max, where lambda_max is the smallest lambda at which
 * every penalised coefficient is zero, max_j |g_j| / max(alpha, 1e-3), g being the gradient of the smooth part
 * of the objective at the null model on the standardised predictors (glmnet's Fortran, with R's
 * {@code fix.lam} putting lambda_max back as the first value). Default ratio 1e-4 when n > p, else 0.01.
 * Thread-safe.
 */
public final class LambdaPath {
    /** glmnet's floor on alpha when computing lambda_max, so that a ridge path still starts somewhere finite. */
    static final double ALPHA_FLOOR = 1e-3;

    private LambdaPath() { }

    /** glmnet's default {@code lambda.min.ratio}. */
    public static double defaultMinRatio(int cases, int features) {
        return cases > features ? 1e-4 : 1e-2;
    }

    /** {@code count} values from lambdaMax down to minRatio x lambdaMax, equally spaced in log. */
    public static double[] sequence(double lambdaMax, int count, double minRatio) {
        if (count < 1) throw new IllegalArgumentException("the lambda path needs at least one value, was " + count);
        if (!(minRatio > 0 && minRatio < 1)) throw new IllegalArgumentException("lambda min ratio must lie in (0, 1), was " + minRatio);
        double[] l = new double[count];
        for (int k = 0; k < count; k++) l[k] = count == 1 ? lambdaMax : lambdaMax * Math.pow(minRatio, (double) k / (count - 1));
        return l;
    }

    /**
     * lambda_max for the binomial family (y 0/1) or the Cox family (Breslow partial likelihood), predictors as
     * columns {@code x[j]} over the cases. Constant predictors are skipped (glmnet leaves them at zero).
     */
    public static double lambdaMax(Glmnet.Family family, double[][] x, double[] y, SurvivalData surv, double alpha) {
        int n = family == Glmnet.Family.COX ? surv.size() : y.length;
        double[] residual = switch (family) {
            case BINOMIAL, GAUSSIAN -> {
                double mean = Arrays.stream(y).sum() / n;
                double[] r = new double[n];
                for (int i = 0; i < n; i++) r[i] = y[i] - mean;
                yield r;
            }
            case COX -> coxNullResidual(surv);
        };
        double best = 0;
        for (double[] column : x) {
            double mean = 0;
            for (double v : column) mean += v / n;
            double ss = 0, dot = 0;
            for (int i = 0; i < n; i++) {
                double c = column[i] - mean;
                ss += c * c;
                dot += c * residual[i];
            }
            double sd = Math.sqrt(ss / n);
            if (sd > 0) best = Math.max(best, Math.abs(dot / sd) / n);
        }
        return best / Math.max(alpha, ALPHA_FLOOR);
    }

    /**
     * lambda_max with glmnet's {@code penalty.factor} (null: all 1, the method above): factors rescaled to sum to
     * the number of columns, the maximum taken over the penalised columns of |g_j| / vp_j, g the gradient at the
     * null model with the unpenalised columns fitted ({@link Glmnet#lambdaMax}). NaN when no column is penalised.
     */
    public static double lambdaMax(Glmnet.Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] penaltyFactor) {
        if (penaltyFactor == null) return lambdaMax(family, x, y, surv, alpha);
        return Glmnet.lambdaMax(family, x, y, surv, alpha, penaltyFactor);
    }

    /**
     * The martingale residual of the null Cox model under Breslow ties, event_i - H0(t_i) with
     * H0(t) = sum over death times s <= t of d(s) / |R(s)|: the score at beta = 0 is sum_i x_i r_i.
     */
    static double[] coxNullResidual(SurvivalData surv) {
        int n = surv.size();
        double[] t = surv.time();
        Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble(i -> t[i]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        double[] r = new double[n];
        double cumHazard = 0;
        for (int k = 0; k < n; ) {
            int end = k, deaths = 0;
            while (end < n && t[order[end]] == t[order[k]]) {
                if (surv.event()[order[end]]) deaths++;
                end++;
            }
            cumHazard += (double) deaths / (n - k); // cases at time >= t are at risk
            for (int m = k; m < end; m++) r[order[m]] = (surv.event()[order[m]] ? 1 : 0) - cumHazard;
            k = end;
        }
        return r;
    }
}
