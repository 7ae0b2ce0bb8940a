package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

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
        Performance.Estimate[] good = Performance.recalibration(y, p, 300, 5);
        assertThat(good[0].lower()).isLessThan(0);
        assertThat(good[0].upper()).isGreaterThan(0);
        assertThat(good[1].lower()).isLessThan(1);
        assertThat(good[1].upper()).isGreaterThan(1);
        assertThat(good[2].lower()).isLessThan(0);
        assertThat(good[2].upper()).isGreaterThan(0);
        Performance.Estimate[] over = Performance.recalibration(y, extreme, 300, 5);
        assertThat(over[1].lower()).isLessThan(0.5);
        assertThat(over[1].upper()).isBetween(0.5, 1.0);
        assertThat(over[1].value()).isBetween(over[1].lower(), over[1].upper());
    }
}
