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

/** {@code analyze combat} against sva::ComBat's harmonised matrices (combat_parametric*.csv). */
class CombatTest {
    @TempDir
    Path tmp;

    static Map<String, String[]> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        Map<String, String[]> rows = new HashMap<>();
        rows.put("", lines.get(0).split(","));
        for (String l : lines.subList(1, lines.size())) rows.put(l.split(",")[0], l.split(","));
        return rows;
    }

    static void assertSameTable(Path actual, String referenceName) throws IOException {
        Map<String, String[]> got = read(actual), ref = read(Path.of(Cohort.file(referenceName)));
        assertThat(got.keySet()).isEqualTo(ref.keySet());
        assertThat(got.get("")).containsExactly(ref.get(""));
        String[] header = ref.get("");
        for (Map.Entry<String, String[]> e : ref.entrySet()) {
            if (e.getKey().isEmpty()) continue;
            String[] g = got.get(e.getKey());
            for (int c = 1; c < header.length; c++) {
                assertClose(referenceName + " " + header[c], Double.parseDouble(g[c]), Double.parseDouble(e.getValue()[c]));
            }
        }
    }

    @Test
    void without_covariates_equals_sva_combat() throws IOException {
        Path out = tmp.resolve("h.csv");
        JsonNode json = Cohort.analyze("combat", "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"),
            "--batch", "site", "--features", "all", "--harmonised", out.toString()).json();
        assertThat(json.get("n").asInt()).isEqualTo(221);
        assertThat(json.get("dropped_missing").asInt()).isEqualTo(19);
        assertThat(json.get("batch_sizes").get("A").asInt()).isEqualTo(87);
        assertSameTable(out, "combat_parametric.csv");
    }

    @Test
    void with_stage_covariate_equals_sva_combat_and_a_saved_model_applies_the_same_estimates() throws IOException {
        Path out = tmp.resolve("h.csv"), model = tmp.resolve("combat.json"), applied = tmp.resolve("applied.csv");
        Cohort.analyze("combat", "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"),
            "--batch", "site", "--covariates", "stage", "--features", "all", "--harmonised", out.toString(),
            "--save-model", model.toString()).json();
        assertSameTable(out, "combat_parametric_cov.csv");
        // the saved estimates, applied to a table, reproduce R's harmonisation of that table
        JsonNode json = Cohort.analyze("combat", "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"),
            "--model", model.toString(), "--harmonised", applied.toString()).json();
        assertThat(json.get("applied_model").asText()).isEqualTo(model.toString());
        assertSameTable(applied, "combat_parametric_cov.csv");
    }

    /**
     * Covariate levels in R's factor() order, text order, also for labels that look like numbers: with stage
     * relabelled I -> 10, II -> 9, III -> B, IV -> b the levels are 10, 9, B, b (baseline 10, the old I) and the
     * harmonised values still equal sva's with model.matrix(~ stage) (the dummies span the same space).
     */
    @Test
    void covariate_levels_are_in_r_factor_order_for_mixed_labels() throws IOException {
        Map<String, String> relabel = Map.of("I", "10", "II", "9", "III", "B", "IV", "b");
        List<String> lines = Files.readAllLines(Path.of(Cohort.file("clinical.csv")));
        int stage = List.of(lines.get(0).split(",")).indexOf("stage");
        List<String> out = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            f[stage] = relabel.get(f[stage]);
            out.add(String.join(",", f));
        }
        Path clinical = tmp.resolve("clinical.csv"), model = tmp.resolve("combat.json"), h = tmp.resolve("h.csv");
        Files.write(clinical, out);
        JsonNode json = Cohort.analyze("combat", "--data", Cohort.file("features.csv"), "--data", clinical.toString(),
            "--batch", "site", "--covariates", "stage", "--features", "all", "--harmonised", h.toString(), "--save-model", model.toString()).json();
        assertThat(json.get("covariate_terms").toString()).isEqualTo("[\"stage=9\",\"stage=B\",\"stage=b\"]");
        JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(model.toFile());
        assertThat(saved.get("covariates").get(0).get("levels").toString()).isEqualTo("[\"10\",\"9\",\"B\",\"b\"]");
        assertSameTable(h, "combat_parametric_cov.csv");
    }

    @Test
    void applying_to_an_unknown_batch_is_an_error() throws IOException {
        Path model = tmp.resolve("combat.json");
        Cohort.analyze("combat", "--data", Cohort.file("features.csv"), "--data", Cohort.file("clinical.csv"),
            "--batch", "site", "--features", "stat_mean,stat_var", "--harmonised", tmp.resolve("h.csv").toString(),
            "--save-model", model.toString()).json();
        Path clinical = tmp.resolve("clinical.csv");
        Files.write(clinical, Files.readAllLines(Path.of(Cohort.file("clinical.csv"))).stream().map(l -> l.replace(",C,", ",D,")).toList());
        Cohort.assertOneLineError(Cohort.analyze("combat", "--data", Cohort.file("features.csv"), "--data", clinical.toString(),
            "--model", model.toString(), "--harmonised", tmp.resolve("x.csv").toString()), "batch site = D is not in");
    }
}
