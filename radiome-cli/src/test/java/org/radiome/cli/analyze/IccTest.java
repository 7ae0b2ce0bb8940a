package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.analyze.Cohort.assertClose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code analyze icc} against psych::ICC(lmer = FALSE) on the 40 x 2 test-retest matrices in reference.json. */
class IccTest {
    static final JsonNode ICC = Cohort.reference().get("icc");

    @Test
    void every_feature_equals_psych_icc() {
        JsonNode out = Cohort.analyze("icc", "--data", Cohort.file("test_retest.csv"), "--subject", "case_id", "--repeat", "repeat",
            "--features", "all", "--min-icc", "0.9").json();
        Map<String, JsonNode> got = new HashMap<>();
        out.get("results").forEach(r -> got.put(r.get("feature").asText(), r));
        assertThat(got).hasSize(60);
        List<String> passing = new ArrayList<>();
        for (JsonNode ref : ICC.get("results")) {
            String f = ref.get("feature").asText();
            JsonNode g = got.get(f);
            assertThat(g.get("n").asInt()).isEqualTo(ref.get("n").asInt());
            for (String ms : List.of("MSB", "MSJ", "MSE", "MSW")) assertClose(f + " " + ms, g.get(ms), ref.get(ms));
            for (String type : List.of("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k")) {
                for (String field : List.of("icc", "F", "df1", "df2", "p", "ci95_lower", "ci95_upper")) {
                    assertClose(f + " " + type + " " + field, g.get(type).get(field), ref.get(type).get(field));
                }
            }
            if (ref.get("ICC2").get("icc").asDouble() >= 0.9) passing.add(f);
        }
        List<String> gotPassing = new ArrayList<>();
        out.get("passing").forEach(p -> gotPassing.add(p.asText()));
        assertThat(gotPassing).containsExactlyInAnyOrderElementsOf(passing).isNotEmpty();
        assertThat(out.get("failing").size() + gotPassing.size()).isEqualTo(60);
    }
}
