package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.analyze.Cohort.assertClose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code analyze logistic} and {@code compare-auc} against glm(binomial), pROC's DeLong CI and roc.test. */
class LogisticTest {
    static final JsonNode LOG = Cohort.reference().get("logistic");
    static final String M1 = "cm_energy_3D_avg,szm_sze_3D,ngt_coarseness_3D,stat_var";
    static final String M2 = "morph_volume,morph_sphericity";

    @TempDir
    Path tmp;

    @Test
    void both_models_equal_glm_and_proc() throws IOException {
        check("model_1", "roc_model_1", "p_m1", M1);
        check("model_2", "roc_model_2", "p_m2", M2);
    }

    void check(String model, String roc, String predicted, String covariates) throws IOException {
        Path pred = tmp.resolve(model + ".csv");
        JsonNode got = Cohort.analyze("logistic", "--data", Cohort.file("clinical.csv"), "--data", Cohort.file("features.csv"),
            "--response", "response", "--covariates", covariates, "--standardize", "--predictions", pred.toString()).json();
        JsonNode ref = LOG.get(model);
        assertThat(got.get("terms")).hasSize(ref.get("coefficients").size());
        for (JsonNode t : got.get("terms")) {
            String term = t.get("term").asText();
            JsonNode r = ref.get("coefficients").get(term);
            assertThat(r).as(term).isNotNull();
            for (String f : List.of("coef", "se", "z", "p")) assertClose(model + " " + term + " " + f, t.get(f), r.get(f));
        }
        for (String f : List.of("deviance", "null_deviance", "aic", "df_residual")) assertClose(model + " " + f, got.get(f), ref.get(f));
        JsonNode rr = LOG.get(roc);
        assertClose(model + " auc", got.get("auc"), rr.get("auc"));
        assertClose(model + " auc lower", got.get("auc_ci").get(0), rr.get("ci_delong").get("lower"));
        assertClose(model + " auc upper", got.get("auc_ci").get(1), rr.get("ci_delong").get("upper"));
        assertClose(model + " auc var", got.get("auc_var"), rr.get("var_delong").get("var"));
        Map<String, Double> p = new HashMap<>();
        for (String line : Files.readAllLines(pred).subList(1, 241)) p.put(line.split(",")[0], Double.parseDouble(line.split(",")[1]));
        for (JsonNode v : LOG.get("predicted").get("values")) {
            assertClose(model + " fitted " + v.get("case_id").asText(), p.get(v.get("case_id").asText()), v.get(predicted).asDouble());
        }
    }

    @Test
    void compare_auc_equals_paired_roc_test() {
        JsonNode got = Cohort.analyze("compare-auc", "--data", Cohort.file("clinical.csv"), "--data", Cohort.file("features.csv"),
            "--response", "response", "--covariates-a", M1, "--covariates-b", M2, "--standardize").json();
        JsonNode ref = LOG.get("delong_test");
        assertClose("auc_a", got.get("auc_a"), ref.get("auc_1"));
        assertClose("auc_b", got.get("auc_b"), ref.get("auc_2"));
        assertClose("z", got.get("z"), ref.get("z"));
        assertClose("p", got.get("p"), ref.get("p"));
        assertClose("diff lower", got.get("diff_ci").get(0), ref.get("diff_ci95_lower"));
        assertClose("diff upper", got.get("diff_ci").get(1), ref.get("diff_ci95_upper"));
    }
}
