package org.radiome.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;

/** Brier score and calibration against textbook identities and R's glm fit (reference.json). */
class CalibrationTest {
    @Test
    void brier_of_perfect_predictions_is_zero_and_of_the_prevalence_is_p_times_one_minus_p() {
        double[] y = {0, 1, 1, 0, 1};
        assertThat(Brier.score(y, y)).isZero();
        double[] prevalence = {0.6, 0.6, 0.6, 0.6, 0.6};
        assertThat(Brier.score(y, prevalence)).isCloseTo(0.6 * 0.4, within(1e-15));
        assertThatThrownBy(() -> Brier.score(y, new double[] {0, 1, 1, 0, 1.5})).isInstanceOf(AnalysisException.class);
    }

    /**
     * A logistic model's own fitted probabilities on its training data are calibrated exactly: the maximum
     * likelihood score equations give intercept 0 and slope 1 for glm(y ~ lp), and sum p = sum y. R's fitted
     * values of glm(response ~ 4 covariates) from reference.json.
     */
    @Test
    void rs_glm_fitted_values_recalibrate_to_intercept_0_and_slope_1() {
        double[] y = DiscriminationTest.predictions()[2];
        double[] p = DiscriminationTest.predictions()[0];
        Calibration.Recalibration r = Calibration.recalibration(y, p);
        assertThat(r.slope()).isCloseTo(1, within(1e-8));
        assertThat(r.intercept()).isCloseTo(0, within(1e-8));
        assertThat(r.inTheLarge()).isCloseTo(0, within(1e-8));
    }

    /** Outcomes drawn from the true probabilities: slope about 1, intercept about 0 on a large sample. */
    @Test
    void true_probabilities_are_calibrated_on_a_large_sample() {
        SplittableRandom random = new SplittableRandom(2026);
        int n = 200_000;
        double[] y = new double[n], p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 1 / (1 + Math.exp(-random.nextGaussian() * 1.5));
            y[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        Calibration.Recalibration r = Calibration.recalibration(y, p);
        assertThat(r.slope()).isCloseTo(1, within(0.03)); // se about 0.006
        assertThat(r.intercept()).isCloseTo(0, within(0.03));
        // over-confident probabilities (logit doubled) have slope about 1/2
        double[] extreme = new double[n];
        for (int i = 0; i < n; i++) extreme[i] = 1 / (1 + Math.exp(-2 * Math.log(p[i] / (1 - p[i]))));
        assertThat(Calibration.recalibration(y, extreme).slope()).isCloseTo(0.5, within(0.02));
        Calibration.Bins bins = Calibration.bins(y, p, 10);
        assertThat(bins.counts()).containsOnly(n / 10);
        for (int k = 0; k < 10; k++) assertThat(bins.observedRate()[k]).isCloseTo(bins.meanPredicted()[k], within(0.02));
    }

    @Test
    void separated_or_one_class_predictions_cannot_be_recalibrated() {
        assertThatThrownBy(() -> Calibration.recalibration(new double[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.8, 0.9}))
            .isInstanceOf(AnalysisException.class);
        assertThatThrownBy(() -> Calibration.recalibration(new double[] {1, 1, 1, 1}, new double[] {0.1, 0.2, 0.8, 0.9}))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("one class");
    }
}
