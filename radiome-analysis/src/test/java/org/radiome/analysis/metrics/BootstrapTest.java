package org.radiome.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;

class BootstrapTest {
    static double[] normal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    /** The percentile interval of a mean approaches the normal one, mean -/+ 1.96 s / sqrt(n). */
    @Test
    void interval_of_a_mean_matches_the_normal_theory_interval() {
        double[] v = normal(400, 1);
        ToDoubleFunction<int[]> mean = idx -> { double s = 0; for (int i : idx) s += v[i]; return s / idx.length; };
        Bootstrap.Interval ci = Bootstrap.ci(v.length, mean, 4000, 42, 0.95);
        double m = mean.applyAsDouble(java.util.stream.IntStream.range(0, v.length).toArray());
        double sd = 0;
        for (double x : v) sd += (x - m) * (x - m);
        sd = Math.sqrt(sd / (v.length - 1));
        double half = 1.959964 * sd / Math.sqrt(v.length);
        assertThat(ci.estimate()).isEqualTo(m);
        assertThat(ci.lower()).isCloseTo(m - half, within(0.15 * half));
        assertThat(ci.upper()).isCloseTo(m + half, within(0.15 * half));
        assertThat(ci.replicates()).isEqualTo(4000);
        assertThat(ci.skipped()).isZero();
        assertThat(Bootstrap.ci(v.length, mean, 4000, 42, 0.95)).isEqualTo(ci);
        assertThat(Bootstrap.ci(v.length, mean, 4000, 43, 0.95)).isNotEqualTo(ci);
    }

    /** DeLong's interval of the cohort's AUC (pROC) and the stratified bootstrap agree, as large-sample theory says. */
    @Test
    void stratified_bootstrap_of_the_auc_agrees_with_delong() {
        double[] y = DiscriminationTest.predictions()[2];
        double[] p = DiscriminationTest.predictions()[0];
        int[] strata = new int[y.length];
        for (int i = 0; i < y.length; i++) strata[i] = (int) y[i];
        Bootstrap.Interval ci = Bootstrap.stratifiedCi(strata, idx -> Discrimination.auc(pick(y, idx), pick(p, idx)), 2000, 7, 0.95);
        Discrimination.Auc delong = Discrimination.aucWithCi(y, p);
        assertThat(ci.skipped()).isZero();
        assertThat(ci.lower()).isCloseTo(delong.lower(), within(0.015));
        assertThat(ci.upper()).isCloseTo(delong.upper(), within(0.015));
    }

    /**
     * Computations sharing one set of draws get exactly the intervals each gets alone with the same seed, also when
     * one of them is undefined (throws) on some replicates and another is not.
     */
    @Test
    void computations_on_shared_draws_get_the_intervals_each_gets_alone() {
        double[] y = {1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0};
        double[] s = {0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.35, 0.6, 0.8, 0.05, 0.45, 0.15};
        int[] strata = new int[y.length];
        java.util.function.Function<int[], double[]> mean = idx -> {
            double m = 0;
            for (int i : idx) m += s[i] / idx.length;
            return new double[] {m, m * m};
        };
        java.util.function.Function<int[], double[]> auc = idx -> new double[] {Discrimination.auc(pick(y, idx), pick(s, idx))};
        Bootstrap.Interval[] shared = Bootstrap.stratifiedCis(strata, java.util.List.of(mean, auc), 500, 9, 0.9);
        Bootstrap.Interval[] alone = Bootstrap.stratifiedCis(strata, mean, 500, 9, 0.9);
        Bootstrap.Interval aucAlone = Bootstrap.stratifiedCis(strata, auc, 500, 9, 0.9)[0];
        assertThat(shared).containsExactly(alone[0], alone[1], aucAlone);
        // the AUC is undefined on replicates without a case of class 1 (3 of 12): skipped for it alone
        assertThat(aucAlone.skipped()).isPositive();
        assertThat(shared[0].skipped()).isZero();
    }

    @Test
    void replicates_where_the_metric_is_undefined_are_skipped_and_counted() {
        double[] y = {1, 0, 0, 0, 0, 0};
        double[] s = {0.9, 0.1, 0.2, 0.3, 0.4, 0.5};
        Bootstrap.Interval ci = Bootstrap.ci(y.length, idx -> Discrimination.auc(pick(y, idx), pick(s, idx)), 1000, 3, 0.9);
        // the single case is left out of a replicate with probability (5/6)^6 = 0.335
        assertThat(ci.skipped()).isBetween(280, 390);
        assertThat(ci.replicates() + ci.skipped()).isEqualTo(1000);
        assertThatThrownBy(() -> Bootstrap.ci(3, idx -> { throw new AnalysisException("undefined"); }, 10, 1, 0.95))
            .isInstanceOf(AnalysisException.class);
    }

    @Test
    void risk_groups_cut_at_training_quantiles() {
        double[] risk = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] cuts = RiskGroups.cutPoints(risk, 2);
        assertThat(cuts).containsExactly(4.5); // R: quantile(1:8, 0.5)
        assertThat(RiskGroups.assign(new double[] {0, 4.5, 4.6, 100}, cuts)).containsExactly(0, 0, 1, 1);
        assertThat(RiskGroups.cutPoints(risk, 4)).containsExactly(2.75, 4.5, 6.25); // quantile(1:8, c(.25, .5, .75))
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }
}
