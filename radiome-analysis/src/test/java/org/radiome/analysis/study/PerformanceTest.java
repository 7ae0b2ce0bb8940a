package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.metrics.Bootstrap;
import org.radiome.analysis.metrics.Brier;
import org.radiome.analysis.metrics.Calibration;
import org.radiome.analysis.metrics.Discrimination;

/**
 * The model card's calibration intercept and slope with bootstrap intervals, against their definition
 * (Steyerberg, Clinical Prediction Models, ch. 15): outcomes drawn from the predicted probabilities themselves
 * are calibrated (slope 1, intercept 0); predictions twice as extreme on the logit scale have slope 1/2.
 */
class PerformanceTest {
    @Test
    void calibrated_predictions_have_slope_one_and_overconfident_ones_slope_one_half() {
        Random random = new Random(11);
        int n = 3000;
        double[] p = new double[n], extreme = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double lp = random.nextGaussian() * 1.5 - 0.3;
            p[i] = 1 / (1 + Math.exp(-lp));
            extreme[i] = 1 / (1 + Math.exp(-2 * lp));
            y[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        Performance.BinaryEstimates g = Performance.binary(y, p, 300, 5);
        Performance.Estimate[] good = {g.calibrationIntercept(), g.calibrationSlope(), g.calibrationInTheLarge()};
        assertThat(good[0].lower()).isLessThan(0);
        assertThat(good[0].upper()).isGreaterThan(0);
        assertThat(good[1].lower()).isLessThan(1);
        assertThat(good[1].upper()).isGreaterThan(1);
        assertThat(good[2].lower()).isLessThan(0);
        assertThat(good[2].upper()).isGreaterThan(0);
        Performance.BinaryEstimates o = Performance.binary(y, extreme, 300, 5);
        Performance.Estimate[] over = {o.calibrationIntercept(), o.calibrationSlope(), o.calibrationInTheLarge()};
        assertThat(over[1].lower()).isLessThan(0.5);
        assertThat(over[1].upper()).isBetween(0.5, 1.0);
        assertThat(over[1].value()).isBetween(over[1].lower(), over[1].upper());
    }

    /** The measures share one set of bootstrap draws and get exactly the intervals each gets bootstrapped alone with the seed. */
    @Test
    void shared_draws_give_each_measure_its_own_bootstrap_interval() {
        Random random = new Random(3);
        int n = 200;
        double[] p = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        Performance.BinaryEstimates m = Performance.binary(y, p, 200, 17);
        int[] strata = Performance.classes(y);
        assertThat(m.auc()).isEqualTo(Performance.estimate(Bootstrap.stratifiedCi(strata,
            idx -> Discrimination.auc(Performance.pick(y, idx), Performance.pick(p, idx)), 200, 17, 0.95), true));
        assertThat(m.auc()).isEqualTo(Performance.auc(y, p, 200, 17));
        assertThat(m.brier()).isEqualTo(Performance.estimate(Bootstrap.stratifiedCi(strata,
            idx -> Brier.score(Performance.pick(y, idx), Performance.pick(p, idx)), 200, 17, 0.95), true));
        Bootstrap.Interval[] recal = Bootstrap.stratifiedCis(strata, idx -> {
            Calibration.Recalibration r = Calibration.recalibration(Performance.pick(y, idx), Performance.pick(p, idx));
            return new double[] {r.intercept(), r.slope(), r.inTheLarge()};
        }, 200, 17, 0.95);
        assertThat(m.calibrationIntercept()).isEqualTo(Performance.estimate(recal[0], true));
        assertThat(m.calibrationSlope()).isEqualTo(Performance.estimate(recal[1], true));
        assertThat(m.calibrationInTheLarge()).isEqualTo(Performance.estimate(recal[2], true));
    }
}
