package org.radiome.analysis.penalized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Cox family of GlmnetCv. reference.json has no Cox cross-validation from R, so it is checked against the
 * identity that defines glmnet 4.1's {@code cv.glmnet(family = "cox", type.measure = "deviance", grouped = TRUE)}
 * ({@code buildPredmat.coxnetlist}, {@code cv.coxnet}), recomputed here by brute force from the definition of the
 * Breslow partial likelihood: fold k's loss is [D(b_k; all cases) - D(b_k; cases outside k)] / e_k with
 * D = 2 (l_sat - l) ({@code coxnet.deviance}), and cvm / cvsd its event-weighted mean and standard error. The
 * deviance itself is checked against survival's coxph (Breslow log-likelihoods in reference.json).
 */
class GlmnetCvCoxTest {
    static final JsonNode COX = Cohort.reference().get("glmnet").get("cox_lasso");

    /** The deviance's likelihood part against coxph(ties = "breslow"): D(b) - D(0) = 2 (loglik_null - loglik). */
    @Test
    void breslow_deviance_matches_coxph_log_likelihoods() {
        JsonNode breslow = Cohort.reference().get("cox").get("breslow");
        Table d = Cohort.d();
        int n = d.rowCount();
        double[] eta = new double[n];
        for (JsonNode cov : Cohort.reference().get("cox").get("covariates")) {
            String name = cov.asText();
            double b = breslow.get("coefficients").get(name).get("coef").asDouble();
            double[] v = d.numeric(name.startsWith("z_") ? name.substring(2) : name);
            if (name.startsWith("z_")) v = zScore(v);
            for (int i = 0; i < n; i++) eta[i] += b * v[i];
        }
        SurvivalData surv = SurvivalData.of(d.numeric("os_time"), d.numeric("os_event"), "os_event");
        Glmnet.RiskSets risk = new Glmnet.RiskSets(surv);
        double diff = risk.deviance(eta) - risk.deviance(new double[n]);
        double ref = 2 * (breslow.get("loglik_null").asDouble() - breslow.get("loglik").asDouble());
        assertThat(diff).isCloseTo(ref, within(1e-6 * Math.abs(ref)));
    }

    @Test
    void cox_cross_validation_is_the_grouped_difference_of_full_and_training_deviances() {
        Table cc = Cohort.cc();
        List<String> names = new ArrayList<>();
        COX.get("x").forEach(v -> names.add(v.asText()));
        double[][] x = new double[names.size()][];
        for (int j = 0; j < x.length; j++) x[j] = cc.numeric(names.get(j));
        double[] time = cc.numeric("os_time"), status = cc.numeric("os_event");
        SurvivalData surv = SurvivalData.of(time, status, "os_event");
        // R's foldid for the complete cases (drawn for the binomial elastic net's cv.glmnet on cc)
        int[] foldId = Cohort.ints(Cohort.reference().get("glmnet").get("binomial_elastic_net").get("cv").get("foldid"));
        double[] lambdas = Cohort.doubles(COX.get("lambda_sequence")); // R's whole path, 40 values
        int n = time.length, folds = Arrays.stream(foldId).max().orElseThrow(), m = lambdas.length;
        int[] all = java.util.stream.IntStream.range(0, n).toArray();

        double[][] raw = new double[folds][m];
        double[] events = new double[folds];
        boolean saturatedTermMatters = false;
        for (int k = 1; k <= folds; k++) {
            final int fold = k;
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> foldId[i] != fold).toArray();
            for (int i = 0; i < n; i++) if (foldId[i] == k) events[k - 1] += status[i];
            double[][] xTrain = new double[x.length][train.length];
            for (int j = 0; j < x.length; j++) for (int r = 0; r < train.length; r++) xTrain[j][r] = x[j][train[r]];
            List<Glmnet.Fit> fits = Glmnet.fit(Glmnet.Family.COX, xTrain, null, surv.subset(train), 1, lambdas);
            for (int l = 0; l < m; l++) {
                double[] eta = new double[n];
                for (int i = 0; i < n; i++) for (int j = 0; j < x.length; j++) eta[i] += fits.get(l).beta()[j] * x[j][i];
                raw[k - 1][l] = (deviance(time, status, eta, all) - deviance(time, status, eta, train)) / events[k - 1];
            }
            saturatedTermMatters |= saturated(time, status, all) != saturated(time, status, train);
        }
        // the cohort's tied death days make l_sat differ between all cases and a fold's training cases
        assertThat(saturatedTermMatters).isTrue();
        double total = Arrays.stream(events).sum();
        double[] cvm = new double[m], cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            for (int k = 0; k < folds; k++) cvm[l] += events[k] * raw[k][l] / total;
            double ss = 0;
            for (int k = 0; k < folds; k++) ss += events[k] * (raw[k][l] - cvm[l]) * (raw[k][l] - cvm[l]) / total;
            cvsd[l] = Math.sqrt(ss / (folds - 1));
        }

        GlmnetCv.Result cv = GlmnetCv.run(Glmnet.Family.COX, x, null, surv, 1, lambdas, foldId, null);
        assertThat(cv.measure()).isEqualTo("deviance");
        assertThat(cv.name()).isEqualTo("Partial Likelihood Deviance");
        assertThat(cv.folds()).isEqualTo(folds);
        for (int l = 0; l < m; l++) {
            assertThat(cv.cvm()[l]).as("cvm " + l).isCloseTo(cvm[l], within(1e-10 * Math.abs(cvm[l])));
            assertThat(cv.cvsd()[l]).as("cvsd " + l).isCloseTo(cvsd[l], within(1e-8 * Math.abs(cvsd[l])));
        }
        int min = 0;
        for (int l = 1; l < m; l++) if (cvm[l] < cvm[min]) min = l;
        int oneSe = 0;
        while (cvm[oneSe] > cvm[min] + cvsd[min]) oneSe++; // the lambdas decrease
        assertThat(cv.indexMin()).isEqualTo(min);
        assertThat(cv.index1se()).isEqualTo(oneSe);
        assertThat(min).as("the curve has an interior minimum on this path").isGreaterThan(0).isLessThan(m - 1);
    }

    @Test
    void every_fold_needs_an_event() {
        double[][] x = {{1, 2, 3, 4, 5, 6}};
        SurvivalData surv = SurvivalData.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 0, 1, 1, 0, 1}, "e");
        assertThatThrownBy(() -> GlmnetCv.run(Glmnet.Family.COX, x, null, surv, 1, new double[] {0.1}, new int[] {1, 2, 3, 1, 2, 3}, null))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("fold 2 has no events");
    }

    /** 2 (l_sat - l) over the cases {@code rows}, straight from the definition of the Breslow partial likelihood. */
    static double deviance(double[] time, double[] status, double[] eta, int[] rows) {
        TreeSet<Double> deathTimes = new TreeSet<>();
        for (int i : rows) if (status[i] == 1) deathTimes.add(time[i]);
        double loglik = 0;
        for (double s : deathTimes) {
            int deaths = 0;
            double deathEta = 0, atRisk = 0;
            for (int i : rows) {
                if (time[i] == s && status[i] == 1) { deaths++; deathEta += eta[i]; }
                if (time[i] >= s) atRisk += Math.exp(eta[i]);
            }
            loglik += deathEta - deaths * Math.log(atRisk);
        }
        return 2 * (saturated(time, status, rows) - loglik);
    }

    /** -sum over death times of d log d. */
    static double saturated(double[] time, double[] status, int[] rows) {
        TreeSet<Double> deathTimes = new TreeSet<>();
        for (int i : rows) if (status[i] == 1) deathTimes.add(time[i]);
        double sat = 0;
        for (double s : deathTimes) {
            int deaths = 0;
            for (int i : rows) if (time[i] == s && status[i] == 1) deaths++;
            sat -= deaths * Math.log(deaths);
        }
        return sat;
    }

    /** R's scale(): centre, divide by the sample SD (n - 1). */
    static double[] zScore(double[] v) {
        double m = 0;
        for (double x : v) m += x / v.length;
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        double sd = Math.sqrt(ss / (v.length - 1));
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) z[i] = (v[i] - m) / sd;
        return z;
    }
}
