package org.radiome.analysis.penalized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.model.LambdaPath;
import org.radiome.analysis.regression.LogisticRegression;
import org.radiome.analysis.survival.CoxModel;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

/**
 * glmnet's {@code penalty.factor}, checked against what it means rather than against our own numbers: factor 0
 * everywhere is the unpenalised maximum-likelihood fit of independent solvers (Hipparchus QR, LogisticRegression,
 * CoxModel); above lambda_max the penalised columns are zero and the others are the maximum-likelihood fit on them
 * alone; a factor-0 column is in every model of the path; factors all equal to c give the fit of factors all 1
 * (glmnet rescales them to sum to nvars); the optimality conditions, recomputed here from the likelihood on the
 * original data with the rescaled factors, hold to about 1e-12 lambda; lambda_max equals max over the penalised
 * columns of |gradient| / (alpha vp_j) at the maximum-likelihood fit of the unpenalised ones.
 */
class GlmnetPenaltyFactorTest {
    static final List<String> FEATURES = Cohort.featureNames().subList(0, 8);
    /** Two unpenalised columns (0 and 3) and unequal factors for the rest. */
    static final double[] FACTORS = {0, 1, 2, 0, 0.5, 1, 3, 1};

    static double[][] x() { return GlmnetSolverTest.columns(Cohort.cc(), FEATURES); }

    static double[] y() { return Cohort.cc().numeric("response"); }

    static SurvivalData surv() {
        Table cc = Cohort.cc();
        return SurvivalData.of(cc.numeric("os_time"), cc.numeric("os_event"), "os_event");
    }

    static double[] zeros(int p) { return new double[p]; }

    @Test
    void factors_all_zero_give_the_unpenalised_fit_at_any_lambda() {
        double[][] x = x();
        int p = x.length;
        // gaussian: least squares by Hipparchus QR
        double[] yg = Cohort.cc().numeric(Cohort.featureNames().get(20));
        int n = yg.length;
        double[][] design = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            for (int j = 0; j < p; j++) design[i][j + 1] = x[j][i];
        }
        double[] ols = new QRDecomposition(new Array2DRowRealMatrix(design, false), 0).getSolver().solve(new ArrayRealVector(yg, false)).toArray();
        Glmnet.Fit g = Glmnet.fit(Glmnet.Family.GAUSSIAN, x, yg, null, 0.5, new double[] {0.3}, zeros(p)).get(0);
        assertThat(g.intercept()).isCloseTo(ols[0], within(1e-8 * Math.max(1, Math.abs(ols[0]))));
        GlmnetSolverTest.assertRelativelyClose(g.beta(), Arrays.copyOfRange(ols, 1, p + 1), 1e-8);
        // binomial
        LogisticRegression mle = LogisticRegression.fit(y(), x, FEATURES.toArray(String[]::new), "response");
        Glmnet.Fit b = Glmnet.fit(Glmnet.Family.BINOMIAL, x, y(), null, 1, new double[] {0.2}, zeros(p)).get(0);
        assertThat(b.intercept()).isCloseTo(mle.coef()[0], within(1e-7 * Math.max(1, Math.abs(mle.coef()[0]))));
        GlmnetSolverTest.assertRelativelyClose(b.beta(), Arrays.copyOfRange(mle.coef(), 1, p + 1), 1e-7);
        // cox
        CoxModel cox = CoxModel.fit(surv(), x, FEATURES.toArray(String[]::new), CoxModel.Ties.BRESLOW);
        Glmnet.Fit c = Glmnet.fit(Glmnet.Family.COX, x, null, surv(), 1, new double[] {0.2}, zeros(p)).get(0);
        GlmnetSolverTest.assertRelativelyClose(c.beta(), cox.coef(), 1e-7);
        assertThat(Double.isNaN(Glmnet.lambdaMax(Glmnet.Family.COX, x, null, surv(), 1, zeros(p)))).isTrue();
    }

    /** vp rescaled as glmnet.path does: pmax(0, pf) * nvars / sum. */
    static double[] rescaled(double[] pf) {
        double sum = Arrays.stream(pf).map(v -> Math.max(0, v)).sum();
        return Arrays.stream(pf).map(v -> Math.max(0, v) * pf.length / sum).toArray();
    }

    static double[] meanSd(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow(), ss = 0;
        for (double a : v) ss += (a - m) * (a - m);
        return new double[] {m, Math.sqrt(ss / v.length)};
    }

    static double[][] sub(double[][] x, int... cols) {
        double[][] out = new double[cols.length][];
        for (int k = 0; k < cols.length; k++) out[k] = x[cols[k]];
        return out;
    }

    /**
     * The gradient of -loglik / n with respect to the standardised coefficients (x_j - mean_j) / sd_j, at the linear
     * predictor eta, computed here from the likelihood: binomial -(1/n) sum z_ij (y_i - p_i); Cox (Breslow)
     * -(1/n) sum over deaths i of (z_ij - zbar_j(t_i)), zbar the e^eta-weighted mean over the risk set {t >= t_i}.
     */
    static double[] gradient(Glmnet.Family family, double[][] x, double[] y, SurvivalData s, double[] eta) {
        int n = eta.length, p = x.length;
        double[] g = new double[p];
        for (int j = 0; j < p; j++) {
            double[] ms = meanSd(x[j]);
            double sum = 0;
            if (family == Glmnet.Family.BINOMIAL) {
                for (int i = 0; i < n; i++) sum += (x[j][i] - ms[0]) / ms[1] * (y[i] - 1 / (1 + Math.exp(-eta[i])));
            } else {
                for (int i = 0; i < n; i++) {
                    if (!s.event()[i]) continue;
                    double num = 0, den = 0;
                    for (int k = 0; k < n; k++) {
                        if (s.time()[k] < s.time()[i]) continue;
                        double w = Math.exp(eta[k]);
                        num += w * x[j][k];
                        den += w;
                    }
                    sum += (x[j][i] - num / den) / ms[1];
                }
            }
            g[j] = -sum / n;
        }
        return g;
    }

    static double[] eta(double[][] x, double intercept, double[] beta) {
        double[] eta = new double[x[0].length];
        Arrays.fill(eta, intercept);
        for (int j = 0; j < x.length; j++) for (int i = 0; i < eta.length; i++) eta[i] += beta[j] * x[j][i];
        return eta;
    }

    @Test
    void lambda_max_is_the_largest_scaled_gradient_at_the_unpenalised_fit_and_zeroes_the_penalised_columns() {
        double[][] x = x();
        double[] vp = rescaled(FACTORS);
        int[] free = {0, 3};
        for (Glmnet.Family family : List.of(Glmnet.Family.BINOMIAL, Glmnet.Family.COX)) {
            double alpha = family == Glmnet.Family.COX ? 1 : 0.5;
            // the null model: the unpenalised columns fitted by maximum likelihood, independently
            double[] beta = new double[x.length];
            double intercept = 0;
            if (family == Glmnet.Family.BINOMIAL) {
                double[] c = LogisticRegression.fit(y(), sub(x, free), new String[] {"a", "b"}, "response").coef();
                intercept = c[0];
                beta[0] = c[1];
                beta[3] = c[2];
            } else {
                double[] c = CoxModel.fit(surv(), sub(x, free), new String[] {"a", "b"}, CoxModel.Ties.BRESLOW).coef();
                beta[0] = c[0];
                beta[3] = c[1];
            }
            double[] g = gradient(family, x, y(), surv(), eta(x, intercept, beta));
            double want = 0;
            for (int j = 0; j < x.length; j++) if (vp[j] > 0) want = Math.max(want, Math.abs(g[j]) / (alpha * vp[j]));
            double got = Glmnet.lambdaMax(family, x, y(), surv(), alpha, FACTORS);
            assertThat(got).as(family + " lambda_max").isCloseTo(want, within(1e-9 * want));

            List<Glmnet.Fit> fits = Glmnet.fit(family, x, y(), surv(), alpha, new double[] {got * 1.0001, got * 0.999}, FACTORS);
            Glmnet.Fit above = fits.get(0), below = fits.get(1);
            for (int j = 0; j < x.length; j++) {
                if (vp[j] > 0) assertThat(above.beta()[j]).as(family + " penalised column " + j + " above lambda_max").isZero();
                else assertThat(above.beta()[j]).as(family + " unpenalised column " + j).isCloseTo(beta[j], within(1e-7 * Math.max(1, Math.abs(beta[j]))));
            }
            assertThat(above.intercept()).isCloseTo(intercept, within(1e-7 * Math.max(1, Math.abs(intercept))));
            assertThat(below.df()).as(family + " one penalised column enters just below lambda_max").isEqualTo(3);
        }
    }

    @Test
    void an_unpenalised_column_is_in_every_model_of_the_path_and_the_optimality_conditions_hold() {
        double[][] x = x();
        double[] vp = rescaled(FACTORS);
        for (Glmnet.Family family : List.of(Glmnet.Family.BINOMIAL, Glmnet.Family.COX)) {
            double alpha = family == Glmnet.Family.COX ? 1 : 0.5;
            double lambdaMax = Glmnet.lambdaMax(family, x, y(), surv(), alpha, FACTORS);
            double[] path = LambdaPath.sequence(lambdaMax, 30, 1e-3);
            List<Glmnet.Fit> fits = Glmnet.fit(family, x, y(), surv(), alpha, path, FACTORS);
            for (Glmnet.Fit fit : fits) {
                assertThat(fit.beta()[0]).as(family + " column 0 at " + fit.lambda()).isNotZero();
                assertThat(fit.beta()[3]).as(family + " column 3 at " + fit.lambda()).isNotZero();
                assertThat(fit.kktViolation()).as("reported KKT violation / lambda").isLessThan(Math.max(1e-12, 1e-14 / fit.lambda()));
            }
            // the KKT conditions recomputed from the likelihood, on the standardised scale where the penalty applies
            for (int k : new int[] {5, 15, 29}) {
                Glmnet.Fit fit = fits.get(k);
                double lambda = fit.lambda();
                double[] g = gradient(family, x, y(), surv(), eta(x, fit.intercept(), fit.beta()));
                for (int j = 0; j < x.length; j++) {
                    double theta = fit.beta()[j] * meanSd(x[j])[1];
                    double violation;
                    if (vp[j] == 0) violation = Math.abs(g[j]);
                    else if (theta != 0) violation = Math.abs(g[j] + lambda * vp[j] * ((1 - alpha) * theta + alpha * Math.signum(theta)));
                    else violation = Math.max(0, Math.abs(g[j]) - lambda * alpha * vp[j]);
                    assertThat(violation).as(family + " KKT of column " + j + " at lambda " + lambda).isLessThan(1e-12 * lambda + 1e-15);
                }
            }
        }
    }

    @Test
    void factors_all_equal_give_the_fit_of_factors_all_one() {
        double[][] x = x();
        double[] c = new double[x.length], ones = new double[x.length];
        Arrays.fill(c, 3.7);
        Arrays.fill(ones, 1);
        for (Glmnet.Family family : List.of(Glmnet.Family.BINOMIAL, Glmnet.Family.COX)) {
            double[] lambdas = {0.05, 0.01};
            List<Glmnet.Fit> plain = Glmnet.fit(family, x, y(), surv(), 1, lambdas);
            List<Glmnet.Fit> scaled = Glmnet.fit(family, x, y(), surv(), 1, lambdas, c);
            List<Glmnet.Fit> unit = Glmnet.fit(family, x, y(), surv(), 1, lambdas, ones);
            for (int k = 0; k < lambdas.length; k++) {
                assertThat(plain.get(k).df()).isPositive();
                GlmnetSolverTest.assertRelativelyClose(scaled.get(k).beta(), plain.get(k).beta(), 1e-10);
                GlmnetSolverTest.assertRelativelyClose(unit.get(k).beta(), plain.get(k).beta(), 1e-12);
            }
            double closedForm = Glmnet.lambdaMax(family, x, y(), surv(), 1, null);
            assertThat(Glmnet.lambdaMax(family, x, y(), surv(), 1, c)).isCloseTo(closedForm, within(1e-12));
            // the closed-form null gradient against the solver's null model (binomial: the intercept fitted by Newton)
            assertThat(Glmnet.fittedNullModelLambdaMax(family, x, y(), surv(), 1, ones)).isCloseTo(closedForm, within(1e-12));
        }
        assertThat(Glmnet.rescaledFactors(new double[] {0, 2, 2, -1}, 4)).containsExactly(0, 2, 2, 0);
    }
}
