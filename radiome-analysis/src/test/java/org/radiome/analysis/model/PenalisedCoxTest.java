package org.radiome.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.survival.Concordance;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;

/** PenalisedCox against glmnet 4.1.6 (reference.json's Cox lasso); its cross-validation is GlmnetCv's (GlmnetCvCoxTest). */
class PenalisedCoxTest {
    static final JsonNode COX = Cohort.reference().get("glmnet").get("cox_lasso");

    static TrainingData coxData() {
        Table cc = Cohort.cc();
        List<String> names = new ArrayList<>();
        COX.get("x").forEach(n -> names.add(n.asText()));
        double[] event = cc.numeric("os_event");
        int[] e = new int[event.length];
        for (int i = 0; i < e.length; i++) e[i] = (int) event[i];
        return TrainingData.survival(names, Cohort.matrix(cc, names), cc.numeric("os_time"), e);
    }

    @Test
    void lambda_path_is_glmnets() {
        double[] ref = Cohort.doubles(COX.get("lambda_sequence"));
        double[] path = new PenalisedCox(1, 10, LambdaRule.MIN, ref.length, ref[ref.length - 1] / ref[0]).lambdaPath(coxData());
        // R wrote signif(lambda, 6)
        for (int k = 0; k < ref.length; k++) assertThat(path[k]).as("lambda " + k).isCloseTo(ref[k], within(ref[k] * 6e-6));
    }

    @Test
    void fit_at_a_path_lambda_gives_glmnets_coefficients() {
        TrainingData data = coxData();
        for (JsonNode at : COX.get("at_lambda")) {
            LinearModel m = PenalisedCox.of(1).fitAt(data, at.get("lambda").asDouble());
            for (int j = 0; j < m.features().size(); j++) {
                double ref = at.get("coefficients").get(m.features().get(j)).asDouble();
                assertThat(m.coefficients()[j]).as(m.features().get(j)).isCloseTo(ref, within(Math.max(1e-9, 1e-6 * Math.abs(ref))));
            }
        }
    }

    @Test
    void seeded_fit_is_deterministic_and_finds_the_prognostic_signal() {
        TrainingData data = coxData();
        PenalisedCox learner = new PenalisedCox(1, 5, LambdaRule.MIN, 40, 0.05);
        LinearModel a = learner.fit(data, 11), b = learner.fit(data, 11);
        assertThat(a.coefficients()).containsExactly(b.coefficients());
        // truth.json: the log-hazard depends on rlm_glnu_norm_3D_avg (among others); the lasso keeps it
        assertThat(a.selectedFeatures()).contains("rlm_glnu_norm_3D_avg");
        var surv = PenalisedCox.surv(data);
        assertThat(Concordance.of(surv, a.predict(data.x())).concordance()).isGreaterThan(0.65);
    }

    @Test
    void refuses_no_events_and_a_binary_outcome() {
        double[][] x = {{1, 2}, {2, 3}, {3, 1}, {4, 5}, {5, 4}, {6, 6}};
        double[] t = {1, 2, 3, 4, 5, 6};
        assertThatThrownBy(() -> PenalisedCox.of(1).fit(TrainingData.survival(List.of("a", "b"), x, t, new int[6]), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("no events");
        assertThatThrownBy(() -> PenalisedCox.of(1).fit(TrainingData.binary(List.of("a", "b"), x, new double[] {0, 1, 0, 1, 0, 1}), 1))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("survival");
        assertThat(PenalisedCox.of(1).supports(Outcome.BINARY)).isFalse();
    }
}
