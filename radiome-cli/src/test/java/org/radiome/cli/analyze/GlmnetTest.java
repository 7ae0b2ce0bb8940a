package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.analyze.Cohort.assertClose;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code analyze glmnet} against glmnet 4.1.6 run to thresh = 1e-28, over the whole lambda sequences of reference.json. */
class GlmnetTest {
    static final JsonNode GLM = Cohort.reference().get("glmnet");

    static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return String.join(",", out);
    }

    static void check(String section, JsonNode got) {
        JsonNode ref = GLM.get(section);
        assertThat(got.get("n").asInt()).isEqualTo(ref.get("n").asInt());
        JsonNode fits = got.get("fits");
        assertThat(fits.size()).isEqualTo(ref.get("lambda_sequence").size());
        for (int i = 0; i < fits.size(); i++) {
            assertClose(section + " dev_ratio[" + i + "]", fits.get(i).get("dev_ratio"), ref.get("dev_ratio").get(i));
        }
        for (JsonNode at : ref.get("at_lambda")) {
            int index = at.get("index").asInt() - 1;
            JsonNode fit = fits.get(index);
            assertClose(section + " lambda", fit.get("lambda"), at.get("lambda"));
            assertThat(fit.get("df").asInt()).as(section + " df at " + index).isEqualTo(at.get("df").asInt());
            JsonNode coef = fit.get("coefficients");
            assertThat(coef.size()).isEqualTo(at.get("coefficients").size());
            for (Iterator<Map.Entry<String, JsonNode>> it = at.get("coefficients").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertClose(section + " lambda[" + index + "] " + e.getKey(), coef.get(e.getKey()), e.getValue());
                if (e.getValue().asDouble() == 0) assertThat(coef.get(e.getKey()).asDouble()).as(e.getKey()).isZero();
            }
        }
    }

    @Test
    void gaussian_lasso_equals_glmnet() {
        JsonNode ref = GLM.get("gaussian_lasso");
        check("gaussian_lasso", Cohort.analyze("glmnet", "--data", Cohort.file("features.csv"), "--family", "gaussian", "--alpha", "1",
            "--lambda", join(ref.get("lambda_sequence")), "--predictors", join(ref.get("x")), "--response", ref.get("y").asText()).json());
    }

    @Test
    void binomial_elastic_net_equals_glmnet() {
        JsonNode ref = GLM.get("binomial_elastic_net");
        check("binomial_elastic_net", Cohort.analyze("glmnet", "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"),
            "--family", "binomial", "--alpha", "0.5", "--lambda", join(ref.get("lambda_sequence")),
            "--predictors", join(ref.get("x")), "--response", "response").json());
    }

    @Test
    void cox_lasso_equals_glmnet_breslow() {
        JsonNode ref = GLM.get("cox_lasso");
        check("cox_lasso", Cohort.analyze("glmnet", "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"),
            "--family", "cox", "--alpha", "1", "--lambda", join(ref.get("lambda_sequence")),
            "--predictors", join(ref.get("x")), "--time", "os_time", "--event", "os_event").json());
    }
}
