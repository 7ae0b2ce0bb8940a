package org.radiome.analysis.survival;

import java.util.Arrays;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * The Cox proportional-hazards model as {@code coxph(Surv(time, event) ~ x, ties = "efron" | "breslow")}:
 * Newton-Raphson on the partial log-likelihood from beta = 0, with step halving when the likelihood falls,
 * iterated past R's stopping rule to the maximum (R's own fit is fully converged there too).
 *
 * <p>Written by hand: Hipparchus has no Cox model. Efron's approximation for tied deaths (Efron 1977) and
 * Breslow's are computed in one pass over the subjects from the longest time down, accumulating the
 * risk-set sums of exp(eta), exp(eta) x and exp(eta) x x'. Covariates are centred internally, as coxph
 * does; that changes no coefficient. Thread-safe.
 *
 * @param coef        coefficients, in covariate order
 * @param se          standard errors from the inverse information at the maximum
 * @param loglikNull  partial log-likelihood at beta = 0
 * @param loglik      partial log-likelihood at the maximum
 * @param score       score test statistic at beta = 0
 * @param wald        Wald statistic beta' I beta
 * @param iterations  Newton steps taken
 */
public record CoxModel(double[] coef, double[] se, double[] linearPredictor, double loglikNull, double loglik,
                       double score, double wald, int iterations, int n, int events) {

    /** How tied death times enter the partial likelihood. */
    public enum Ties { EFRON, BRESLOW }

    private static final int MAX_ITERATIONS = 100;

    /** {@code x[j]} is covariate j over the cases; {@code names[j]} names it in errors. */
    public static CoxModel fit(SurvivalData data, double[][] x, String[] names, Ties ties) {
        int n = data.size(), p = x.length;
        if (data.events() == 0) throw new AnalysisException("no events: the Cox model is undefined");
        double[][] xc = new double[p][];
        for (int j = 0; j < p; j++) {
            double mean = Arrays.stream(x[j]).sum() / n;
            xc[j] = new double[n];
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                xc[j][i] = x[j][i] - mean;
                constant &= x[j][i] == x[j][0];
            }
            if (constant) throw new AnalysisException("covariate " + names[j] + " is constant");
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> Double.compare(data.time()[b], data.time()[a]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        PartialLikelihood pl = new PartialLikelihood(data, xc, order, ties);

        double[] beta = new double[p];
        Step at = pl.evaluate(beta);
        double loglikNull = at.loglik;
        RealVector u0 = new ArrayRealVector(at.gradient);
        double score = u0.dotProduct(solver(at.information, names).solve(u0));
        int iter = 0;
        while (true) {
            if (iter++ >= MAX_ITERATIONS) {
                throw new AnalysisException("the Cox model did not converge in " + MAX_ITERATIONS
                    + " iterations (a coefficient may be infinite: check for a covariate that separates the events)");
            }
            RealVector step = (iter == 1 ? solver(at.information, names) : solverAway(at.information))
                .solve(new ArrayRealVector(at.gradient));
            double[] next = new double[p];
            for (int j = 0; j < p; j++) next[j] = beta[j] + step.getEntry(j);
            Step candidate = pl.evaluate(next);
            int halvings = 0;
            while (!(candidate.loglik >= at.loglik) && halvings < 60) { // also catches NaN from overflow
                for (int j = 0; j < p; j++) next[j] = (next[j] + beta[j]) / 2;
                candidate = pl.evaluate(next);
                halvings++;
            }
            double change = Math.abs(candidate.loglik - at.loglik);
            double stepSize = 0;
            for (int j = 0; j < p; j++) stepSize = Math.max(stepSize, Math.abs(next[j] - beta[j]) / (1 + Math.abs(beta[j])));
            if (!(candidate.loglik >= at.loglik)) break; // no further ascent possible in floating point
            beta = next;
            at = candidate;
            if (stepSize < 1e-13 || change <= 1e-15 * Math.abs(at.loglik)) break;
        }
        for (double b : beta) {
            if (Math.abs(b) > 1e3 || !Double.isFinite(b)) {
                throw new AnalysisException("a Cox coefficient diverges (monotone likelihood): a covariate separates the events");
            }
        }
        RealMatrix inverse = solverAway(at.information).getInverse();
        double[] se = new double[p];
        for (int j = 0; j < p; j++) se[j] = Math.sqrt(inverse.getEntry(j, j));
        RealVector b = new ArrayRealVector(beta);
        double wald = b.dotProduct(new Array2DRowRealMatrix(at.information).operate(b));
        double[] lp = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) lp[i] += beta[j] * xc[j][i];
        return new CoxModel(beta, se, lp, loglikNull, at.loglik, score, wald, iter, n, data.events());
    }

    /** Two-sided Wald p-value of coefficient j. */
    public double p(int j) { return Distributions.normalTwoSidedP(coef[j] / se[j]); }

    private static DecompositionSolver solver(double[][] information, String[] names) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(information), 1e-12, 1e-12).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw new AnalysisException("the Cox information matrix is singular: covariates " + String.join(", ", names)
                + " are collinear or one has no variation among the cases at risk");
        }
    }

    /** Away from beta = 0 a singular information means the likelihood runs off to infinity. */
    private static DecompositionSolver solverAway(double[][] information) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(information), 1e-12, 1e-12).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw new AnalysisException("a Cox coefficient diverges (monotone likelihood): a covariate separates the events");
        }
    }

    private record Step(double loglik, double[] gradient, double[][] information) { }

    /** Log-likelihood, gradient and information (minus the Hessian) at beta. */
    private static final class PartialLikelihood {
        final SurvivalData data;
        final double[][] x;
        final int[] order;
        final Ties ties;

        PartialLikelihood(SurvivalData data, double[][] x, int[] order, Ties ties) {
            this.data = data;
            this.x = x;
            this.order = order;
            this.ties = ties;
        }

        Step evaluate(double[] beta) {
            int n = order.length, p = x.length;
            double[] eta = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) eta[i] += beta[j] * x[j][i];
            double s0 = 0;
            double[] s1 = new double[p], d1 = new double[p], a = new double[p], xi = new double[p];
            double[][] s2 = new double[p][p], d2 = new double[p][p];
            double loglik = 0;
            double[] grad = new double[p];
            double[][] info = new double[p][p];
            for (int k = 0; k < n; ) {
                double t = data.time()[order[k]];
                int end = k;
                while (end < n && data.time()[order[end]] == t) end++;
                // add the block to the risk set; collect its deaths
                double dsum = 0;
                int deaths = 0;
                Arrays.fill(d1, 0);
                for (double[] row : d2) Arrays.fill(row, 0);
                for (int m = k; m < end; m++) {
                    int i = order[m];
                    double r = Math.exp(eta[i]);
                    for (int j = 0; j < p; j++) xi[j] = x[j][i];
                    s0 += r;
                    for (int j = 0; j < p; j++) {
                        s1[j] += r * xi[j];
                        for (int l = 0; l <= j; l++) s2[j][l] += r * xi[j] * xi[l];
                    }
                    if (data.event()[i]) {
                        deaths++;
                        dsum += r;
                        loglik += eta[i];
                        for (int j = 0; j < p; j++) {
                            grad[j] += xi[j];
                            d1[j] += r * xi[j];
                            for (int l = 0; l <= j; l++) d2[j][l] += r * xi[j] * xi[l];
                        }
                    }
                }
                for (int l = 0; l < deaths; l++) {
                    double f = ties == Ties.EFRON ? (double) l / deaths : 0;
                    double denom = s0 - f * dsum;
                    loglik -= Math.log(denom);
                    for (int j = 0; j < p; j++) {
                        a[j] = (s1[j] - f * d1[j]) / denom;
                        grad[j] -= a[j];
                    }
                    for (int j = 0; j < p; j++) {
                        for (int m = 0; m <= j; m++) info[j][m] += (s2[j][m] - f * d2[j][m]) / denom - a[j] * a[m];
                    }
                }
                k = end;
            }
            for (int j = 0; j < p; j++) for (int m = 0; m < j; m++) info[m][j] = info[j][m];
            return new Step(loglik, grad, info);
        }
    }
}
