package org.radiome.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.metrics.Discrimination;

/** RandomForest through Tribuo: the library's documented behaviour (seeded trainers are reproducible) and a forest's. */
class RandomForestTest {
    static TrainingData separable(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = (y[i] == 1 ? 1 : -1) * (0.5 + r.nextDouble()); // separates the classes with a margin
            x[i][1] = r.nextGaussian();
            x[i][2] = r.nextGaussian();
        }
        return TrainingData.binary(List.of("signal", "noise1", "noise2"), x, y);
    }

    @Test
    void the_same_seed_gives_the_same_forest_and_another_seed_another() {
        TrainingData data = PenalisedLogisticTest.enetData();
        RandomForest rf = new RandomForest(50, Integer.MAX_VALUE, Double.NaN, 1);
        double[] a = rf.fit(data, 5).predict(data.x()), b = rf.fit(data, 5).predict(data.x()), c = rf.fit(data, 6).predict(data.x());
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        for (double p : a) assertThat(p).isBetween(0.0, 1.0);
    }

    @Test
    void separable_classes_are_classified_perfectly_also_on_new_cases() {
        RandomForest rf = new RandomForest(100, Integer.MAX_VALUE, Double.NaN, 1);
        ForestModel m = rf.fit(separable(1, 80), 3);
        assertThat(m.trees()).isEqualTo(100);
        TrainingData fresh = separable(2, 40);
        double[] p = m.predict(fresh.x());
        for (int i = 0; i < p.length; i++) {
            if (fresh.y()[i] == 1) assertThat(p[i]).as("case " + i).isGreaterThan(0.5);
            else assertThat(p[i]).as("case " + i).isLessThan(0.5);
        }
    }

    /** truth.json: the response follows a logistic model of three features; a forest finds it on held-out cases. */
    @Test
    void on_the_cohort_a_forest_discriminates_held_out_cases() {
        TrainingData data = PenalisedLogisticTest.enetData();
        int n = data.caseCount();
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 != 0).toArray();
        int[] test = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 == 0).toArray();
        ForestModel m = new RandomForest(300, Integer.MAX_VALUE, Double.NaN, 1).fit(subset(data, train), 1);
        TrainingData held = subset(data, test);
        assertThat(Discrimination.auc(held.y(), m.predict(held.x()))).isGreaterThan(0.7);
    }

    static TrainingData subset(TrainingData d, int[] rows) {
        double[][] x = new double[rows.length][];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) { x[i] = d.x()[rows[i]]; y[i] = d.y()[rows[i]]; }
        return TrainingData.binary(d.features(), x, y);
    }

    @Test
    void refuses_survival_one_class_and_constant_features() {
        RandomForest rf = RandomForest.defaults();
        assertThat(rf.supports(Outcome.SURVIVAL)).isFalse();
        double[][] x = {{1, 2}, {2, 3}, {3, 1}, {4, 5}};
        assertThatThrownBy(() -> rf.fit(TrainingData.survival(List.of("a", "b"), x, new double[] {1, 2, 3, 4}, new int[] {1, 1, 0, 1}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> rf.fit(TrainingData.binary(List.of("a", "b"), x, new double[] {0, 0, 0, 0}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("one class");
        double[][] constant = {{1, 2}, {2, 2}, {3, 2}, {4, 2}};
        assertThatThrownBy(() -> rf.fit(TrainingData.binary(List.of("a", "b"), constant, new double[] {0, 1, 0, 1}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("feature b is constant");
    }
}
