package org.radiome.analysis.penalized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.regression.LogisticRegression;
import org.radiome.analysis.survival.CoxModel;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The solver at the near-unpenalised end of the path, where correlated radiomic features make the problem
 * ill-conditioned: at lambda = 0 Glmnet must give the maximum-likelihood fits of independent solvers
 * (Hipparchus's QR least squares, LogisticRegression and CoxModel, each checked against R elsewhere), and
 * along glmnet's default path down to 1e-4 lambda_max every fit must satisfy the optimality conditions and
 * not depend on the path taken to it.
 */
class GlmnetSolverTest {
    /** The first 15 of the cohort's features (several texture families, strongly correlated within each). */
    static final List<String> FEATURES = Cohort.featureNames().subList(0, 15);

    static double[][] columns(Table t, List<String> names) {
        double[][] x = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) x[j] = t.numeric(names.get(j));
        return x;
    }

    static void assertRelativelyClose(double[] got, double[] want, double tolerance) {
        assertThat(got).hasSameSizeAs(want);
        for (int j = 0; j < want.length; j++) {
            assertThat(got[j]).as("coefficient " + j).isCloseTo(want[j], within(tolerance * Math.max(1, Math.abs(want[j]))));
        }
    }

    @Test
    void unpenalised_gaussian_is_least_squares() {
        Table cc = Cohort.cc();
        double[][] x = columns(cc, FEATURES);
        double[] y = cc.numeric(Cohort.featureNames().get(20));
        int n = y.length, p = x.length;
        double[][] design = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            for (int j = 0; j < p; j++) design[i][j + 1] = x[j][i];
        }
        double[] ols = new QRDecomposition(new Array2DRowRealMatrix(design, false), 0).getSolver()
            .solve(new ArrayRealVector(y, false)).toArray();
        Glmnet.Fit fit = Glmnet.fit(Glmnet.Family.GAUSSIAN, x, y, null, 1, new double[] {0}).get(0);
        assertThat(fit.intercept()).isCloseTo(ols[0], within(1e-8 * Math.max(1, Math.abs(ols[0]))));
        assertRelativelyClose(fit.beta(), java.util.Arrays.copyOfRange(ols, 1, p + 1), 1e-8);
    }

    @Test
    void unpenalised_binomial_is_logistic_regression() {
        Table cc = Cohort.cc();
        double[][] x = columns(cc, FEATURES);
        double[] y = cc.numeric("response");
        LogisticRegression mle = LogisticRegression.fit(y, x, FEATURES.toArray(String[]::new), "response");
        Glmnet.Fit fit = Glmnet.fit(Glmnet.Family.BINOMIAL, x, y, null, 0.5, new double[] {0}).get(0);
        assertThat(fit.intercept()).isCloseTo(mle.coef()[0], within(1e-7 * Math.max(1, Math.abs(mle.coef()[0]))));
        assertRelativelyClose(fit.beta(), java.util.Arrays.copyOfRange(mle.coef(), 1, FEATURES.size() + 1), 1e-7);
    }

    @Test
    void unpenalised_cox_is_coxph_breslow() {
        Table cc = Cohort.cc();
        double[][] x = columns(cc, FEATURES);
        SurvivalData surv = SurvivalData.of(cc.numeric("os_time"), cc.numeric("os_event"), "os_event");
        CoxModel mle = CoxModel.fit(surv, x, FEATURES.toArray(String[]::new), CoxModel.Ties.BRESLOW);
        Glmnet.Fit fit = Glmnet.fit(Glmnet.Family.COX, x, null, surv, 1, new double[] {0}).get(0);
        assertRelativelyClose(fit.beta(), mle.coef(), 1e-7);
    }

    /**
     * lambda_max as glmnet computes it, for each family: reference.json's lambda sequences start at
     * signif(lambda_max, 6) of glmnet's own lambda_max (its glmnet notes).
     */
    @Test
    void lambda_max_is_glmnets_for_every_family() {
        JsonNode glm = Cohort.reference().get("glmnet");
        for (Glmnet.Family family : Glmnet.Family.values()) {
            String section = switch (family) {
                case GAUSSIAN -> "gaussian_lasso";
                case BINOMIAL -> "binomial_elastic_net";
                case COX -> "cox_lasso";
            };
            JsonNode ref = glm.get(section);
            Table t = ref.get("n").asInt() == Cohort.d().rowCount() ? Cohort.d() : Cohort.cc();
            List<String> names = new java.util.ArrayList<>();
            ref.get("x").forEach(v -> names.add(v.asText()));
            double[] y = family == Glmnet.Family.COX ? null : t.numeric(ref.get("y").asText());
            SurvivalData surv = family == Glmnet.Family.COX ? SurvivalData.of(t.numeric("os_time"), t.numeric("os_event"), "os_event") : null;
            double alpha = ref.has("alpha") ? ref.get("alpha").asDouble() : 1;
            double want = ref.get("lambda_sequence").get(0).asDouble();
            assertThat(Glmnet.lambdaMax(family, columns(t, names), y, surv, alpha, null)).as(section).isCloseTo(want, within(6e-6 * want));
        }
    }

    /** glmnet's default path for n > p, 100 lambdas to 1e-4 lambda_max, on all 60 features (slow before the exact inner solve). */
    @Test
    void default_path_is_optimal_to_its_end_and_path_independent() {
        Table cc = Cohort.cc();
        double[][] x = columns(cc, Cohort.featureNames());
        double[] y = cc.numeric("response");
        SurvivalData surv = SurvivalData.of(cc.numeric("os_time"), cc.numeric("os_event"), "os_event");
        for (Glmnet.Family family : List.of(Glmnet.Family.BINOMIAL, Glmnet.Family.COX)) {
            double alpha = family == Glmnet.Family.COX ? 1 : 0.5;
            double[] path = new double[100];
            double lambdaMax = family == Glmnet.Family.COX ? 0.434637 : 0.550634; // reference.json's lambda_max
            for (int k = 0; k < path.length; k++) path[k] = lambdaMax * Math.pow(1e-4, k / 99.0);
            List<Glmnet.Fit> fits = Glmnet.fit(family, x, y, surv, alpha, path);
            for (Glmnet.Fit fit : fits) {
                // rounding leaves about 1e-13 of lambda, or about 1e-15 absolute (1e-11 of the smallest lambdas)
                assertThat(fit.kktViolation()).as(family + " KKT at " + fit.lambda()).isLessThan(Math.max(1e-12, 1e-14 / fit.lambda()));
            }
            for (int k : new int[] {40, 99}) {
                Glmnet.Fit cold = Glmnet.fit(family, x, y, surv, alpha, new double[] {path[k]}).get(0);
                assertThat(cold.df()).isEqualTo(fits.get(k).df());
                assertRelativelyClose(cold.beta(), fits.get(k).beta(), 1e-6);
            }
        }
    }
}
