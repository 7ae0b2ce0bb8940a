package org.radiome.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.survival.Concordance;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** AUC against pROC (reference.json's logistic section) and the Mann-Whitney identity; Harrell's C against survival. */
class DiscriminationTest {
    static final JsonNode LOGISTIC = Cohort.reference().get("logistic");

    /** R's fitted probabilities of the two glm models and the response, per case: {p_m1, p_m2, response}. */
    static double[][] predictions() {
        JsonNode values = LOGISTIC.get("predicted").get("values");
        double[] p1 = new double[values.size()], p2 = new double[values.size()], y = new double[values.size()];
        for (int i = 0; i < p1.length; i++) {
            p1[i] = values.get(i).get("p_m1").asDouble();
            p2[i] = values.get(i).get("p_m2").asDouble();
            y[i] = values.get(i).get("response").asDouble();
        }
        return new double[][] {p1, p2, y};
    }

    @Test
    void auc_and_delong_interval_equal_proc() {
        double[][] p = predictions();
        double[] y = p[2];
        String[] sections = {"roc_model_1", "roc_model_2"};
        for (int m = 0; m < 2; m++) {
            JsonNode ref = LOGISTIC.get(sections[m]);
            Discrimination.Auc a = Discrimination.aucWithCi(y, p[m]);
            assertThat(Discrimination.auc(y, p[m])).isCloseTo(ref.get("auc").asDouble(), within(1e-12));
            assertThat(a.auc()).isCloseTo(ref.get("auc").asDouble(), within(1e-12));
            assertThat(a.lower()).isCloseTo(ref.get("ci_delong").get("lower").asDouble(), within(1e-9));
            assertThat(a.upper()).isCloseTo(ref.get("ci_delong").get("upper").asDouble(), within(1e-9));
            assertThat(a.variance()).isCloseTo(ref.get("var_delong").get("var").asDouble(), within(1e-6 * a.variance()));
        }
    }

    /** AUC = U / (n1 n0), U counting pairs (case, control) with the case scored higher, ties one half. */
    @Property(tries = 300)
    void auc_is_the_mann_whitney_u_over_n1_n0(@ForAll @Size(min = 2, max = 40) java.util.List<@IntRange(min = 0, max = 6) Integer> scores,
                                              @ForAll @Size(min = 2, max = 40) java.util.List<Boolean> labels) {
        int n = Math.min(scores.size(), labels.size());
        double[] y = new double[n], s = new double[n];
        for (int i = 0; i < n; i++) { y[i] = labels.get(i) ? 1 : 0; s[i] = scores.get(i); }
        y[0] = 1;
        y[1] = 0;
        double u = 0;
        int n1 = 0, n0 = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 1) n1++; else n0++;
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) u += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        assertThat(Discrimination.auc(y, s)).isCloseTo(u / ((double) n1 * n0), within(1e-12));
    }

    @Test
    void harrells_c_equals_survival_concordance() {
        JsonNode ref = Cohort.reference().get("concordance").get("cox_linear_predictor");
        Table d = Cohort.d();
        double[] event = d.numeric("os_event");
        int[] e = new int[event.length];
        for (int i = 0; i < e.length; i++) e[i] = (int) event[i];
        java.util.Map<String, Double> byCase = new java.util.HashMap<>();
        ref.get("lp").forEach(v -> byCase.put(v.get("case_id").asText(), v.get("lp").asDouble()));
        double[] lp = d.caseIds().stream().mapToDouble(byCase::get).toArray();
        Concordance c = Discrimination.harrellC(d.numeric("os_time"), e, lp);
        assertThat(c.concordance()).isCloseTo(ref.get("concordance").asDouble(), within(1e-12));
        assertThat(c.std()).isCloseTo(ref.get("std").asDouble(), within(1e-9));
    }

    @Test
    void one_class_is_refused() {
        assertThatThrownBy(() -> Discrimination.auc(new double[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3}))
            .isInstanceOf(AnalysisException.class).hasMessageContaining("both classes");
    }
}
