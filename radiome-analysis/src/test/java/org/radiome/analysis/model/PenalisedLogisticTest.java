package org.radiome.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PenalisedLogistic against glmnet 4.1.6: reference.json's binomial elastic net (alpha 0.5, response on the 60
 * features of the 221 complete cases), its cv.glmnet with R's foldid, and glmnet's own lambda_max.
 */
class PenalisedLogisticTest {
    static final JsonNode ENET = Cohort.reference().get("glmnet").get("binomial_elastic_net");

    static TrainingData enetData() {
        Table cc = Cohort.cc();
        List<String> names = new ArrayList<>();
        ENET.get("x").forEach(n -> names.add(n.asText()));
        return TrainingData.binary(names, Cohort.matrix(cc, names), cc.numeric("response"));
    }

    @Test
    void lambda_max_is_glmnets_first_lambda() {
        TrainingData data = enetData();
        double[] path = new PenalisedLogistic(0.5, 10, LambdaRule.MIN, 60, 0.01).lambdaPath(data);
        double[] ref = Cohort.doubles(ENET.get("lambda_sequence"));
        // R wrote signif(lambda, 6): agreement to 6 significant digits at every point of the path
        for (int k = 0; k < ref.length; k++) assertThat(path[k]).as("lambda " + k).isCloseTo(ref[k], within(ref[k] * 6e-6));
    }

    @Test
    void tuning_with_rs_folds_reproduces_cv_glmnet() {
        TrainingData data = enetData();
        JsonNode cv = ENET.get("cv");
        PenalisedLogistic learner = new PenalisedLogistic(0.5, 10, LambdaRule.MIN, 60, 0.01);
        Tuning t = learner.tune(data, Cohort.doubles(ENET.get("lambda_sequence")), Cohort.ints(cv.get("foldid")));
        assertThat(t.lambdaMin()).isEqualTo(cv.get("lambda_min").asDouble());
        assertThat(t.lambda1se()).isEqualTo(cv.get("lambda_1se").asDouble());
        double[] cvm = Cohort.doubles(cv.get("cvm")), cvsd = Cohort.doubles(cv.get("cvsd"));
        for (int k = 0; k < cvm.length; k++) {
            assertThat(t.cvm()[k]).as("cvm " + k).isCloseTo(cvm[k], within(1e-6 * cvm[k]));
            assertThat(t.cvsd()[k]).as("cvsd " + k).isCloseTo(cvsd[k], within(1e-6 * cvsd[k]));
        }
    }

    @Test
    void fit_at_a_path_lambda_gives_glmnets_coefficients() {
        TrainingData data = enetData();
        PenalisedLogistic learner = PenalisedLogistic.of(0.5);
        for (JsonNode at : ENET.get("at_lambda")) {
            LinearModel m = learner.fitAt(data, at.get("lambda").asDouble());
            JsonNode coef = at.get("coefficients");
            assertThat(m.intercept()).isCloseTo(coef.get("(Intercept)").asDouble(), within(1e-6));
            for (int j = 0; j < m.features().size(); j++) {
                double ref = coef.get(m.features().get(j)).asDouble();
                assertThat(m.coefficients()[j]).as(m.features().get(j)).isCloseTo(ref, within(Math.max(1e-9, 1e-6 * Math.abs(ref))));
            }
        }
    }

    @Test
    void same_seed_same_model_and_the_model_finds_the_true_response_features() {
        TrainingData data = enetData();
        PenalisedLogistic learner = new PenalisedLogistic(0.5, 5, LambdaRule.MIN, 30, 0.01);
        LinearModel a = learner.fit(data, 7);
        LinearModel b = learner.fit(data, 7);
        assertThat(a.coefficients()).containsExactly(b.coefficients());
        assertThat(a.lambda()).isEqualTo(b.lambda());
        // truth.json: response follows a logistic model of these three features
        assertThat(a.selectedFeatures()).contains("cm_energy_3D_avg", "szm_sze_3D", "ngt_coarseness_3D");
    }

    @Test
    void refuses_one_class_a_constant_feature_and_a_survival_outcome() {
        double[][] x = {{1, 2}, {2, 3}, {3, 1}, {4, 5}, {5, 4}, {6, 6}};
        PenalisedLogistic l = PenalisedLogistic.of(1);
        assertThatThrownBy(() -> l.fit(TrainingData.binary(List.of("a", "b"), x, new double[] {1, 1, 1, 1, 1, 1}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("one class");
        double[][] constant = {{1, 2}, {1, 3}, {1, 1}, {1, 5}, {1, 4}, {1, 6}};
        assertThatThrownBy(() -> l.fit(TrainingData.binary(List.of("a", "b"), constant, new double[] {0, 1, 0, 1, 0, 1}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("feature a is constant");
        assertThatThrownBy(() -> l.fit(TrainingData.survival(List.of("a", "b"), x, new double[] {1, 2, 3, 4, 5, 6}, new int[] {1, 0, 1, 0, 1, 1}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("binary");
    }
}
