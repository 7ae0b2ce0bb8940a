package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.analyze.Cohort.assertClose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code analyze km}, {@code cox} and {@code concordance} against survfit, survdiff, coxph and concordance in reference.json. */
class SurvivalTest {
    static final JsonNode KM = Cohort.reference().get("kaplan_meier");
    static final JsonNode COX = Cohort.reference().get("cox");
    static final JsonNode CONC = Cohort.reference().get("concordance");

    @TempDir
    Path tmp;

    /** d$stage_group as the reference's data_preparation builds it: I-II for stage I or II, else III-IV. */
    String stageGroups() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(Cohort.file("clinical.csv")));
        List<String> header = List.of(lines.get(0).split(","));
        int stage = header.indexOf("stage");
        List<String> out = new ArrayList<>(List.of("case_id,stage_group"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(f[0] + "," + (f[stage].equals("I") || f[stage].equals("II") ? "I-II" : "III-IV"));
        }
        Path p = tmp.resolve("stage_group.csv");
        Files.write(p, out);
        return p.toString();
    }

    static void assertSeries(String what, JsonNode actual, JsonNode expected) {
        assertThat(actual.size()).as(what + " length").isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) assertClose(what + "[" + i + "]", actual.get(i), expected.get(i));
    }

    @Test
    void km_equals_survfit_with_log_ci_and_its_median() throws IOException {
        JsonNode out = Cohort.analyze("km", "--data", Cohort.file("clinical.csv"), "--data", stageGroups(),
            "--time", "os_time", "--event", "os_event", "--group", "stage_group").json();
        for (String g : List.of("I-II", "III-IV")) {
            JsonNode got = out.get("groups").get(g), ref = KM.get("survfit").get("tables").get(g);
            assertSeries(g + " time", got.get("time"), ref.get("time"));
            assertSeries(g + " n_risk", got.get("n_risk"), ref.get("n.risk"));
            assertSeries(g + " n_event", got.get("n_event"), ref.get("n.event"));
            assertSeries(g + " n_censor", got.get("n_censor"), ref.get("n.censor"));
            assertSeries(g + " surv", got.get("surv"), ref.get("surv"));
            assertSeries(g + " std_err", got.get("std_err"), ref.get("std.err.surv"));
            assertSeries(g + " std_err_cumhaz", got.get("std_err_cumhaz"), ref.get("std.err"));
            assertSeries(g + " lower", got.get("lower"), ref.get("lower"));
            assertSeries(g + " upper", got.get("upper"), ref.get("upper"));
            JsonNode med = KM.get("median").get("groups").get(g);
            assertThat(got.get("n").asInt()).isEqualTo(med.get("records").asInt());
            assertThat(got.get("events").asInt()).isEqualTo(med.get("events").asInt());
            assertClose(g + " median", got.get("median"), med.get("median"));
            assertClose(g + " median lower", got.get("median_lower"), med.get("ci95_lower"));
            assertClose(g + " median upper", got.get("median_upper"), med.get("ci95_upper"));
        }
        JsonNode lr = out.get("logrank"), ref = KM.get("logrank");
        assertClose("chisq", lr.get("chisq"), ref.get("chisq"));
        assertThat(lr.get("df").asInt()).isEqualTo(ref.get("df").asInt());
        assertClose("p", lr.get("p"), ref.get("p"));
        for (String g : List.of("I-II", "III-IV")) {
            assertClose("observed " + g, lr.get("observed").get(g), ref.get("observed").get(g));
            assertClose("expected " + g, lr.get("expected").get(g), ref.get("expected").get(g));
        }
    }

    @Test
    void logrank_over_four_stages_equals_survdiff() {
        JsonNode lr = Cohort.analyze("km", "--data", Cohort.file("clinical.csv"),
            "--time", "os_time", "--event", "os_event", "--group", "stage").json().get("logrank");
        JsonNode ref = KM.get("logrank_4_stages");
        assertClose("chisq", lr.get("chisq"), ref.get("chisq"));
        assertThat(lr.get("df").asInt()).isEqualTo(3);
        assertClose("p", lr.get("p"), ref.get("p"));
        for (String g : List.of("I", "II", "III", "IV")) assertClose("expected " + g, lr.get("expected").get(g), ref.get("expected").get(g));
    }

    JsonNode cox(String ties) {
        return Cohort.analyze("cox", "--data", Cohort.file("clinical.csv"), "--data", Cohort.file("features.csv"),
            "--time", "os_time", "--event", "os_event", "--ties", ties,
            "--covariates", "morph_volume,cm_contrast_3D_avg,rlm_glnu_norm_3D_avg,morph_sphericity,age",
            "--standardize=morph_volume,cm_contrast_3D_avg,rlm_glnu_norm_3D_avg,morph_sphericity").json();
    }

    @Test
    void cox_equals_coxph_with_efron_and_breslow_ties() {
        for (String ties : List.of("efron", "breslow")) {
            JsonNode got = cox(ties), ref = COX.get(ties);
            assertThat(got.get("terms")).hasSize(5);
            for (JsonNode t : got.get("terms")) {
                String term = t.get("term").asText();
                JsonNode r = ref.get("coefficients").get(term);
                assertThat(r).as(ties + " " + term).isNotNull();
                for (String[] f : new String[][] {{"coef", "coef"}, {"se", "se"}, {"z", "z"}, {"p", "p"}, {"hr", "hr"},
                        {"hr_lower", "hr_ci95_lower"}, {"hr_upper", "hr_ci95_upper"}}) {
                    assertClose(ties + " " + term + " " + f[0], t.get(f[0]), r.get(f[1]));
                }
            }
            assertClose(ties + " loglik null", got.get("loglik").get(0), ref.get("loglik_null"));
            assertClose(ties + " loglik", got.get("loglik").get(1), ref.get("loglik"));
            assertClose(ties + " concordance", got.get("concordance"), ref.get("concordance"));
            assertClose(ties + " concordance se", got.get("concordance_se"), ref.get("concordance_se"));
            assertThat(got.get("n").asInt()).isEqualTo(ref.get("n").asInt());
            assertThat(got.get("events").asInt()).isEqualTo(ref.get("nevent").asInt());
            for (String test : List.of("likelihood_ratio", "score")) {
                assertClose(ties + " " + test, got.get(test).get("stat"), ref.get(test).get("stat"));
                assertClose(ties + " " + test + " p", got.get(test).get("p"), ref.get(test).get("p"));
            }
            // summary() rounds the Wald statistic to 2 decimals; its p-value is unrounded
            assertThat(got.get("wald").get("stat").asDouble()).isCloseTo(ref.get("wald").get("stat").asDouble(), org.assertj.core.data.Offset.offset(0.005));
            assertClose(ties + " wald p", got.get("wald").get("p"), ref.get("wald").get("p"));
        }
    }

    @Test
    void concordance_equals_survival_concordance_reverse() throws IOException {
        List<String> lines = new ArrayList<>(List.of("case_id,cox_lp"));
        for (JsonNode e : CONC.get("cox_linear_predictor").get("lp")) lines.add(e.get("case_id").asText() + "," + e.get("lp").asText());
        Path lp = tmp.resolve("lp.csv");
        Files.write(lp, lines);
        JsonNode got = Cohort.analyze("concordance", "--data", Cohort.file("clinical.csv"), "--data", lp.toString(),
            "--time", "os_time", "--event", "os_event", "--predictor", "cox_lp").json();
        assertConcordance(got, CONC.get("cox_linear_predictor"));
        got = Cohort.analyze("concordance", "--data", Cohort.file("clinical.csv"), "--data", Cohort.file("features.csv"),
            "--time", "os_time", "--event", "os_event", "--predictor", "morph_volume").json();
        assertConcordance(got, CONC.get("morph_volume"));
    }

    static void assertConcordance(JsonNode got, JsonNode ref) {
        assertClose("C", got.get("concordance"), ref.get("concordance"));
        assertClose("var", got.get("var"), ref.get("var"));
        assertClose("std", got.get("std"), ref.get("std"));
        for (String f : List.of("concordant", "discordant", "tied_x", "tied_y", "tied_xy")) {
            assertThat(got.get(f).asLong()).as(f).isEqualTo(ref.get(f).asLong());
        }
    }
}
