package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.analyze.Cohort.assertClose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code analyze associate} against R's cor.test, wilcox.test, t.test and p.adjust in reference.json. */
class AssociateTest {
    static final JsonNode CORR = Cohort.reference().get("correlation");
    static final JsonNode KRAS = Cohort.reference().get("kras_tests");

    static String join(JsonNode names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n.asText()));
        return String.join(",", out);
    }

    static Map<String, JsonNode> byPair(JsonNode results) {
        Map<String, JsonNode> m = new HashMap<>();
        results.forEach(r -> m.put(r.get("feature").asText() + "|" + r.get("variable").asText(), r));
        return m;
    }

    JsonNode correlate(String test) {
        return Cohort.analyze("associate", "--data", Cohort.file("features.csv"), "--data", Cohort.file("genomics_expression.csv"),
            "--features", join(CORR.get("features")), "--with", join(CORR.get("genes")), "--test", test).json();
    }

    @Test
    void pearson_equals_cor_test() {
        Map<String, JsonNode> got = byPair(correlate("pearson").get("results"));
        assertThat(got).hasSize(100);
        for (JsonNode ref : CORR.get("results")) {
            String key = ref.get("feature").asText() + "|" + ref.get("gene").asText();
            JsonNode g = got.get(key), r = ref.get("pearson");
            assertThat(g.get("n").asInt()).as(key).isEqualTo(ref.get("n").asInt());
            assertClose(key + " r", g.get("estimate"), r.get("r"));
            assertClose(key + " t", g.get("statistic"), r.get("t"));
            assertClose(key + " df", g.get("df"), r.get("df"));
            assertClose(key + " p", g.get("p"), r.get("p"));
            assertClose(key + " ci lower", g.get("ci95").get(0), r.get("ci95_lower"));
            assertClose(key + " ci upper", g.get("ci95").get(1), r.get("ci95_upper"));
        }
    }

    @Test
    void spearman_equals_cor_test_without_exact() {
        Map<String, JsonNode> got = byPair(correlate("spearman").get("results"));
        for (JsonNode ref : CORR.get("results")) {
            String key = ref.get("feature").asText() + "|" + ref.get("gene").asText();
            JsonNode g = got.get(key), r = ref.get("spearman");
            assertClose(key + " rho", g.get("estimate"), r.get("rho"));
            assertClose(key + " S", g.get("statistic"), r.get("S"));
            assertClose(key + " p", g.get("p"), r.get("p"));
            // the expression values tie, so R's default Spearman call uses the same t approximation
            assertClose(key + " default p", g.get("p"), ref.get("spearman_default_p").get("p"));
        }
    }

    JsonNode kras(String test) {
        return Cohort.analyze("associate", "--data", Cohort.file("features.csv"), "--data", Cohort.file("genomics_mutations.csv") + ":mut_",
            "--features", "all", "--with", "mut_KRAS", "--test", test, "--adjust", "bh").json();
    }

    @Test
    void mann_whitney_equals_wilcox_test_and_bh_equals_p_adjust() {
        JsonNode out = kras("mann-whitney");
        Map<String, JsonNode> got = byPair(out.get("results"));
        assertThat(got).hasSize(60);
        for (JsonNode ref : KRAS.get("results")) {
            String f = ref.get("feature").asText();
            JsonNode g = got.get(f + "|mut_KRAS"), r = ref.get("mann_whitney");
            assertThat(g.get("n").asInt()).as(f).isEqualTo(ref.get("n_mutant").asInt() + ref.get("n_wildtype").asInt());
            assertClose(f + " W", g.get("statistic"), r.get("W"));
            assertClose(f + " p", g.get("p"), r.get("p"));
            assertClose(f + " q", g.get("q"), r.get("q_bh"));
            assertClose(f + " median difference", g.get("estimate").doubleValue(),
                ref.get("median_mutant").doubleValue() - ref.get("median_wildtype").doubleValue());
        }
    }

    @Test
    void welch_equals_t_test() {
        Map<String, JsonNode> got = byPair(kras("welch").get("results"));
        for (JsonNode ref : KRAS.get("results")) {
            String f = ref.get("feature").asText();
            JsonNode g = got.get(f + "|mut_KRAS"), r = ref.get("welch");
            assertClose(f + " t", g.get("statistic"), r.get("t"));
            assertClose(f + " df", g.get("df"), r.get("df"));
            assertClose(f + " p", g.get("p"), r.get("p"));
            assertClose(f + " mean difference", g.get("estimate").doubleValue(),
                r.get("mean_mutant").doubleValue() - r.get("mean_wildtype").doubleValue());
            assertClose(f + " ci lower", g.get("ci95").get(0), r.get("ci95_lower"));
            assertClose(f + " ci upper", g.get("ci95").get(1), r.get("ci95_upper"));
        }
    }
}
