package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code analyze study} and {@code analyze predict} end to end on the bundled cohort, checked against the
 * simulation's truth.json: the planted signal must be found out of fold, and the features it acts through (or
 * their documented correlates) selected.
 */
class StudyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path tmp;
    static Path binaryOut, survivalOut;
    static Cohort.Run binaryRun, survivalRun;
    static JsonNode truth;

    @BeforeAll
    static void runStudies() throws IOException {
        truth = JSON.readTree(Path.of(Cohort.file("truth.json")).toFile());
        binaryOut = tmp.resolve("binary");
        binaryRun = Cohort.analyze("study", "--spec", Cohort.root().resolve("data/analysis/study-cohort-2026.yaml").toString(),
            "--out", binaryOut.toString());
        Path spec = tmp.resolve("survival.yaml");
        Files.writeString(spec, """
            name: survival
            seed: 5
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: survival, time: os_time, event: os_event}
            features: {table: 0}
            subgroups: {sex: sex, site: site, age: age}
            reproducibility: {table: COHORT/test_retest.csv, min_icc: 0.5}
            harmonisation: {batch: site, covariates: [stage]}
            validation: {folds: 5, repeats: 1, bootstrap: 200}
            report: {risk_groups: tertiles}
            model: {covariates: [age, stage]}
            """.replace("COHORT", Cohort.root().resolve("data/analysis/cohort-2026").toString()));
        survivalOut = tmp.resolve("survival");
        survivalRun = Cohort.analyze("study", "--spec", spec.toString(), "--out", survivalOut.toString());
    }

    static JsonNode card(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("model.json").toFile());
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void binary_study_finds_the_planted_response_signal() throws IOException {
        assertThat(binaryRun.exitCode()).as(binaryRun.err()).isZero();
        assertThat(binaryRun.err()).contains("repeat 1/2, fold 1/5").contains("repeat 2/2, fold 5/5").doesNotContain("RG2026");
        JsonNode c = card(binaryOut);
        JsonNode auc = c.at("/performance/overall/auc");
        assertThat(auc.get("value").asDouble()).isGreaterThan(0.7);
        assertThat(auc.get("lower").asDouble()).as("CI clearly above chance").isGreaterThan(0.6);
        JsonNode slope = c.at("/performance/overall/calibration_slope"), intercept = c.at("/performance/overall/calibration_intercept");
        assertThat(slope.get("value").asDouble()).isBetween(slope.get("lower").asDouble(), slope.get("upper").asDouble());
        assertThat(intercept.get("value").asDouble()).isBetween(intercept.get("lower").asDouble(), intercept.get("upper").asDouble());
        // truth.json's response is logistic in the features: out-of-fold penalised-logistic probabilities are near calibrated
        assertThat(slope.get("lower").asDouble()).isLessThan(1).isPositive();
        assertThat(slope.get("upper").asDouble()).isGreaterThan(1);
        assertThat(intercept.get("lower").asDouble()).isNegative();
        assertThat(intercept.get("upper").asDouble()).isPositive();
        List<String> selected = strings(c.at("/final_model/features"));
        List<String> signal = strings(truth.at("/response/correlated_with_direct"));
        assertThat(selected).as("the final model reads a direct-effect feature or a documented correlate").containsAnyElementsOf(signal);
        assertThat(selected).contains("cm_energy_3D_avg");
        assertThat(c.at("/cohort/n").asInt()).isEqualTo(225);
        assertThat(c.at("/cohort/sites").size()).isEqualTo(3);
        assertThat(c.at("/features/reproducible").size()).isLessThan(c.at("/features/candidates").asInt());
        JsonNode sub = c.at("/performance/subgroups");
        List<String> variables = new ArrayList<>();
        sub.forEach(s -> variables.add(s.get("variable").asText()));
        assertThat(variables).contains("sex", "age", "site");
        sub.forEach(s -> assertThat(s.get("n").asInt()).isPositive());
        assertThat(c.at("/provenance/inputs/0/sha256").asText()).hasSize(64);
        String report = Files.readString(binaryOut.resolve("report.html"));
        assertThat(report.split("<svg", -1).length - 1).as("volcano and heatmap of the outcome and of the associations, ROC, calibration, KM")
            .isGreaterThanOrEqualTo(7);
        assertThat(report).contains("Kaplan-Meier").contains("high P(response = 1)").contains("low P(response = 1)").contains("Log-rank");
        assertThat(report).doesNotContain("RG2026").doesNotContain("<script src");
        List<String> pred = Files.readAllLines(binaryOut.resolve("predictions.csv"));
        assertThat(pred.get(0)).isEqualTo("case_id,response,fold_1,score_1,fold_2,score_2,score,final_score");
        assertThat(pred).hasSize(226);
        List<String> univariate = Files.readAllLines(binaryOut.resolve("univariate.csv"));
        assertThat(univariate.get(0)).isEqualTo("feature,test,n,statistic,effect,p,q,selected");
        assertThat(univariate).hasSize(1 + c.at("/features/reproducible").size());
    }

    @Test
    void binary_study_finds_the_planted_radiogenomic_associations() throws IOException {
        assertThat(binaryRun.exitCode()).as(binaryRun.err()).isZero();
        List<String> lines = Files.readAllLines(binaryOut.resolve("associations.csv"));
        assertThat(lines.get(0)).isEqualTo("feature,variable,test,n,statistic,estimate,p,q");
        Map<String, String[]> byPair = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            byPair.put(f[0] + "|" + f[1], f);
        }
        List<String> kept = strings(card(binaryOut).at("/features/reproducible"));
        assertThat(lines).hasSize(1 + kept.size() * (8 + 12));
        int checked = 0;
        // truth.json: features with a direct effect on a mutation (Mann-Whitney) or on expression (Spearman), with its sign
        for (String section : List.of("mutations", "expression")) {
            JsonNode effects = truth.at("/" + section + "/direct_feature_effects");
            var genes = effects.fieldNames();
            while (genes.hasNext()) {
                String gene = genes.next();
                var features = effects.get(gene).fieldNames();
                while (features.hasNext()) {
                    String feature = features.next();
                    if (!kept.contains(feature)) continue; // dropped by the ICC filter
                    String[] row = byPair.get(feature + "|" + (section.equals("mutations") ? "mut_" : "expr_") + gene);
                    assertThat(row).as(feature + " ~ " + gene).isNotNull();
                    assertThat(row[2]).isEqualTo(section.equals("mutations") ? "mann-whitney" : "spearman");
                    assertThat(Double.parseDouble(row[7])).as("q of " + feature + " ~ " + gene).isLessThanOrEqualTo(0.05);
                    assertThat(Math.signum(Double.parseDouble(row[5]))).as("sign of " + feature + " ~ " + gene)
                        .isEqualTo(Math.signum(effects.get(gene).get(feature).asDouble()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("planted associations among the kept features").isGreaterThanOrEqualTo(8);
        // a housekeeping gene carries no planted imaging association
        for (String feature : kept) assertThat(Double.parseDouble(byPair.get(feature + "|expr_GAPDH")[7])).isGreaterThan(0.05);
    }

    @Test
    void survival_study_finds_the_planted_survival_signal_and_shows_km_curves() throws IOException {
        assertThat(survivalRun.exitCode()).as(survivalRun.err()).isZero();
        JsonNode c = card(survivalOut);
        JsonNode cIndex = c.at("/performance/overall/c_index");
        assertThat(cIndex.get("value").asDouble()).isGreaterThan(0.58);
        assertThat(cIndex.get("lower").asDouble()).isGreaterThan(0.5);
        assertThat(strings(c.at("/final_model/features"))).containsAnyElementsOf(strings(truth.at("/overall_survival/correlated_with_direct")));
        assertThat(c.at("/cohort/events").asInt()).isPositive();
        String report = Files.readString(survivalOut.resolve("report.html"));
        assertThat(report).contains("Kaplan-Meier").contains("high risk").contains("intermediate risk").contains("low risk")
            .contains("tertiles").contains("on 2 df");
        assertThat(strings(c.at("/final_model/risk_groups"))).containsExactly("low", "intermediate", "high");
        assertThat(survivalOut.resolve("associations.csv")).doesNotExist();
    }

    @Test
    void survival_study_keeps_the_clinical_covariates_with_the_truths_signs_and_predict_needs_them() throws IOException {
        assertThat(survivalRun.exitCode()).as(survivalRun.err()).isZero();
        JsonNode c = card(survivalOut);
        // model.matrix coding of stage (levels I..IV, I the baseline) and age as a number
        assertThat(strings(c.at("/final_model/covariate_terms"))).containsExactly("age", "stageII", "stageIII", "stageIV");
        JsonNode coef = c.at("/final_model/learner/linear/coefficients");
        // truth.json overall_survival: log HR 0.02 per year of age, 0.3 / 0.65 / 0.95 for stage II / III / IV against I
        assertThat(coef.get("age").asDouble()).isPositive();
        assertThat(coef.get("stageIII").asDouble()).isPositive();
        assertThat(coef.get("stageIV").asDouble()).isGreaterThan(coef.get("stageII").asDouble()).isPositive();
        for (JsonNode fold : c.at("/features/folds")) assertThat(fold.get("selected").size()).isPositive();
        Path scores = tmp.resolve("survival_scores.csv");
        Cohort.Run run = Cohort.analyze("predict", "--model", survivalOut.resolve("model.json").toString(),
            "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"), "--out", scores.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Double> finalScore = new HashMap<>();
        List<String> pred = Files.readAllLines(survivalOut.resolve("predictions.csv"));
        for (String l : pred.subList(1, pred.size())) {
            String[] f = l.split(",");
            finalScore.put(f[0], Double.parseDouble(f[f.length - 1]));
        }
        int matched = 0;
        for (String l : Files.readAllLines(scores).subList(1, pred.size())) {
            String[] f = l.split(",");
            Double expected = finalScore.get(f[0]);
            if (expected == null) continue;
            assertThat(Double.parseDouble(f[1])).as(f[0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            matched++;
        }
        assertThat(matched).isPositive();
        Path clinical = tmp.resolve("clinical_stage.csv");
        Files.write(clinical, Files.readAllLines(Path.of(Cohort.file("clinical.csv"))).stream()
            .map(l -> l.replace(",IV,", ",V,")).toList());
        Cohort.assertOneLineError(Cohort.analyze("predict", "--model", survivalOut.resolve("model.json").toString(),
            "--data", Cohort.file("features.csv"), "--data", clinical.toString()), "stage = V");
    }

    @Test
    void predict_on_the_training_tables_reproduces_the_final_models_scores() throws IOException {
        assertThat(binaryRun.exitCode()).isZero();
        Path scores = tmp.resolve("scores.csv");
        Cohort.Run run = Cohort.analyze("predict", "--model", binaryOut.resolve("model.json").toString(),
            "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"), "--out", scores.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Double> finalScore = new HashMap<>();
        for (String l : Files.readAllLines(binaryOut.resolve("predictions.csv")).subList(1, 226)) {
            String[] f = l.split(",");
            finalScore.put(f[0], Double.parseDouble(f[f.length - 1]));
        }
        List<String> lines = Files.readAllLines(scores);
        assertThat(lines.get(0)).isEqualTo("case_id,score,risk_group");
        int matched = 0;
        JsonNode cuts = card(binaryOut).at("/final_model/risk_cuts");
        assertThat(cuts.size()).isEqualTo(1);
        double cut = cuts.get(0).asDouble();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            Double expected = finalScore.get(f[0]);
            if (expected == null) continue; // a case the study dropped for a feature the final model does not read
            assertThat(Double.parseDouble(f[1])).as(f[0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(f[2]).isEqualTo(expected > cut ? "high" : "low");
            matched++;
        }
        assertThat(matched).isEqualTo(225);
        assertThat(run.err()).doesNotContain("RG2026");
    }

    @Test
    void predict_names_a_missing_column_and_an_unknown_site() throws IOException {
        assertThat(binaryRun.exitCode()).isZero();
        String model = binaryOut.resolve("model.json").toString();
        Cohort.assertOneLineError(Cohort.analyze("predict", "--model", model, "--data", Cohort.file("features.csv")),
            "the model needs column site");
        Path clinical = tmp.resolve("clinical_d.csv");
        Files.write(clinical, Files.readAllLines(Path.of(Cohort.file("clinical.csv"))).stream().map(l -> l.replace(",C,", ",D,")).toList());
        Cohort.assertOneLineError(Cohort.analyze("predict", "--model", model, "--data", Cohort.file("features.csv"),
            "--data", clinical.toString()), "site = D");
        Cohort.assertOneLineError(Cohort.analyze("predict", "--model", Cohort.file("truth.json"), "--data", Cohort.file("features.csv")),
            "not a Radiome model card");
    }

    @Test
    void a_bad_spec_is_one_line_naming_the_key() throws IOException {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, Files.readString(Cohort.root().resolve("data/analysis/study-cohort-2026.yaml"))
            .replace("cohort-2026/", Cohort.root().resolve("data/analysis/cohort-2026").toString() + "/")
            .replace("folds: 5\n  repeats", "folds: 1\n  repeats"));
        Cohort.assertOneLineError(Cohort.analyze("study", "--spec", spec.toString(), "--out", tmp.resolve("bad").toString()),
            "key 'validation.folds'");
        Files.writeString(spec, "data: [{file: x.csv}]\noutcome: {type: binary, column: response}\nfeatures: all\nmodel: {learner: svm}\n");
        Cohort.assertOneLineError(Cohort.analyze("study", "--spec", spec.toString(), "--out", tmp.resolve("bad").toString()),
            "key 'model.learner'", "svm");
    }
}
