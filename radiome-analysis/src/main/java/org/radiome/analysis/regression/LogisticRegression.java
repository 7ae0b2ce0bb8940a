package org.radiome.analysis.regression;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * Logistic regression as {@code glm(y ~ x, family = binomial)}: iteratively reweighted least squares from
 * glm's start (mu = (y + 1/2) / 2), run to the maximum likelihood (R's reference fit used
 * {@code epsilon = 1e-14}; glm's default stops a little short). The first coefficient is the intercept.
 *
 * <p>Written by hand because Hipparchus has no generalised linear models; the weighted least-squares step
 * uses Hipparchus' Cholesky decomposition. Where glm only warns, this class refuses: a response with one
 * class, and (quasi-)perfect separation, detected as glm detects it, by a fitted probability within
 * 10 machine epsilons of 0 or 1. Thread-safe.
 *
 * @param coef      intercept, then one coefficient per covariate
 * @param se        standard errors from (X' W X)^-1 at the maximum
 * @param fitted    fitted probabilities
 * @param deviance  residual deviance, -2 log-likelihood
 */
public record LogisticRegression(double[] coef, double[] se, double[] fitted, double deviance, double nullDeviance,
                                 int iterations) {
    private static final int MAX_ITERATIONS = 100;
    private static final double EPSILON = 10 * Math.ulp(1.0);

    /** {@code y} is 0/1; {@code x[j]} is covariate j over the cases, named {@code names[j]} in errors. */
    public static LogisticRegression fit(double[] y, double[][] x, String[] names, String response) {
        int n = y.length, p = x.length + 1;
        int ones = 0;
        for (double v : y) {
            if (v == 1) ones++;
            else if (v != 0) throw new AnalysisException("response " + response + " must be 0 or 1, found " + v);
        }
        if (ones == 0 || ones == n) {
            throw new AnalysisException("response " + response + " has one class only (" + (ones == 0 ? "all 0" : "all 1") + ")");
        }
        for (int j = 0; j < x.length; j++) {
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) constant = x[j][i] == x[j][0];
            if (constant) throw new AnalysisException("covariate " + names[j] + " is constant");
        }
        double[] eta = new double[n], mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = (y[i] + 0.5) / 2;
            eta[i] = Math.log(mu[i] / (1 - mu[i]));
        }
        double[] beta = new double[p];
        double devOld = deviance(y, mu);
        int iter = 0;
        boolean converged = false;
        double change = Double.POSITIVE_INFINITY;
        while (iter < MAX_ITERATIONS && !converged) {
            iter++;
            double[][] xtwx = new double[p][p];
            double[] xtwz = new double[p];
            double[] row = new double[p];
            for (int i = 0; i < n; i++) {
                double w = mu[i] * (1 - mu[i]);
                double z = eta[i] + (y[i] - mu[i]) / w;
                row[0] = 1;
                for (int j = 1; j < p; j++) row[j] = x[j - 1][i];
                for (int a = 0; a < p; a++) {
                    xtwz[a] += w * row[a] * z;
                    for (int b = 0; b <= a; b++) xtwx[a][b] += w * row[a] * row[b];
                }
            }
            symmetrise(xtwx);
            double[] next = solver(xtwx, names).solve(new ArrayRealVector(xtwz)).toArray();
            change = 0;
            for (int j = 0; j < p; j++) change = Math.max(change, Math.abs(next[j] - beta[j]) / (1 + Math.abs(next[j])));
            beta = next;
            for (int i = 0; i < n; i++) {
                double e = beta[0];
                for (int j = 1; j < p; j++) e += beta[j] * x[j - 1][i];
                eta[i] = e;
                mu[i] = 1 / (1 + Math.exp(-e));
            }
            if (separated(mu)) throw separation(names, response);
            double dev = deviance(y, mu);
            converged = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-15 || change < 1e-14;
            devOld = dev;
        }
        if (!converged && change > 1e-9) throw new AnalysisException("logistic regression did not converge in " + MAX_ITERATIONS + " iterations");
        double[][] xtwx = new double[p][p];
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            double w = mu[i] * (1 - mu[i]);
            row[0] = 1;
            for (int j = 1; j < p; j++) row[j] = x[j - 1][i];
            for (int a = 0; a < p; a++) for (int b = 0; b <= a; b++) xtwx[a][b] += w * row[a] * row[b];
        }
        symmetrise(xtwx);
        RealMatrix inverse = solver(xtwx, names).getInverse();
        double[] se = new double[p];
        for (int j = 0; j < p; j++) se[j] = Math.sqrt(inverse.getEntry(j, j));
        double ybar = (double) ones / n;
        double[] nullMu = new double[n];
        java.util.Arrays.fill(nullMu, ybar);
        return new LogisticRegression(beta, se, mu.clone(), deviance(y, mu), deviance(y, nullMu), iter);
    }

    private static boolean separated(double[] mu) {
        for (double m : mu) if (!(m <= 1 - EPSILON && m >= EPSILON)) return true;
        return false;
    }

    private static AnalysisException separation(String[] names, String response) {
        return new AnalysisException("perfect separation: fitted probabilities of 0 or 1 occurred; the covariates "
            + String.join(", ", names) + " predict " + response + " (almost) exactly and the coefficients are infinite");
    }

    /** Two-sided Wald p-value of coefficient j (0 = intercept). */
    public double p(int j) { return Distributions.normalTwoSidedP(coef[j] / se[j]); }

    /** AIC = deviance + 2 (number of coefficients), as glm for a 0/1 response. */
    public double aic() { return deviance + 2 * coef.length; }

    private static double deviance(double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) d -= 2 * (y[i] == 1 ? Math.log(mu[i]) : Math.log1p(-mu[i]));
        return d;
    }

    private static void symmetrise(double[][] m) {
        for (int a = 0; a < m.length; a++) for (int b = 0; b < a; b++) m[b][a] = m[a][b];
    }

    private static DecompositionSolver solver(double[][] m, String[] names) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(m), 1e-14, 1e-14).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw new AnalysisException("the covariates " + String.join(", ", names)
                + " are collinear (or the fit runs to perfect separation): X'WX is singular");
        }
    }
}
